import { memo, useEffect, useState } from 'react';
import { cx } from '../../components/class-names';
import { formatClockTime } from '../../lib/format-time';
import type { TileModel } from './instance-view';
import { describeTile, sameTile, tileSignature } from './instance-view';
import styles from './monitor.module.css';

/** How long a changed tile stays highlighted. */
const HIGHLIGHT_MS = 2_400;

interface InstanceTileProps {
  tile: TileModel;
  /** The node's agent is disconnected: the state shown is the last one it reported. */
  stale: boolean;
  /** The tile appeared after the monitor's first load (a new instance): highlight it. */
  fresh: boolean;
}

function InstanceTileView({ tile, stale, fresh }: InstanceTileProps) {
  const signature = tileSignature(tile);
  const [seen, setSeen] = useState(signature);
  const [flash, setFlash] = useState(fresh ? 1 : 0);
  const [lit, setLit] = useState(fresh);
  // Adjusting state while rendering (React's pattern for "the props changed"): no extra effect pass.
  if (seen !== signature) {
    setSeen(signature);
    setFlash((n) => n + 1);
    setLit(true);
  }
  useEffect(() => {
    if (flash === 0) return;
    const id = setTimeout(() => setLit(false), HIGHLIGHT_MS);
    return () => clearTimeout(id);
  }, [flash]);

  const description = describeTile(tile) + (stale ? ', node disconnected (last known state)' : '');
  const started = tile.startedAt ? Date.parse(tile.startedAt) : Number.NaN;
  const title = `${tile.name}: ${description}${Number.isFinite(started) ? `, started ${formatClockTime(started)}` : ''}`;
  return (
    <li
      className={cx(styles.tile, stale && styles.tileStale)}
      data-tone={tile.tone}
      data-status={tile.status}
      data-changed={lit || undefined}
      title={title}
    >
      {lit && <span key={flash} className={styles.flash} aria-hidden="true" />}
      <span className="visually-hidden">{description}</span>
      <span className={styles.tileHead} aria-hidden="true">
        <span className={styles.shape} />
        <span className={styles.tileNumber}>{tile.instance ?? '?'}</span>
        {tile.health && <span className={styles.health} data-health={tile.health} />}
      </span>
      <span className={styles.tileLabel} aria-hidden="true">
        {tile.label}
      </span>
      {tile.outdated && (
        <span className={styles.tileNote} aria-hidden="true">
          old rev {tile.serviceRev}
        </span>
      )}
    </li>
  );
}

/** A tile re-renders only when what it shows changes (not for timestamps the master bumps). */
export const InstanceTile = memo(InstanceTileView, (a, b) => a.stale === b.stale && a.fresh === b.fresh && sameTile(a.tile, b.tile));
