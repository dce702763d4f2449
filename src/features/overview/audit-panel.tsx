import { Link } from 'react-router';
import type { AuditEntry } from '../../api/audit';
import { Panel } from '../../components/panel';
import { useNow } from '../../components/use-now';
import { formatAuditPath } from '../../lib/format-grid-paths';
import { formatAgo, formatExactTime } from '../../lib/relative-time';
import { auditEntryPath, newestFirst, resourceWord } from './audit-entries';
import styles from './overview.module.css';

/** Who changed what, newest first; each entry opens the audit trail of its resource. */
export function AuditPanel({ grid, entries }: { grid: string; entries: readonly AuditEntry[] }) {
  const now = useNow(10_000);
  const rows = newestFirst(entries);
  return (
    <Panel id="overview-audit" title="Latest changes" tools={<Link to={formatAuditPath(grid)}>Audit trail</Link>}>
      {rows.length === 0 ? (
        <p className={styles.panelNote}>Nothing has been changed in this grid yet.</p>
      ) : (
        <ol className={styles.audit} aria-label="Latest audit entries, newest first">
          {rows.map((entry, i) => {
            const at = Date.parse(entry.time);
            const resource = entry.resource_name ?? entry.resource_id;
            return (
              <li key={`${entry.time}-${entry.resource_id}-${entry.event_name}-${i}`} className={styles.auditEntry}>
                <time dateTime={entry.time} title={formatExactTime(at)} className={styles.auditTime}>
                  {formatAgo(at, now)}
                </time>
                <Link to={auditEntryPath(grid, entry)} className={styles.auditWhat}>
                  <span className={styles.auditUser}>{entry.user_identity.email}</span> {entry.event_name}{' '}
                  {resourceWord(entry.resource_type)} <span className={styles.auditResource}>{resource}</span>
                </Link>
              </li>
            );
          })}
        </ol>
      )}
    </Panel>
  );
}
