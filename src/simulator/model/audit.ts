/**
 * The audit trail (docs/kontena-api-grid.md G5): what a route notes with `req.audit(...)`
 * becomes one AuditRecord once the request succeeded (router.ts records it), and the
 * `limit` window both audit routes read.
 */
import type { Store } from './store';
import type { AuditRecord, ContainerRecord, GridRecord, NodeRecord, SecretRecord, ServiceRecord, StackRecord, UserRecord } from './types';

/** What a route knows about the entry; the request and the clock give the rest. */
export interface AuditNote {
  grid: GridRecord | null;
  resourceType: string;
  resourceName: string | null;
  resourceId: string;
  eventName: string;
  /** The GridService the entry is about (GridService entries only). */
  service: ServiceRecord | null;
  /**
   * The master writes it before acting (node remove, container inspect/exec), so it is
   * kept whatever the answer; otherwise only after a 2xx.
   */
  before: boolean;
}

function note(grid: GridRecord | null, type: string, name: string | null, id: string, event: string, before = false): AuditNote {
  return { grid, resourceType: type, resourceName: name, resourceId: id, eventName: event, service: null, before };
}

/** One builder per resource type of the G5.1 table. */
export const auditOf = {
  grid: (grid: GridRecord, event: string): AuditNote => note(grid, 'Grid', grid.name, grid.id, event),
  service: (service: ServiceRecord, event: string): AuditNote => ({
    ...note(service.grid, 'GridService', service.name, service.id, event),
    service,
  }),
  stack: (stack: StackRecord, event: string): AuditNote => note(stack.grid, 'Stack', stack.name, stack.id, event),
  secret: (grid: GridRecord, secret: SecretRecord, event: string): AuditNote => note(grid, 'GridSecret', secret.name, secret.id, event),
  /** `remove node`: written before the removal. */
  node: (node: NodeRecord, event: string): AuditNote => note(node.grid, 'HostNode', node.name, node.recordId, event, true),
  /** `inspect` / `exec`: written before the RPC, so also when it fails. */
  container: (container: ContainerRecord, event: string): AuditNote =>
    note(container.grid, 'Container', container.name, container.id, event, true),
  /** `assign user` / `unassign user`. */
  user: (grid: GridRecord, user: UserRecord, event: string): AuditNote => note(grid, 'User', user.name, user.id, event),
};

/** Kept per master: well above the largest window (3000) so a busy master still shows every grid's recent entries. */
const AUDIT_LOGS_KEPT = 20_000;

/** Rack 1.6 `trusted_proxy?`: these addresses are skipped when the client address is looked for. */
const TRUSTED = /^127\.0\.0\.1$|^(10|172\.(1[6-9]|2[0-9]|30|31)|192\.168)\.|^::1$|^fd[0-9a-f]{2}:.+|^localhost$|^unix$|^unix:/i;

/**
 * Rack's `request.ip` for a client this simulator sees as local (REMOTE_ADDR 127.0.0.1):
 * the last untrusted X-Forwarded-For address, else 127.0.0.1.
 */
function sourceIp(request: Request): string {
  const forwarded = (request.headers.get('X-Forwarded-For') ?? '')
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !TRUSTED.test(s));
  return forwarded.at(-1) ?? '127.0.0.1';
}

export function recordAudit(store: Store, entry: AuditNote, request: Request, user: UserRecord): AuditRecord {
  const record: AuditRecord = {
    createdAt: store.now(),
    gridId: entry.grid?.id ?? null,
    gridName: entry.grid?.name ?? null,
    serviceId: entry.service?.id ?? '',
    resourceType: entry.resourceType,
    resourceName: entry.resourceName,
    resourceId: entry.resourceId,
    eventName: entry.eventName,
    sourceIp: sourceIp(request),
    userAgent: request.headers.get('User-Agent'),
    userId: user.id,
    userEmail: user.email,
  };
  store.auditLogs.push(record);
  if (store.auditLogs.length > AUDIT_LOGS_KEPT + 1000) store.auditLogs.splice(0, store.auditLogs.length - AUDIT_LOGS_KEPT);
  return record;
}

/** `limit` as both routes read it: Ruby `to_i` in 1..3000, anything else 500. */
export function auditLimit(text: string | null): number {
  const m = /^\s*[-+]?\d+/.exec(text ?? '');
  const n = m ? Number.parseInt(m[0], 10) : 0;
  return n >= 1 && n <= 3000 ? n : 500;
}

/** The newest `limit` entries (of one grid record, or all), oldest first. */
export function auditWindow(store: Store, limit: number, grid: GridRecord | null): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (let i = store.auditLogs.length - 1; i >= 0 && out.length < limit; i--) {
    const entry = store.auditLogs[i];
    if (entry && (grid === null || entry.gridId === grid.id)) out.push(entry);
  }
  return out.reverse();
}
