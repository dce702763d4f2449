import { memo, useEffect, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { statsQuery } from '../../api/queries';
import { NULL_STACK } from '../../api/service-ref';
import { getStats } from '../../api/stats';
import { Sparkline } from '../../components/sparkline';
import { formatBytes, formatPercent } from '../../lib/format-units';
import { DataAge } from './data-age';
import { lastFigures, seriesValues } from './series-store';
import type { SeriesStore } from './series-store';
import { ToneIcon } from './tone-icon';
import { wallPolling } from './wall-polling';
import type { TileTone, WallTile } from './wall-tiles';
import styles from './wall-tile.module.css';

export interface WallTileProps {
  tile: WallTile;
  refreshMs: number;
  series: SeriesStore;
  /** When the tile's service data was received (its grid's list), ms epoch. */
  updatedAt: number;
  /** The last refresh failed or the master is unreachable: the data shown is old. */
  stale: boolean;
  /** Several grids on the wall: say which one the service is in. */
  showGrid: boolean;
}

const TONE_WORD: Record<TileTone, string> = { danger: 'Problem', warn: 'Problem', info: 'Deploying', ok: 'OK', neutral: 'Not deployed' };
const SPARK_WIDTH = 130;
const SPARK_HEIGHT = 30;

function runningText(tile: WallTile): string {
  return tile.strategy === 'daemon' ? `${tile.running} running · ${tile.desired}/node` : `${tile.running}/${tile.desired} running`;
}

function healthText(tile: WallTile): string {
  if (tile.healthy === null || tile.healthTotal === null) return 'no health check';
  if (tile.healthTotal === 0) return 'health unknown';
  return `${tile.healthy}/${tile.healthTotal} healthy`;
}

function statusText(tile: WallTile): string {
  if (tile.state === 'restarting') return 'Restarting';
  if (tile.deploying) return 'Deploying';
  if (tile.state === 'initialized') return 'Not deployed';
  return 'OK';
}

/**
 * One service on the wall. Polls its own stats only while it is on screen (tiles of
 * other pages are not mounted), into the wall's ring buffers, so a wall of any size
 * fetches stats for at most one screenful of services.
 */
export const WallTileView = memo(function WallTileView({ tile, refreshMs, series, updatedAt, stale, showGrid }: WallTileProps) {
  const ref = useMemo(() => ({ grid: tile.grid, stack: tile.stack, name: tile.name }), [tile.grid, tile.stack, tile.name]);
  const stats = useQuery({
    ...statsQuery(ref),
    queryFn: async ({ signal }) => {
      try {
        const rows = await getStats(ref, { signal });
        // Into the ring here, not in render: one sample per answer, whatever renders.
        series.record(tile.id, Date.now(), rows);
        return rows;
      } catch (error) {
        if (!signal.aborted) series.gap(tile.id, Date.now());
        throw error;
      }
    },
    ...wallPolling(refreshMs),
    // Nothing runs, nothing to measure: no request.
    enabled: tile.running > 0,
  });
  // Back on screen after a while (rotation): the time away is a break in the line.
  useEffect(() => {
    const last = series.get(tile.id)?.last();
    if (last !== undefined && Date.now() - last.t > 3 * refreshMs) series.gap(tile.id, Date.now());
  }, [series, tile.id, refreshMs]);
  const ring = series.get(tile.id);
  const version = ring?.version ?? 0;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the ring is mutable: its version (and the answer's time) say when it changed
  const cpu = useMemo(() => seriesValues(ring, 'cpu'), [ring, version, stats.dataUpdatedAt]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
  const mem = useMemo(() => seriesValues(ring, 'mem'), [ring, version, stats.dataUpdatedAt]);
  // A service with nothing running has no current figures, whatever it used before.
  const latest = tile.running > 0 ? lastFigures(ring) : undefined;
  const worst = tile.problems[0];
  const headingId = `wall-tile-${tile.id.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

  return (
    <li className={styles.tile} data-tone={tile.tone} data-stale={stale} data-problem={tile.problems.length > 0} aria-labelledby={headingId}>
      <div className={styles.status}>
        <ToneIcon tone={tile.tone} className={styles.icon} />
        <span className={styles.statusWord}>{worst ? worst.title : statusText(tile)}</span>
        {worst !== undefined && worst.detail !== '' && <span className={styles.statusDetail}>{worst.detail}</span>}
        <span className="visually-hidden">({TONE_WORD[tile.tone]})</span>
        <span className={styles.age}>
          {stale && <strong className={styles.staleMark}>Stale · </strong>}
          <DataAge since={updatedAt} />
        </span>
      </div>
      <h2 id={headingId} className={styles.heading}>
        <span className={styles.context}>
          {showGrid && `${tile.grid} · `}
          {tile.stack !== NULL_STACK && `${tile.stack}/`}
        </span>
        <span className={styles.name}>{tile.name}</span>
      </h2>
      <p className={styles.facts}>
        <span className={styles.count}>{runningText(tile)}</span>
        {tile.state !== 'running' && <span> · {tile.state}</span>}
        <span> · {healthText(tile)}</span>
      </p>
      {(tile.problems.length > 1 || (tile.deploying && worst !== undefined)) && (
        <ul className={styles.more} aria-label="Also">
          {tile.problems.slice(1).map((p) => (
            <li key={p.kind} data-tone={p.tone}>
              <ToneIcon tone={p.tone} className={styles.smallIcon} />
              {p.detail === '' ? p.title : `${p.title}: ${p.detail}`}
            </li>
          ))}
          {tile.deploying && worst !== undefined && (
            <li data-tone="info">
              <ToneIcon tone="info" className={styles.smallIcon} />
              Deploy in progress
            </li>
          )}
        </ul>
      )}
      <dl className={styles.metrics}>
        <div className={styles.metric}>
          <dt>CPU</dt>
          <dd className={styles.value}>{formatPercent(latest?.cpu)}</dd>
          <dd className={styles.sparkCell}>
            <Sparkline values={cpu} width={SPARK_WIDTH} height={SPARK_HEIGHT} className={styles.spark} label={`CPU of ${tile.label}, recent samples`} />
          </dd>
        </div>
        <div className={styles.metric}>
          <dt>Mem</dt>
          <dd className={styles.value}>{formatBytes(latest?.mem)}</dd>
          <dd className={styles.sparkCell}>
            <Sparkline values={mem} width={SPARK_WIDTH} height={SPARK_HEIGHT} className={styles.spark} label={`Memory of ${tile.label}, recent samples`} />
          </dd>
        </div>
      </dl>
    </li>
  );
});
