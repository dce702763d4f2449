import { memo, useId } from 'react';
import { Link } from 'react-router';
import { clientNow } from '../../api/client';
import { BreakableName } from '../../components/breakable-name';
import { cx } from '../../components/class-names';
import { useNow } from '../../components/use-now';
import { formatNodePath } from '../../lib/format-grid-paths';
import { formatClockTime } from '../../lib/format-time';
import { formatBytes, formatPercent } from '../../lib/format-units';
import { memPercent, sameLoad, silentMinutes } from '../../lib/node-load';
import type { NodeLoad } from '../../lib/node-load';
import { InstanceTile } from './instance-tile';
import type { NodeGroup } from './instance-view';
import { sameTile } from './instance-view';
import styles from './monitor.module.css';

interface NodeCardProps {
  grid: string;
  group: NodeGroup;
  /** Ids present at the monitor's first load; null before it. */
  initialIds: ReadonlySet<string> | null;
}

/** "not reporting for 5 min", on the page's shared 30 s clock (the master's time: last_seen_at is its). */
function Silence({ lastSeenAt }: { lastSeenAt: string | null }) {
  const now = useNow(30_000, lastSeenAt !== null, clientNow);
  const minutes = silentMinutes(lastSeenAt, now);
  if (minutes === null || lastSeenAt === null) return <>offline · never reported</>;
  return <span title={`Last seen at ${formatClockTime(Date.parse(lastSeenAt))}`}>offline · not reporting for {minutes} min</span>;
}

/** CPU and memory of the node's latest host sample, with a bar each; old figures are marked as such. */
function Load({ load, stale }: { load: NodeLoad; stale: boolean }) {
  const mem = memPercent(load);
  if (load.cpuPercent === null && load.memUsed === null) return <p className={styles.nodeLoad}>No load reported yet</p>;
  return (
    <dl className={styles.nodeLoad} data-stale={stale} aria-label={stale ? 'Load, as last reported' : 'Load'}>
      <div>
        <dt>CPU</dt>
        <dd>
          <span className={styles.loadBar} aria-hidden="true">
            <span style={{ width: `${load.cpuPercent ?? 0}%` }} />
          </span>
          {formatPercent(load.cpuPercent)}
        </dd>
      </div>
      <div>
        <dt>Memory</dt>
        <dd>
          <span className={styles.loadBar} aria-hidden="true">
            <span style={{ width: `${mem ?? 0}%` }} />
          </span>
          {formatBytes(load.memUsed)} of {formatBytes(load.memTotal)}
        </dd>
      </div>
      {stale && (
        <div>
          <dt className="visually-hidden">As of</dt>
          <dd className={styles.loadAsOf}>last reported</dd>
        </div>
      )}
    </dl>
  );
}

function NodeCardView({ grid, group, initialIds }: NodeCardProps) {
  const disconnected = group.connected === false;
  const count = group.tiles.length;
  const headingId = useId();
  // A group of instances without a node, or on a node the grid's list does not have, has no page of its own.
  const known = group.key !== '' && group.connected !== null;
  return (
    <section className={cx(styles.node, disconnected && styles.nodeOffline, count === 0 && styles.nodeEmpty)} aria-labelledby={headingId}>
      <header className={styles.nodeHeader}>
        <h3 id={headingId} className={styles.nodeName}>
          {known ? (
            <Link to={formatNodePath(grid, group.name)}>
              <BreakableName text={group.name} />
            </Link>
          ) : (
            <BreakableName text={group.name} />
          )}
        </h3>
        <span className={styles.nodeCount}>{count === 0 ? 'no instances' : count === 1 ? '1 instance' : `${count} instances`}</span>
        {group.connected === true && (
          <span className={styles.online}>
            <span className={styles.onlineMark} aria-hidden="true" />
            connected
          </span>
        )}
        {disconnected && (
          <span className={styles.offline}>
            <span className={styles.offlineMark} aria-hidden="true" />
            <Silence lastSeenAt={group.lastSeenAt} />
          </span>
        )}
      </header>
      {known && <Load load={group.load} stale={disconnected} />}
      {group.labels.length > 0 && <p className={styles.nodeLabels}>{group.labels.join(' · ')}</p>}
      {count > 0 && (
        <ul className={styles.tiles} aria-label={`Instances on ${group.name}`}>
          {group.tiles.map((tile) => (
            <InstanceTile key={tile.id} tile={tile} stale={disconnected} fresh={initialIds !== null && !initialIds.has(tile.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function sameGroup(a: NodeCardProps, b: NodeCardProps): boolean {
  const g = a.group;
  const h = b.group;
  if (a.initialIds !== b.initialIds || a.grid !== b.grid) return false;
  if (g.key !== h.key || g.name !== h.name || g.connected !== h.connected || g.tiles.length !== h.tiles.length) return false;
  // A connected node's last_seen_at moves with every heartbeat, but only a disconnected node shows it.
  if (g.connected === false && g.lastSeenAt !== h.lastSeenAt) return false;
  if (!sameLoad(g.load, h.load)) return false;
  if (g.labels.join('\n') !== h.labels.join('\n')) return false;
  return g.tiles.every((t, i) => {
    const u = h.tiles[i];
    return u !== undefined && sameTile(t, u);
  });
}

/** One node of the grid, its state and load, and the service's instances on it; skipped on a poll that changed nothing on it. */
export const NodeCard = memo(NodeCardView, sameGroup);
