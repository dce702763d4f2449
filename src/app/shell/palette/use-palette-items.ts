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

export function usePaletteItems(open: boolean): { items: readonly PaletteItem[]; loading: boolean } {
  const grids = useQuery({ ...gridsQuery(), enabled: open, staleTime: PALETTE_STALE_MS });
  const names = useMemo(() => (grids.data ?? []).map((g) => g.name), [grids.data]);
  const each = { enabled: open, staleTime: PALETTE_STALE_MS };
  const services = useQueries({ queries: names.map((grid) => ({ ...servicesQuery(grid), ...each })) });
  const stacks = useQueries({ queries: names.map((grid) => ({ ...stacksQuery(grid), ...each })) });
  const nodes = useQueries({ queries: names.map((grid) => ({ ...nodesQuery(grid), ...each })) });
  const secrets = useQueries({ queries: names.map((grid) => ({ ...secretsQuery(grid), ...each })) });
  const volumes = useQueries({ queries: names.map((grid) => ({ ...volumesQuery(grid), ...each })) });
  const all = [...services, ...stacks, ...nodes, ...secrets, ...volumes];
  // Stands for every list's data below (the result arrays themselves are new on each render):
  // the items are rebuilt when an answer arrives, never per keystroke.
  const answered = [grids.dataUpdatedAt, ...all.map((r) => r.dataUpdatedAt)].join(',');
  const loading = grids.isPending || all.some((r) => r.isPending);

  const items = useMemo(() => {
    const lists: GridLists[] = names.map((grid, i) => ({
      grid,
      services: services[i]?.data,
      stacks: stacks[i]?.data,
      nodes: nodes[i]?.data,
      secrets: secrets[i]?.data,
      volumes: volumes[i]?.data,
    }));
    return buildPaletteItems(grids.data ?? [], lists);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `answered` changes with every list's data (see above).
  }, [answered, names]);
  return { items, loading };
}
