/**
 * The audit trail's view state as the URL holds it (`?user=&type=&resource=&action=&limit=`)
 * and the rules that narrow the entries by it. Pure: the page and LastChange share them.
 */
import { AUDIT_LIMIT_MAX } from '../../api/audit';
import type { AuditEntry } from '../../api/audit';
import { SHARED_AUDIT_LIMIT } from '../../components/last-change';

export interface AuditFilters {
  /** Part of the acting user's email, any case. */
  user: string;
  /** An exact `resource_type` ("GridService", "HostNode", …), or '' for all. */
  type: string;
  /** Part of the resource's name, any case; a name in quotes ("web") must match whole. */
  resource: string;
  /** An exact `event_name`, or '' for all. */
  action: string;
  /** How many of the newest entries to ask the master for (G5.1: 1..3000). */
  limit: number;
}

/** The limits the picker offers; the first is the master's default, the one LastChange reads, so both share a query. */
export const AUDIT_LIMITS = [SHARED_AUDIT_LIMIT, 1000, AUDIT_LIMIT_MAX] as const;
const DEFAULT_AUDIT_LIMIT = AUDIT_LIMITS[0];

export const NO_FILTERS: AuditFilters = { user: '', type: '', resource: '', action: '', limit: DEFAULT_AUDIT_LIMIT };

function parseLimit(text: string | null): number {
  const n = Number(text);
  return (AUDIT_LIMITS as readonly number[]).includes(n) ? n : DEFAULT_AUDIT_LIMIT;
}

export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  return {
    user: params.get('user') ?? '',
    type: params.get('type') ?? '',
    resource: params.get('resource') ?? '',
    action: params.get('action') ?? '',
    limit: parseLimit(params.get('limit')),
  };
}

/** The filters as a query string ('' when none): defaults and empty values are left out. */
export function formatAuditSearch(filters: Partial<AuditFilters>): string {
  const params = new URLSearchParams();
  if (filters.user) params.set('user', filters.user);
  if (filters.type) params.set('type', filters.type);
  if (filters.resource) params.set('resource', filters.resource);
  if (filters.action) params.set('action', filters.action);
  if (filters.limit !== undefined && filters.limit !== DEFAULT_AUDIT_LIMIT) params.set('limit', String(filters.limit));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** A quoted name ("web") asks for that name whole, so a link to `web` does not also list `web-2`. */
function nameMatches(name: string | null, wanted: string): boolean {
  const text = wanted.trim().toLowerCase();
  if (text === '') return true;
  const exact = /^"(.*)"$/.exec(text);
  const own = (name ?? '').toLowerCase();
  return exact ? own === exact[1] : own.includes(text);
}

function matchesAuditFilters(entry: AuditEntry, filters: AuditFilters): boolean {
  const user = filters.user.trim().toLowerCase();
  if (user !== '' && !entry.user_identity.email.toLowerCase().includes(user)) return false;
  if (filters.type !== '' && entry.resource_type !== filters.type) return false;
  if (filters.action !== '' && entry.event_name !== filters.action) return false;
  return nameMatches(entry.resource_name, filters.resource);
}

/** The entries newest first (the master sends them oldest first), narrowed by the filters. */
export function filterNewestFirst(entries: readonly AuditEntry[], filters: AuditFilters): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry !== undefined && matchesAuditFilters(entry, filters)) out.push(entry);
  }
  return out;
}
