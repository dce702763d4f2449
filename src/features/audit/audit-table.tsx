import { memo } from 'react';
import type { AuditEntry } from '../../api/audit';
import { PanelTable } from '../../components/panel';
import { formatTableDateTime } from '../../lib/clock-format';
import { formatAgo, formatExactTime } from '../../lib/relative-time';
import { AuditResource } from './audit-resource';
import type { StacksByServiceName } from './audit-resource';
import styles from './audit-page.module.css';

const COLUMNS = ['Time', 'User', 'Action', 'Resource', 'Source IP', 'User agent'] as const;

interface AuditRowProps {
  grid: string;
  entry: AuditEntry;
  now: number;
  stacksByName: StacksByServiceName | undefined;
}

/** One entry; kept while a poll brings the same entry again (the query shares unchanged ones). */
const AuditRow = memo(function AuditRow({ grid, entry, now, stacksByName }: AuditRowProps) {
  const at = Date.parse(entry.time);
  return (
    <tr>
      <td className={styles.time}>
        <time dateTime={entry.time} title={formatExactTime(at)}>
          {formatTableDateTime(entry.time)}
        </time>
        <span className={styles.ago}>{formatAgo(at, now)}</span>
      </td>
      <td className={styles.user}>{entry.user_identity.email}</td>
      <td>
        <code className={styles.action}>{entry.event_name}</code>
      </td>
      <td className={styles.resource}>
        <AuditResource grid={grid} entry={entry} stacksByName={stacksByName} />
      </td>
      <td className={styles.ip}>{entry.source_ip}</td>
      <td className={styles.agent} title={entry.user_agent ?? undefined}>
        {entry.user_agent ?? <span className={styles.muted}>none sent</span>}
      </td>
    </tr>
  );
});

/**
 * A key for each entry: the master gives entries no id of their own, so the entry's
 * fields make one, with a count for the rare twin written in the same millisecond.
 */
function rowKeys(entries: readonly AuditEntry[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    const base = `${e.time}|${e.resource_id}|${e.event_name}|${e.user_identity.id}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}|${n}`;
  });
}

export function AuditTable({
  grid,
  entries,
  now,
  stacksByName,
  labelledBy,
}: {
  grid: string;
  entries: readonly AuditEntry[];
  now: number;
  stacksByName: StacksByServiceName | undefined;
  labelledBy: string;
}) {
  const keys = rowKeys(entries);
  return (
    <PanelTable columns={COLUMNS} labelledBy={labelledBy} className={styles.cells}>
      {entries.map((entry, i) => (
        <AuditRow key={keys[i]} grid={grid} entry={entry} now={now} stacksByName={stacksByName} />
      ))}
    </PanelTable>
  );
}
