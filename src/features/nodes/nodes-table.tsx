import { memo } from 'react';
import { Link } from 'react-router';
import { formatNodePath } from '../../lib/format-grid-paths';
import { formatBytes, formatPercent } from '../../lib/format-units';
import { formatAgo, formatExactTime } from '../../lib/relative-time';
import type { NodeRow } from './node-rows';
import type { NodeSortKey, SortDir } from './nodes-view';
import { ReportingMark } from './reporting-mark';
import styles from './nodes.module.css';

const COLUMNS: readonly { label: string; sort: NodeSortKey | null; numeric?: boolean }[] = [
  { label: 'Name', sort: 'name' },
  { label: 'State', sort: 'state' },
  { label: 'Node #', sort: 'number', numeric: true },
  { label: 'Agent', sort: 'agent' },
  { label: 'CPU', sort: 'cpu', numeric: true },
  { label: 'Memory', sort: 'memory', numeric: true },
  { label: 'Disk', sort: 'disk', numeric: true },
  { label: 'Load', sort: 'load', numeric: true },
  { label: 'Last seen', sort: 'seen' },
  { label: 'Labels', sort: null },
];

function Usage({ percent, used, total }: { percent: number | null; used: number | null; total: number | null }) {
  if (percent === null) return <span className={styles.muted}>N/A</span>;
  return (
    <span title={`${formatBytes(used)} of ${formatBytes(total)}`}>
      {formatPercent(percent, 0)}
      <span className={styles.subLine}>
        {formatBytes(used)} / {formatBytes(total)}
      </span>
    </span>
  );
}

/** One node; memo: typing in the filter or sorting keeps each row's object, so rows do not render again. */
const NodeTableRow = memo(function NodeTableRow({ grid, row, now }: { grid: string; row: NodeRow; now: number }) {
  const { node, usage } = row;
  return (
    <tr data-state={row.reporting.kind} className={row.reporting.kind !== 'online' ? styles.troubleRow : undefined}>
      <th scope="row" className={styles.nameCell}>
        <Link to={formatNodePath(grid, row.name)}>{row.name}</Link>
      </th>
      <td>
        <ReportingMark state={row.reporting} now={now} />
      </td>
      <td className={styles.num}>{node.initial_member ? `${node.node_number} / ${node.grid.initial_size}` : node.node_number}</td>
      <td className={styles.mono}>{node.agent_version ?? <span className={styles.muted}>unknown</span>}</td>
      <td className={styles.num}>
        {formatPercent(usage.cpuPercent)}
        {node.cpus !== null && <span className={styles.subLine}>of {node.cpus} CPUs</span>}
      </td>
      <td className={styles.num}>
        <Usage percent={row.memPercent} used={usage.memUsed} total={usage.memTotal} />
      </td>
      <td className={styles.num}>
        <Usage percent={row.diskPercent} used={usage.diskUsed} total={usage.diskTotal} />
      </td>
      <td className={styles.num}>{usage.load1 === null ? <span className={styles.muted}>N/A</span> : usage.load1.toFixed(2)}</td>
      <td>
        {row.seenAt === null ? (
          <span className={styles.muted}>never</span>
        ) : (
          <time dateTime={new Date(row.seenAt).toISOString()} title={formatExactTime(row.seenAt)}>
            {formatAgo(row.seenAt, now)}
          </time>
        )}
      </td>
      <td className={styles.labelsCell}>
        {node.labels.length === 0 ? (
          <span className={styles.muted}>none</span>
        ) : (
          <ul className={styles.labels} aria-label={`Labels of ${row.name}`}>
            {node.labels.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
});

interface NodesTableProps {
  grid: string;
  rows: readonly NodeRow[];
  now: number;
  sort: NodeSortKey;
  dir: SortDir;
  onSort: (key: NodeSortKey) => void;
  labelledBy: string;
}

/** The nodes as a plain table (100 rows need no virtualising); the headers sort. */
export function NodesTable({ grid, rows, now, sort, dir, onSort, labelledBy }: NodesTableProps) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} aria-labelledby={labelledBy}>
        <thead>
          <tr>
            {COLUMNS.map((col) => {
              const current = col.sort !== null && col.sort === sort;
              return (
                <th
                  key={col.label}
                  scope="col"
                  className={col.numeric ? styles.num : undefined}
                  aria-sort={current ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {col.sort === null ? (
                    col.label
                  ) : (
                    <button type="button" className={styles.sortButton} onClick={() => col.sort !== null && onSort(col.sort)}>
                      {col.label}
                      <span className={styles.sortArrow} aria-hidden="true">
                        {current ? (dir === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <NodeTableRow key={row.node.id} grid={grid} row={row} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
