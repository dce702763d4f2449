import { memo, useMemo } from 'react';
import { Sparkline } from '../../components/sparkline';
import { formatBytes, formatDecimalBytes, formatMemoryLimit, formatPercent, formatRate, memoryPercent } from '../../lib/format-units';
import { instanceLabel, sortInstanceStats } from './instance-stats';
import type { InstanceStat, ServiceTotals, SortOrder, StatSortKey } from './instance-stats';
import type { LiveSample } from './live-stats';
import styles from './stats-table.module.css';

/** Samples in a row's CPU sparkline: the last few minutes at the master's pace. */
const SPARK_SAMPLES = 60;
const NO_TRAIL: readonly (number | null)[] = [];

interface Column {
  key: StatSortKey;
  label: string;
  numeric: boolean;
}

const COLUMNS: readonly Column[] = [
  { key: 'instance', label: 'Instance', numeric: false },
  { key: 'cpu', label: 'CPU %', numeric: true },
  { key: 'memory', label: 'Mem usage / limit', numeric: true },
  { key: 'mem_pct', label: 'Mem %', numeric: true },
  { key: 'rx', label: 'Net rx/s', numeric: true },
  { key: 'tx', label: 'Net tx/s', numeric: true },
  { key: 'net_io', label: 'Net I/O (rx / tx)', numeric: true },
];

interface StatsTableProps {
  samples: readonly LiveSample[];
  sort: StatSortKey;
  order: SortOrder;
  onSort: (key: StatSortKey) => void;
  /** Per-instance view: checkboxes choose the charted instances. */
  chart: { names: ReadonlySet<string>; canAdd: boolean; onToggle: (stat: InstanceStat) => void } | null;
  /** The palette slot of each charted instance name, for its swatch. */
  slots: ReadonlyMap<string, number>;
}

function cpuTrail(samples: readonly LiveSample[], name: string): readonly (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = Math.max(0, samples.length - SPARK_SAMPLES); i < samples.length; i++) out.push(samples[i]?.byName.get(name)?.cpu ?? null);
  return out;
}

const Row = memo(function Row({
  stat,
  trail,
  chart,
  charted,
  slot,
}: {
  stat: InstanceStat;
  trail: readonly (number | null)[];
  chart: StatsTableProps['chart'];
  charted: boolean;
  slot: number | undefined;
}) {
  const label = instanceLabel(stat);
  return (
    <tr>
      {chart && (
        <td className={styles.check}>
          <input
            type="checkbox"
            checked={charted}
            disabled={!charted && !chart.canAdd}
            onChange={() => chart.onToggle(stat)}
            aria-label={`Chart instance ${label}`}
          />
          {slot !== undefined && <span className={styles[`slot${slot}`]} aria-hidden="true" />}
        </td>
      )}
      <th scope="row" className={styles.instance}>
        <span className={styles.number}>{label}</span>
        <span className={styles.name}>{stat.name}</span>
      </th>
      <td className={styles.numeric}>
        <span className={styles.cpu}>
          <Sparkline values={trail} width={56} height={18} className={styles.spark} />
          {formatPercent(stat.cpu, 2)}
        </span>
      </td>
      <td className={styles.numeric}>
        {stat.memory === null ? 'N/A' : `${formatBytes(stat.memory)} / ${formatMemoryLimit(stat.memoryLimit)}`}
      </td>
      <td className={styles.numeric}>
        {stat.memory === null ? (
          'N/A'
        ) : stat.memoryPercent === null ? (
          <span title="No memory limit">—</span>
        ) : (
          formatPercent(stat.memoryPercent, 2)
        )}
      </td>
      <td className={styles.numeric}>{formatRate(stat.rxRate)}</td>
      <td className={styles.numeric}>{formatRate(stat.txRate)}</td>
      <td className={styles.numeric}>
        {stat.rxBytes === null ? 'N/A' : `${formatDecimalBytes(stat.rxBytes)} / ${formatDecimalBytes(stat.txBytes)}`}
      </td>
    </tr>
  );
});

function TotalsRow({ totals, count, chart }: { totals: ServiceTotals; count: number; chart: boolean }) {
  const memPct = memoryPercent(totals.memory, totals.memoryLimit);
  return (
    <tr>
      {chart && <td />}
      <th scope="row" className={styles.instance}>
        <span className={styles.number}>Service</span>
        <span className={styles.name}>{count === 1 ? '1 instance' : `${count} instances`}</span>
      </th>
      <td className={styles.numeric} title="Mean over instances (sum in brackets)">
        {formatPercent(totals.cpuMean, 2)} <span className={styles.muted}>(Σ {formatPercent(totals.cpuSum, 1)})</span>
      </td>
      <td className={styles.numeric}>
        {totals.memory === null ? 'N/A' : `${formatBytes(totals.memory)} / ${formatMemoryLimit(totals.memoryLimit)}`}
      </td>
      <td className={styles.numeric}>{memPct === null ? '—' : formatPercent(memPct, 2)}</td>
      <td className={styles.numeric}>{formatRate(totals.rxRate)}</td>
      <td className={styles.numeric}>{formatRate(totals.txRate)}</td>
      <td className={styles.numeric}>
        {totals.rxBytes === null ? 'N/A' : `${formatDecimalBytes(totals.rxBytes)} / ${formatDecimalBytes(totals.txBytes)}`}
      </td>
    </tr>
  );
}

/** The live table of `kontena service stats -t`, sortable on every column. */
export function StatsTable({ samples, sort, order, onSort, chart, slots }: StatsTableProps) {
  const latest = samples[samples.length - 1];
  const rows = useMemo(() => (latest ? sortInstanceStats(latest.stats, sort, order) : []), [latest, sort, order]);
  // One trail array per instance and sample set: the rows (and their sparklines) are memoised,
  // so a re-sort, a chart toggle or the page's clock tick redraws none of them.
  const trails = useMemo(() => new Map(latest ? latest.stats.map((s) => [s.name, cpuTrail(samples, s.name)]) : []), [latest, samples]);
  if (!latest) return null;
  if (rows.length === 0) {
    return <p className={styles.empty}>No instance of this service reports stats: it has no containers right now.</p>;
  }
  return (
    <div className={styles.wrap}>
      <table className={styles.table} aria-label="Instance stats">
        <thead>
          <tr>
            {chart && (
              <th scope="col" className={styles.check}>
                Chart
              </th>
            )}
            {COLUMNS.map((c) => {
              const active = c.key === sort;
              const next: SortOrder = active ? (order === 'asc' ? 'desc' : 'asc') : c.key === 'instance' ? 'asc' : 'desc';
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
                  className={c.numeric ? styles.numeric : undefined}
                >
                  <button
                    type="button"
                    className={styles.sort}
                    onClick={() => onSort(c.key)}
                    title={`Sort by ${c.label}, ${next === 'asc' ? 'ascending' : 'descending'}`}
                  >
                    {c.label}
                    <span className={styles.arrow} aria-hidden="true">
                      {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((stat) => (
            <Row
              key={stat.name}
              stat={stat}
              trail={trails.get(stat.name) ?? NO_TRAIL}
              chart={chart}
              charted={chart?.names.has(stat.name) ?? false}
              slot={slots.get(stat.name)}
            />
          ))}
        </tbody>
        <tfoot>
          <TotalsRow totals={latest.totals} count={rows.length} chart={chart !== null} />
        </tfoot>
      </table>
    </div>
  );
}
