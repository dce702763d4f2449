/**
 * Everything the overview polls, at one pace: the services (whose identity is kept across
 * polls, api/queries servicesQuery), the nodes, the grid's event log for deploys started
 * anywhere (api/grid-deploy-events) with the deploys this browser follows on top
 * (components/use-deploys-in-flight), and the newest audit entries. Polls pause in a
 * hidden tab (TanStack's default): the overview is a desk page; the wall has its own.
 */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { gridDeployEventsQuery, withDeploysInFlight } from '../../api/grid-deploy-events';
import type { DeployStatus } from '../../api/grid-deploy-events';
import { auditLogQuery } from '../../api/grid-queries';
import { nodesQuery, servicesQuery } from '../../api/queries';
import { useDeploysInFlight } from '../../components/use-deploys-in-flight';
import type { DeployInFlight } from '../../components/use-deploys-in-flight';

/** How often the overview asks again: the services list's default refresh. */
export const OVERVIEW_POLL_MS = 5_000;
/** Audit entries shown. */
const AUDIT_ENTRIES = 8;

const NO_DEPLOYS: Readonly<Record<string, DeployStatus>> = Object.freeze({});
const polled = { refetchInterval: OVERVIEW_POLL_MS } as const;

export function useOverviewData(grid: string) {
  const services = useQuery({ ...servicesQuery(grid), ...polled });
  const nodes = useQuery({ ...nodesQuery(grid), ...polled });
  const events = useQuery({ ...gridDeployEventsQuery(grid), ...polled });
  const audit = useQuery({ ...auditLogQuery(grid, AUDIT_ENTRIES), ...polled });

  const inFlight = useDeploysInFlight();
  const mine = useMemo(() => inFlight.filter((d) => d.ref.grid === grid), [inFlight, grid]);
  // "G/S/N\n…" of the running ones: a new key only when one starts or ends.
  const runningKey = mine
    .filter((d) => d.outcome === null)
    .map((d) => d.serviceId)
    .join('\n');
  const fromLog = events.data ?? NO_DEPLOYS;
  const deploys = useMemo(() => withDeploysInFlight(fromLog, runningKey === '' ? [] : runningKey.split('\n')), [fromLog, runningKey]);

  return { services, nodes, events, audit, deploys, inFlight: mine as readonly DeployInFlight[] };
}
