import { memo, useId } from 'react';
import { BreakableName } from '../../components/breakable-name';
import { cx } from '../../components/class-names';
import { formatClockTime } from '../../lib/format-time';
import { InstanceTile } from './instance-tile';
import type { NodeGroup } from './instance-view';
import { sameTile } from './instance-view';
import styles from './monitor.module.css';

interface NodeCardProps {
  group: NodeGroup;
  /** Ids present at the monitor's first load; null before it. */
  initialIds: ReadonlySet<string> | null;
}

function NodeCardView({ group, initialIds }: NodeCardProps) {
  const disconnected = group.connected === false;
  const count = group.tiles.length;
  const headingId = useId();
  return (
    <section className={cx(styles.node, disconnected && styles.nodeOffline, count === 0 && styles.nodeEmpty)} aria-labelledby={headingId}>
      <header className={styles.nodeHeader}>
        <h3 id={headingId} className={styles.nodeName}>
          <BreakableName text={group.name} />
        </h3>
        <span className={styles.nodeCount}>{count === 0 ? 'no instances' : count === 1 ? '1 instance' : `${count} instances`}</span>
        {disconnected && (
          <span className={styles.offline}>
            <span className={styles.offlineMark} aria-hidden="true" />
            disconnected{group.lastSeenAt ? ` · last seen ${formatClockTime(Date.parse(group.lastSeenAt))}` : ''}
          </span>
        )}
      </header>
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
  if (a.initialIds !== b.initialIds) return false;
  if (g.key !== h.key || g.name !== h.name || g.connected !== h.connected || g.tiles.length !== h.tiles.length) return false;
  // A connected node's last_seen_at moves with every heartbeat, but only a disconnected node shows it.
  if (g.connected === false && g.lastSeenAt !== h.lastSeenAt) return false;
  if (g.labels.join('\n') !== h.labels.join('\n')) return false;
  return g.tiles.every((t, i) => {
    const u = h.tiles[i];
    return u !== undefined && sameTile(t, u);
  });
}

/** One node of the grid and the service's instances on it; skipped on a poll that changed nothing on it. */
export const NodeCard = memo(NodeCardView, sameGroup);
