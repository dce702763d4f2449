import { Link } from 'react-router';
import type { Node } from '../../api/schemas/node';
import { Panel } from '../../components/panel';
import { StatusBadge } from '../../components/status-badge';
import { formatNodePath, formatNodesPath } from '../../lib/format-grid-paths';
import { formatBytes, formatPercent } from '../../lib/format-units';
import { nodeUsage, topNodes } from './node-usage';
import type { NodeUsage } from './node-usage';
import styles from './overview.module.css';

/** Nodes listed per measure. */
const TOP = 5;

function UsageBar({ percent }: { percent: number }) {
  return (
    <span className={styles.bar} aria-hidden="true">
      <span className={styles.barFill} style={{ width: `${Math.max(1, Math.min(100, percent))}%` }} />
    </span>
  );
}

function TopList({ grid, nodes, measure }: { grid: string; nodes: readonly NodeUsage[]; measure: 'cpu' | 'memory' }) {
  const label = measure === 'cpu' ? 'CPU' : 'Memory';
  return (
    <div className={styles.topList}>
      <h3 className={styles.subheading}>
        <Link to={formatNodesPath(grid, `?sort=${measure}`)}>By {label === 'CPU' ? 'CPU' : 'memory'}</Link>
      </h3>
      {nodes.length === 0 ? (
        <p className={styles.panelNote}>No node has reported a sample yet.</p>
      ) : (
        <ol className={styles.topNodes} aria-label={`Busiest nodes by ${label === 'CPU' ? 'CPU' : 'memory'}`}>
          {nodes.map((n) => {
            const percent = (measure === 'cpu' ? n.cpu : n.memory) ?? 0;
            const extra =
              measure === 'memory' && n.memoryUsed !== null && n.memoryTotal !== null
                ? ` · ${formatBytes(n.memoryUsed)} of ${formatBytes(n.memoryTotal)}`
                : '';
            return (
              <li key={n.name} className={styles.topNode}>
                <Link to={formatNodePath(grid, n.name)} className={styles.topNodeName}>
                  {n.name}
                </Link>
                {!n.connected && <StatusBadge tone="danger" label="offline" />}
                <UsageBar percent={percent} />
                <span className={styles.topNodeValue}>
                  {formatPercent(percent)}
                  <span className={styles.muted}>{extra}</span>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

/** The busiest nodes by CPU and by memory, from each node's latest sample. */
export function TopNodesPanel({ grid, nodes }: { grid: string; nodes: readonly Node[] }) {
  const usage = nodes.map(nodeUsage);
  return (
    <Panel id="overview-top-nodes" title="Busiest nodes" tools={<Link to={formatNodesPath(grid)}>All nodes</Link>}>
      <div className={styles.topLists}>
        <TopList grid={grid} nodes={topNodes(usage, 'cpu', TOP)} measure="cpu" />
        <TopList grid={grid} nodes={topNodes(usage, 'memory', TOP)} measure="memory" />
      </div>
    </Panel>
  );
}
