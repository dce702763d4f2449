/**
 * "Changed by admin 3 min ago: deploy" under a service's or a node's heading, linking to
 * the grid's audit trail narrowed to that resource. Here in components/ because the
 * service and node pages (other features) show it.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { AuditEntry } from '../api/audit';
import { clientNow } from '../api/client';
import { auditLogQuery } from '../api/grid-queries';
import { formatAuditPath } from '../lib/format-grid-paths';
import { formatAgo, formatExactTime } from '../lib/relative-time';
import { useNow } from './use-now';
import styles from './last-change.module.css';

/** The master's default window (G5.1), which the audit page reads by default too: one cached query for both. */
export const SHARED_AUDIT_LIMIT = 500;

/** Read again once a minute: every LastChange of a grid shares the one query, so a page adds one light request a minute. */
const SHARED_AUDIT_POLL_MS = 60_000;

type LastChangeResource = { type: 'GridService'; stack: string; name: string } | { type: 'HostNode'; name: string };

/**
 * The newest entry about the resource. The master records a GridService by its name only
 * (resource_name, docs/kontena-api-grid.md G5.1), not its stack, so a same-named service
 * of another stack counts too, and the link lists every entry with that name.
 */
function newestAbout(entries: readonly AuditEntry[], resource: LastChangeResource): AuditEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry?.resource_type === resource.type && entry.resource_name === resource.name) return entry;
  }
  return undefined;
}

/** The audit page's URL filters (features/audit/audit-filters.ts): the type, and the name in quotes for a whole-name match. */
function auditPathFor(grid: string, resource: LastChangeResource): string {
  const search = new URLSearchParams({ type: resource.type, resource: `"${resource.name}"` });
  return formatAuditPath(grid, `?${search.toString()}`);
}

/**
 * Says nothing while the log loads or when it cannot be read: it is a hint beside the
 * page's own data; "No recorded changes" when the recent log has none.
 */
export function LastChange({ grid, resource }: { grid: string; resource: LastChangeResource }) {
  const log = useQuery({ ...auditLogQuery(grid, SHARED_AUDIT_LIMIT), refetchInterval: SHARED_AUDIT_POLL_MS, staleTime: 30_000 });
  const entry = log.data && newestAbout(log.data, resource);
  const now = useNow(30_000, entry !== undefined, clientNow);
  // The line's place is kept while the log loads (or cannot be read), so nothing under it moves when it fills.
  if (log.data === undefined) return <p className={styles.line} />;
  const href = auditPathFor(grid, resource);
  if (entry === undefined) {
    return (
      <p className={styles.line}>
        {log.data.length === 0
          ? 'Nothing in the grid’s audit log yet'
          : `No recorded changes in the grid’s latest ${log.data.length} audit entries`}
        {/* G5.1: a node's label changes are not audited, only its removal. */}
        {resource.type === 'HostNode' ? ' (the master records a node’s removal only, not its label changes)' : ''}.{' '}
        <Link to={formatAuditPath(grid)}>Audit trail</Link>
      </p>
    );
  }
  const at = Date.parse(entry.time);
  return (
    <p className={styles.line}>
      <Link to={href}>
        Changed by <span className={styles.user}>{entry.user_identity.email}</span>{' '}
        <time dateTime={entry.time} title={formatExactTime(at)}>
          {formatAgo(at, now)}
        </time>
        : {entry.event_name}
      </Link>
    </p>
  );
}
