import { useDeferredValue, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { AuditEntry } from '../../api/audit';
import { clientNow } from '../../api/client';
import { auditLogQuery } from '../../api/grid-queries';
import { servicesQuery } from '../../api/queries';
import type { Service } from '../../api/schemas/service';
import { Button } from '../../components/button';
import { Freshness } from '../../components/freshness';
import { LoadError } from '../../components/load-error';
import { Panel, PanelBox, PanelLoading } from '../../components/panel';
import { StaleNote } from '../../components/stale-note';
import { useNow } from '../../components/use-now';
import { AUDIT_LIMITS, filterNewestFirst, NO_FILTERS } from './audit-filters';
import { AuditFiltersBar } from './audit-filters-bar';
import type { StacksByServiceName } from './audit-resource';
import { AuditTable } from './audit-table';
import { KNOWN_RESOURCE_TYPES } from './resource-types';
import { useAuditFilters, useFilterText } from './use-audit-view';
import styles from './audit-page.module.css';

/** A change shows up within this long (the page polls only while it is visible). */
export const AUDIT_POLL_MS = 10_000;

/** Rows drawn at a time: 3,000 entries stay quick to filter, but are drawn only on request. */
const ROWS_STEP = 200;

function distinct(entries: readonly AuditEntry[], pick: (e: AuditEntry) => string, seed: readonly string[] = []): string[] {
  return [...new Set([...seed, ...entries.map(pick)])].sort((a, b) => a.localeCompare(b));
}

function stacksByServiceName(services: readonly Service[]): StacksByServiceName {
  const map = new Map<string, string[]>();
  for (const s of services) {
    const stacks = map.get(s.name);
    if (stacks) stacks.push(s.stack.name);
    else map.set(s.name, [s.stack.name]);
  }
  return map;
}

/**
 * /grids/:grid/audit — who did what to which resource of the grid, when and from where:
 * the master's audit log (GET /v1/grids/G/audit_log, docs/kontena-api-grid.md G5.1),
 * newest first, narrowed by the filters of the URL, polled while the page is visible.
 */
export function AuditPage() {
  const grid = useParams().grid ?? '';
  const [filters, setFilters] = useAuditFilters();
  const [userText, setUserText] = useFilterText(filters.user, (user) => setFilters({ user }));
  const [resourceText, setResourceText] = useFilterText(filters.resource, (resource) => setFilters({ resource }));
  const log = useQuery({ ...auditLogQuery(grid, filters.limit), refetchInterval: AUDIT_POLL_MS });
  // Read once (not polled): only to find the page of a service the log names.
  const services = useQuery(servicesQuery(grid));
  const stacksByName = useMemo(() => services.data && stacksByServiceName(services.data), [services.data]);
  const now = useNow(30_000, true, clientNow);
  const [rowsShown, setRowsShown] = useState(ROWS_STEP);

  const deferredUser = useDeferredValue(userText);
  const deferredResource = useDeferredValue(resourceText);
  const entries = log.data;
  const shown = useMemo(
    () => (entries ? filterNewestFirst(entries, { ...filters, user: deferredUser, resource: deferredResource }) : []),
    [entries, filters, deferredUser, deferredResource],
  );
  const options = useMemo(
    () => ({
      types: distinct(entries ?? [], (e) => e.resource_type, KNOWN_RESOURCE_TYPES),
      actions: distinct(entries ?? [], (e) => e.event_name),
      users: distinct(entries ?? [], (e) => e.user_identity.email),
    }),
    [entries],
  );
  const nextLimit = AUDIT_LIMITS.find((n) => n > filters.limit);
  const windowFull = entries !== undefined && entries.length >= filters.limit;

  const clear = () => {
    setUserText('');
    setResourceText('');
    setFilters({ ...NO_FILTERS, limit: filters.limit });
  };

  return (
    <div className={styles.page}>
      <title>{`Audit trail · ${grid} · Kontena`}</title>
      <div className={styles.header}>
        <h1>Audit trail</h1>
        <p className={styles.subtitle}>
          Who changed what in grid <strong>{grid}</strong>, when and from where, newest first.
        </p>
        {entries !== undefined && (
          <Freshness at={log.dataUpdatedAt} fetching={log.isFetching} clock={clientNow} className={styles.updated} />
        )}
      </div>

      <AuditFiltersBar
        filters={filters}
        userText={userText}
        resourceText={resourceText}
        onUserText={setUserText}
        onResourceText={setResourceText}
        onChange={setFilters}
        onClear={clear}
        {...options}
      />

      {entries !== undefined && (log.isRefetchError || log.failureCount > 0) && (
        <StaleNote updatedAt={log.dataUpdatedAt} error={log.error ?? log.failureReason} onRetry={() => void log.refetch()} />
      )}

      {entries === undefined && log.isPending && <PanelLoading label="Loading the audit trail…" rows={6} />}

      {entries === undefined && log.isError && (
        <LoadError
          what="the audit trail"
          error={log.error}
          retrying={log.isFetching}
          onRetry={() => void log.refetch()}
          notFound={{ title: `There is no grid “${grid}”`, text: 'Pick another grid from the switcher.' }}
        />
      )}

      {entries !== undefined && entries.length === 0 && (
        <PanelBox>
          <p className={styles.empty}>
            Nothing recorded in this grid yet. Creating, updating, deploying or removing services, stacks, secrets and nodes shows up here,
            with who did it.
          </p>
        </PanelBox>
      )}

      {entries !== undefined && entries.length > 0 && (
        <Panel
          id="audit-list-heading"
          title={shown.length === entries.length ? `${entries.length} entries` : `${shown.length} of ${entries.length} entries`}
          meta={windowFull ? `the newest ${filters.limit} the master returned` : 'all the master keeps for this grid'}
          tools={
            windowFull && nextLimit !== undefined ? (
              <Button size="sm" onClick={() => setFilters({ limit: nextLimit })}>
                Read the newest {nextLimit}
              </Button>
            ) : undefined
          }
        >
          {shown.length === 0 ? (
            <div className={styles.empty}>
              <p>No entries match these filters.</p>
              <Button size="sm" onClick={clear}>
                Clear filters
              </Button>
            </div>
          ) : (
            <>
              <AuditTable
                grid={grid}
                entries={shown.slice(0, rowsShown)}
                now={now}
                stacksByName={stacksByName}
                labelledBy="audit-list-heading"
              />
              {shown.length > rowsShown && (
                <div className={styles.more}>
                  <Button size="sm" onClick={() => setRowsShown((n) => n + ROWS_STEP)}>
                    Show {Math.min(ROWS_STEP, shown.length - rowsShown)} more of {shown.length - rowsShown}
                  </Button>
                </div>
              )}
            </>
          )}
        </Panel>
      )}
    </div>
  );
}
