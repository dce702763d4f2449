import { useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { getGridEventLogs } from '../../api/grid-events';
import { gridsQuery, queryKeys, servicesQuery } from '../../api/queries';
import type { Service } from '../../api/schemas/service';
import { createDeployTracker } from './deploy-tracker';
import type { DeployStatus, DeployTracker } from './deploy-tracker';
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
}

export interface WallData {
  /** The grids on the wall: the URL's, or every grid the token sees. */
  grids: string[];
  perGrid: GridData[];
  /** Only when the URL names no grid: the grid list itself. */
  gridsPending: boolean;
  gridsError: unknown;
}

const NO_DEPLOYS: Readonly<Record<string, DeployStatus>> = Object.freeze({});

/** One deploy tracker per grid, for as long as the wall is open. */
class DeployTrackers {
  private readonly byGrid = new Map<string, DeployTracker>();

  for(grid: string): DeployTracker {
    let tracker = this.byGrid.get(grid);
    if (tracker === undefined) {
      tracker = createDeployTracker();
      this.byGrid.set(grid, tracker);
    }
    return tracker;
  }
}

export const wallDeploysKey = (grid: string) => [...queryKeys.grid(grid), 'wall', 'deploy-events'] as const;

/**
 * Everything the wall polls except per-tile stats: each grid's services, and each grid's
 * event log (incrementally) for deploys in progress and failed. All at the wall's refresh
 * interval, in a background tab too, with backoff while the master does not answer.
 */
export function useWallData(config: WallConfig): WallData {
  const polling = wallPolling(config.refreshMs);
  const [trackers] = useState(() => new DeployTrackers());
  const allGrids = config.grids.length === 0;
  const gridsResult = useQuery({ ...gridsQuery(), ...polling, enabled: allGrids });
  const grids = allGrids ? (gridsResult.data?.map((g) => g.name) ?? []) : config.grids;

  const services = useQueries({
    queries: grids.map((grid) => ({ ...servicesQuery(grid), ...polling })),
  });
  const deploys = useQueries({
    queries: grids.map((grid) => ({
      queryKey: wallDeploysKey(grid),
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        const tracker = trackers.for(grid);
        const events = await getGridEventLogs(grid, { ...tracker.nextQuery(), signal });
        tracker.apply(events);
        return tracker.statuses(Date.now());
      },
      ...polling,
    })),
  });

  const perGrid = grids.map((grid, i): GridData => {
    const list = services[i];
    return {
      grid,
      services: list?.data,
      updatedAt: list?.dataUpdatedAt ?? 0,
      failing: list?.status === 'error',
      error: list?.error ?? null,
      deploys: deploys[i]?.data ?? NO_DEPLOYS,
    };
  });

  return {
    grids,
    perGrid,
    gridsPending: allGrids && gridsResult.isPending,
    gridsError: allGrids && gridsResult.isError && gridsResult.data === undefined ? gridsResult.error : null,
  };
}
