import { useMemo } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { QueryObserverResult } from '@tanstack/react-query';
import { gridDeployEventsQuery, withDeploysInFlight } from '../../api/grid-deploy-events';
import type { DeployStatus } from '../../api/grid-deploy-events';
import { gridsQuery, nodesQuery, servicesQuery } from '../../api/queries';
import type { Node } from '../../api/schemas/node';
import type { Service } from '../../api/schemas/service';
import { useDeploysInFlight } from '../../components/use-deploys-in-flight';
import type { WallConfig } from './wall-config';
import { wallPolling } from './wall-polling';

export interface GridData {
  grid: string;
  services: readonly Service[] | undefined;
  /** When the services list was last received, ms epoch (0 = never). */
  updatedAt: number;
  /** The last attempt failed: what is shown is older than it should be. */
  failing: boolean;
  error: unknown;
  deploys: Readonly<Record<string, DeployStatus>>;
  /** The grid's nodes, only when the wall shows them (nodes=1). */
  nodes: NodesData | null;
}

interface NodesData {
  list: readonly Node[] | undefined;
  /** When the node list was last received, ms epoch (0 = never). */
  updatedAt: number;
  /** The last attempt failed: the nodes shown are older than they should be. */
  failing: boolean;
}

interface WallData {
  /** The grids on the wall: the URL's, or every grid the token sees. */
  grids: string[];
  perGrid: GridData[];
  /** Only when the URL names no grid: the grid list itself. */
  gridsPending: boolean;
  gridsError: unknown;
}

const NO_DEPLOYS: Readonly<Record<string, DeployStatus>> = Object.freeze({});

type Statuses = Readonly<Record<string, DeployStatus>>;
const statusesOf = (results: QueryObserverResult<Statuses>[]): (Statuses | undefined)[] => results.map((r) => r.data);

function nodesOf(result: QueryObserverResult<Node[]> | undefined): NodesData {
  return { list: result?.data, updatedAt: result?.dataUpdatedAt ?? 0, failing: result?.status === 'error' };
}

/**
 * Everything the wall polls except per-tile stats: each grid's services (and nodes, with
 * nodes=1: one list per grid, nothing per node tile), and each grid's
 * event log (incrementally, api/grid-deploy-events) for deploys in progress and failed,
 * with the deploys this browser follows on top (api/deploys-in-flight: started on any
 * page, they show at once). All at the wall's refresh interval, in a background tab too,
 * with backoff while the master does not answer.
 */
export function useWallData(config: WallConfig): WallData {
  const polling = wallPolling(config.refreshMs);
  const allGrids = config.grids.length === 0;
  const gridsResult = useQuery({ ...gridsQuery(), ...polling, enabled: allGrids });
  const grids = allGrids ? (gridsResult.data?.map((g) => g.name) ?? []) : config.grids;

  const services = useQueries({
    queries: grids.map((grid) => ({ ...servicesQuery(grid), ...polling })),
  });
  // One node list per grid, and only when the URL asks for the nodes row: polled like the services.
  const nodes = useQueries({
    queries: grids.map((grid) => ({ ...nodesQuery(grid), ...polling, enabled: config.nodes })),
  });
  const fromLog = useQueries({
    queries: grids.map((grid) => ({ ...gridDeployEventsQuery(grid), ...polling })),
    combine: statusesOf,
  });

  // "G/S/N\n…" of the running deploys followed here: a new key only when one starts or ends.
  const inFlight = useDeploysInFlight();
  const runningKey = inFlight
    .filter((d) => d.outcome === null)
    .map((d) => d.serviceId)
    .join('\n');
  // By the grids' names: `grids` is a new array on each render.
  const gridsKey = grids.join('\n');
  const deploysByGrid = useMemo(() => {
    const running = runningKey === '' ? [] : runningKey.split('\n');
    const names = gridsKey === '' ? [] : gridsKey.split('\n');
    return names.map((grid, i) =>
      withDeploysInFlight(
        fromLog[i] ?? NO_DEPLOYS,
        running.filter((id) => id.startsWith(`${grid}/`)),
      ),
    );
  }, [fromLog, runningKey, gridsKey]);

  const perGrid = grids.map((grid, i): GridData => {
    const list = services[i];
    return {
      grid,
      services: list?.data,
      updatedAt: list?.dataUpdatedAt ?? 0,
      failing: list?.status === 'error',
      error: list?.error ?? null,
      deploys: deploysByGrid[i] ?? NO_DEPLOYS,
      nodes: config.nodes ? nodesOf(nodes[i]) : null,
    };
  });

  return {
    grids,
    perGrid,
    gridsPending: allGrids && gridsResult.isPending,
    gridsError: allGrids && gridsResult.isError && gridsResult.data === undefined ? gridsResult.error : null,
  };
}
