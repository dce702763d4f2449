/**
 * The wall's tiles with what their instances say of health, before the wall orders and
 * counts them. The services list's health_status cannot tell instances that have not
 * reported yet from unhealthy ones (lib/service-health): for the services it leaves
 * open, and only those, the wall asks their containers at its refresh pace, so a
 * reported-unhealthy service goes in front and counts as a problem, and a pending one
 * neither. Until an answer is in, the JSON's reading stands, which is never a problem.
 */
import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { containerSummariesQuery } from '../../api/queries';
import type { ContainerSummary } from '../../api/schemas/container';
import { healthFromInstances } from '../../lib/service-health';
import type { ServiceHealth } from '../../lib/service-health';
import { wallPolling } from './wall-polling';
import { withReportedHealth } from './wall-tiles';
import type { WallTile } from './wall-tiles';

// Module-level, so TanStack Query keeps the selected answer until the containers change.
const reportedHealth = (containers: readonly ContainerSummary[]): ServiceHealth => healthFromInstances(true, containers);

/** One tile object per listed tile and answer: the memoised tile views re-render only on news. */
class ResolvedTiles {
  private readonly cache = new WeakMap<WallTile, { health: ServiceHealth; tile: WallTile }>();

  tileFor(listed: WallTile, health: ServiceHealth): WallTile {
    const hit = this.cache.get(listed);
    if (hit !== undefined && hit.health === health) return hit.tile;
    const tile = withReportedHealth(listed, health);
    this.cache.set(listed, { health, tile });
    return tile;
  }
}

export function useReportedWallHealth(tiles: readonly WallTile[], refreshMs: number): WallTile[] {
  const [resolved] = useState(() => new ResolvedTiles());
  const open = tiles.filter((tile) => tile.health.level === 'unresolved');
  const answers = useQueries({
    queries: open.map((tile) => ({
      ...containerSummariesQuery({ grid: tile.grid, stack: tile.stack, name: tile.name }),
      ...wallPolling(refreshMs),
      // An answer from an earlier spell of doubt is not what the instances say now.
      staleTime: 3 * refreshMs,
      select: reportedHealth,
    })),
  });
  if (open.length === 0) return [...tiles];
  const byId = new Map<string, ServiceHealth>();
  open.forEach((tile, i) => {
    const answer = answers[i];
    if (answer?.data !== undefined && !answer.isStale) byId.set(tile.id, answer.data);
  });
  return tiles.map((tile) => {
    const health = byId.get(tile.id);
    return health === undefined ? tile : resolved.tileFor(tile, health);
  });
}
