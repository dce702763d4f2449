/**
 * The latest audit entries as the overview lists them: newest first (the master answers
 * oldest first, G5.1), each with the link to the audit trail narrowed to its resource.
 * The audit page reads `type` (an exact resource_type) and `resource` (part of a name;
 * a name in quotes must match whole) from its URL.
 */
import type { AuditEntry } from '../../api/audit';
import { formatAuditPath } from '../../lib/format-grid-paths';

export function newestFirst(entries: readonly AuditEntry[]): AuditEntry[] {
  // Reversed first: entries of the same millisecond keep the master's order, newest last.
  return [...entries].reverse().sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
}

/** "GridService" → "service": the Ruby class names read better as words. */
const RESOURCE_WORDS: Record<string, string> = {
  Grid: 'grid',
  GridService: 'service',
  Stack: 'stack',
  GridSecret: 'secret',
  HostNode: 'node',
  Container: 'container',
  User: 'user',
};

export function resourceWord(type: string): string {
  return RESOURCE_WORDS[type] ?? type;
}

export function auditEntryPath(grid: string, entry: AuditEntry): string {
  const params = new URLSearchParams();
  params.set('type', entry.resource_type);
  if (entry.resource_name !== null && entry.resource_name !== '') params.set('resource', `"${entry.resource_name}"`);
  return formatAuditPath(grid, `?${params.toString()}`);
}
