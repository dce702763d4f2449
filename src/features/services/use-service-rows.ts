import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { servicesQuery } from '../../api/queries';
import type { Service } from '../../api/schemas/service';
import { columnChars } from '../../lib/service-columns';
import type { ListView } from '../../lib/service-list-view';
import { countStates, filterServiceRows, sortServiceRows, stacksOf, toServiceRows } from '../../lib/service-rows';
import type { ServiceRow } from '../../lib/service-rows';

export type Row = ServiceRow<Service>;

/**
 * The grid's services, polled at the view's refresh interval, as the list's rows: all of
 * them (null until the first answer), the ones the view shows in its order, and what the
 * toolbar and the columns need to know of all of them.
 */
export function useServiceRows(grid: string, view: ListView, filterText: string) {
  const query = useQuery({ ...servicesQuery(grid), refetchInterval: view.refresh > 0 ? view.refresh * 1000 : false });
  // Built once per answer that changed (an unchanged one is the same array: servicesQuery).
  const allRows = useMemo(() => (query.data ? toServiceRows(query.data) : null), [query.data]);
  const sorted = useMemo(() => (allRows ? sortServiceRows(allRows, view.sort, view.dir) : []), [allRows, view.sort, view.dir]);
  const shown = useMemo(
    () => filterServiceRows(sorted, { q: filterText, states: view.states, stack: view.stack }),
    [sorted, filterText, view.states, view.stack],
  );
  const stateCounts = useMemo(() => countStates(allRows ?? []), [allRows]);
  const stacks = useMemo(() => stacksOf(allRows ?? []), [allRows]);
  const columns = useMemo(() => columnChars(allRows ?? []), [allRows]);
  return { query, allRows, shown, stateCounts, stacks, columns };
}
