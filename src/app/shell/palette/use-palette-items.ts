/**
 * The palette's items, fetched only while it is open: the grids, then each grid's lists.
 * What the cache already holds is shown at once and not fetched again for a while; a list
 * the token may not read (an error) just adds nothing.
 */
import { useMemo } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { gridsQuery, nodesQuery, secretsQuery, servicesQuery, stacksQuery } from '../../../api/queries';
import { volumesQuery } from '../../../api/stack-queries';
import type { PaletteItem } from '../../../lib/palette/palette-item';
import { buildPaletteItems, type GridLists } from './palette-items';

/** Cached lists younger than this are used as they are when the palette opens. */
const PALETTE_STALE_MS = 30_000;

/**
 * One list per grid, kept by the query cache as a value that changes only when an answer
 * does (the cache compares `combine`'s value deeply): the items are rebuilt when an answer
 * arrives, never per keystroke.
 */
function perGrid<T>(results: readonly { data: T | undefined; isPending: boolean }[]) {
  return { data: results.map((r) => r.data), pending: results.some((r) => r.isPending) };
}

export function usePaletteItems(open: boolean): { items: readonly PaletteItem[]; loading: boolean } {
  const grids = useQuery({ ...gridsQuery(), enabled: open, staleTime: PALETTE_STALE_MS });
  const names = useMemo(() => (grids.data ?? []).map((g) => g.name), [grids.data]);
  const each = { enabled: open, staleTime: PALETTE_STALE_MS };
  const services = useQueries({
    queries: names.map((grid) => ({ ...servicesQuery(grid), ...each })),
    combine: perGrid,
  });
  const stacks = useQueries({ queries: names.map((grid) => ({ ...stacksQuery(grid), ...each })), combine: perGrid });
  const nodes = useQueries({ queries: names.map((grid) => ({ ...nodesQuery(grid), ...each })), combine: perGrid });
  const secrets = useQueries({ queries: names.map((grid) => ({ ...secretsQuery(grid), ...each })), combine: perGrid });
  const volumes = useQueries({ queries: names.map((grid) => ({ ...volumesQuery(grid), ...each })), combine: perGrid });
  const loading = grids.isPending || [services, stacks, nodes, secrets, volumes].some((l) => l.pending);

  const items = useMemo(() => {
    const lists: GridLists[] = names.map((grid, i) => ({
      grid,
      services: services.data[i],
      stacks: stacks.data[i],
      nodes: nodes.data[i],
      secrets: secrets.data[i],
      volumes: volumes.data[i],
    }));
    return buildPaletteItems(grids.data ?? [], lists);
  }, [grids.data, names, services.data, stacks.data, nodes.data, secrets.data, volumes.data]);
  return { items, loading };
}
