import { memo, useId } from 'react';
import { clientNow } from '../../api/client';
import { useNow } from '../../components/use-now';
import { silentMinutes } from '../../lib/node-load';
import { DataAge } from './data-age';
import { ToneIcon } from './tone-icon';
import { nodeCpuFigure, nodeMemFigure } from './wall-nodes';
import type { WallNodeTile } from './wall-nodes';
import styles from './wall-node-tile.module.css';

interface WallNodeTileProps {
  tile: WallNodeTile;
  /** When the tile's node list was received, ms epoch. */
  updatedAt: number;
  /** The last refresh failed or the master is unreachable: the data shown is old. */
  stale: boolean;
  /** Several grids on the wall: say which one the node is in. */
  showGrid: boolean;
}

const STATE_WORD: Record<WallNodeTile['tone'], string> = { danger: 'Offline', warn: 'Busy', ok: 'Online' };

/** "Not reporting for 5 min", on the page's shared 30 s clock; only an offline tile runs it. */
function Silence({ lastSeenAt }: { lastSeenAt: string | null }) {
  const now = useNow(30_000, true, clientNow);
  const minutes = silentMinutes(lastSeenAt, now);
  return <p className={styles.silent}>{minutes === null ? 'Never reported' : `Not reporting for ${minutes} min`}</p>;
}

/**
 * One node on the wall: online, busy (CPU or memory at 90 % or more) or offline, by
 * colour, shape and word, with its load from the grid's node list (nothing fetched per
 * tile). Skipped on a poll that left its node unchanged (the list keeps unchanged nodes).
 */
export const WallNodeTileView = memo(function WallNodeTileView({ tile, updatedAt, stale, showGrid }: WallNodeTileProps) {
  const headingId = useId();
  return (
    <li className={styles.tile} data-tone={tile.tone} data-stale={stale} data-problem={tile.tone !== 'ok'} aria-labelledby={headingId}>
      <div className={styles.status}>
        <p className={styles.state}>
          <ToneIcon tone={tile.tone} className={styles.icon} />
          <span>{STATE_WORD[tile.tone]}</span>
        </p>
        <p className={styles.age}>
          {stale && <strong className={styles.staleMark}>Stale </strong>}
          <DataAge since={updatedAt} />
        </p>
      </div>
      <h2 id={headingId} className={styles.name} data-fit-name="">
        {showGrid && <span className={styles.context}>{tile.grid} / </span>}
        <span className="visually-hidden">Node </span>
        {tile.name}
      </h2>
      {tile.connected ? (
        <dl className={styles.metrics}>
          <dt>CPU</dt>
          <dd>{nodeCpuFigure(tile.load)}</dd>
          <dt>Mem</dt>
          <dd>{nodeMemFigure(tile.load)}</dd>
        </dl>
      ) : (
        <Silence lastSeenAt={tile.lastSeenAt} />
      )}
    </li>
  );
});

/** The last place of a full row: the nodes not shown, and how many of them are offline or busy. */
export function WallNodesMore({ hidden, troubled }: { hidden: number; troubled: number }) {
  return (
    <li className={styles.more}>
      <span>+{hidden === 1 ? '1 more node' : `${hidden} more nodes`}</span>
      <span className={styles.moreNote}>{troubled > 0 ? `${troubled} offline or busy` : 'all online'}</span>
    </li>
  );
}
