import { memo, useEffect, useMemo, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { statsQuery } from '../../api/queries';
import { NULL_STACK } from '../../api/service-ref';
import { getStats } from '../../api/stats';
import { describeHealth } from '../../lib/service-health';
import { DataAge } from './data-age';
import { lastFigures, seriesValues } from './series-store';
import type { SeriesStore } from './series-store';
import { cpuFigure, memFigure, shortReason } from './tile-text';
import { ToneIcon } from './tone-icon';
import { useRefitTile } from './use-fit-tiles';
import { wallPolling } from './wall-polling';
import { WallSparkline } from './wall-sparkline';
import type { Problem, TileTone, WallTile } from './wall-tiles';
import styles from './wall-tile.module.css';

interface WallTileProps {
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

function runningText(tile: WallTile): string {
  return tile.strategy === 'daemon' ? `${tile.running} running · ${tile.desired}/node` : `${tile.running}/${tile.desired} running`;
}

/** In the words every view uses (lib/service-health): "2/3 healthy · 1 pending", "no health check". */
function healthText(tile: WallTile): string {
  return describeHealth(tile.health).text;
}

function statusText(tile: WallTile): string {
  if (tile.state === 'restarting') return 'Restarting';
  if (tile.deploying) return 'Deploying';
  if (tile.state === 'initialized') return 'Not deployed';
  return 'OK';
}

/** Problems whose detail is the running count: it stands in for the count, not beside it. */
const COUNT_KINDS: ReadonlySet<Problem['kind']> = new Set(['down', 'degraded']);

/** A problem's detail as a tile says it: a deploy's failure reason in a few words. */
function problemDetail(problem: Problem): string {
  return problem.kind === 'deploy-failed' ? shortReason(problem.detail) : problem.detail;
}

/**
 * The tile's small facts, each kept whole on a line (a long list goes on to a second
 * line between facts, never inside one): counts, a state the headline does not already
 * say, and whatever `healthText` says, a part per fact.
 */
function factsOf(tile: WallTile, worst: Problem | undefined, headline: string): string[] {
  const facts: string[] = [];
  if (worst !== undefined && worst.detail !== '' && COUNT_KINDS.has(worst.kind)) facts.push(worst.detail);
  else facts.push(...runningText(tile).split(' · '));
  if (worst !== undefined && worst.detail !== '' && !COUNT_KINDS.has(worst.kind)) facts.push(problemDetail(worst));
  if (tile.state !== 'running' && tile.state.toLowerCase() !== headline.toLowerCase()) facts.push(tile.state);
  facts.push(...healthText(tile).split(' · '));
  return facts;
}

interface AlsoLine {
  key: string;
  tone: TileTone;
  text: string;
}

/** The tile's other problems, and a deploy in progress behind a problem, a line each. */
function alsoLines(tile: WallTile, worst: Problem | undefined): AlsoLine[] {
  const lines: AlsoLine[] = tile.problems
    .slice(1)
    .map((p) => ({ key: p.kind, tone: p.tone, text: p.detail === '' ? p.title : `${p.title}: ${problemDetail(p)}` }));
  if (tile.deploying && worst !== undefined) lines.push({ key: 'deploying', tone: 'info', text: 'Deploy in progress' });
  return lines;
}

/**
 * One service on the wall. Polls its own stats only while it is on screen (tiles of
 * other pages are not mounted), into the wall's ring buffers, so a wall of any size
 * fetches stats for at most one screenful of services. Its health is already what the
 * instances say where the list's health_status left it open (use-reported-wall-health).
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
  const headline = worst ? worst.title : statusText(tile);
  const facts = factsOf(tile, worst, headline);
  const more = alsoLines(tile, worst);
  const tileRef = useRef<HTMLLIElement | null>(null);
  useRefitTile(tileRef, [headline, ...facts, ...more.map((line) => line.text), stale, showGrid].join('|'));
  const headingId = `wall-tile-${tile.id.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

  return (
    <li
      ref={tileRef}
      className={styles.tile}
      data-tone={tile.tone}
      data-stale={stale}
      data-problem={tile.problems.length > 0}
      aria-labelledby={headingId}
    >
      <div className={styles.status}>
        <p className={styles.state}>
          <ToneIcon tone={tile.tone} className={styles.icon} />
          <span>{headline}</span>
          <span className="visually-hidden"> ({TONE_WORD[tile.tone]})</span>
        </p>
        <p className={styles.age}>
          {stale && <strong className={styles.staleMark}>Stale </strong>}
          <DataAge since={updatedAt} />
        </p>
      </div>
      <h2 id={headingId} className={styles.heading}>
        <span className={styles.context}>
          {showGrid && tile.grid}
          {/* The separator only between two parts; a reader of the heading hears it either way. */}
          {showGrid && (tile.stack === NULL_STACK ? <span className="visually-hidden"> · </span> : ' · ')}
          {tile.stack !== NULL_STACK && `${tile.stack}/`}
        </span>
        <span className={styles.name} data-fit-name="">
          {tile.name}
        </span>
      </h2>
      <p className={styles.facts}>
        {facts.map((fact, i) => (
          <span key={i} className={i === 0 ? styles.count : styles.fact}>
            {fact}
          </span>
        ))}
      </p>
      {more.length > 0 && (
        <ul className={styles.more} aria-label="Also">
          {more.map((line) => (
            <li key={line.key} data-tone={line.tone}>
              <ToneIcon tone={line.tone} className={styles.smallIcon} />
              <span>{line.text}</span>
            </li>
          ))}
        </ul>
      )}
      {/* Nothing running, nothing to draw: the lines above may have the charts' room. */}
      <dl className={styles.metrics} data-idle={tile.running === 0}>
        <div className={styles.metric}>
          <dt>CPU</dt>
          <dd className={styles.value}>{cpuFigure(latest?.cpu)}</dd>
          <dd className={styles.sparkCell}>
            <WallSparkline values={cpu} label={`CPU of ${tile.label}, recent samples`} />
          </dd>
        </div>
        <div className={styles.metric}>
          <dt>Mem</dt>
          <dd className={styles.value}>{memFigure(latest?.mem)}</dd>
          <dd className={styles.sparkCell}>
            <WallSparkline values={mem} label={`Memory of ${tile.label}, recent samples`} />
          </dd>
        </div>
      </dl>
    </li>
  );
});
