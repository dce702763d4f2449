import { useCallback, useMemo, useState } from 'react';
import type { Row } from './use-service-rows';

interface Selection {
  /** The selected services' ids that are still in the list. */
  selected: ReadonlySet<string>;
  /** Their rows, in the list's order of all rows. */
  selectedRows: readonly Row[];
  /** How many of them the filter hides: acted on too, so the bulk bar says so. */
  hiddenSelected: number;
  onToggle: (id: string) => void;
  onSelectMany: (ids: readonly string[], select: boolean) => void;
  onClearSelection: () => void;
  /** Keeps only the selected ids `keep` says yes to (what a bulk remove left behind). */
  keepSelected: (keep: (id: string) => boolean) => void;
}

/**
 * The list's selection, by service id: it survives refreshes, sorting and filtering; a
 * service that left the grid leaves it.
 */
export function useSelection(allRows: readonly Row[] | null, shown: readonly Row[]): Selection {
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(() => new Set());
  const selected = useMemo(() => {
    if (!allRows || selectedIds.size === 0) return selectedIds;
    const live = new Set(allRows.map((r) => r.id));
    const kept = [...selectedIds].filter((id) => live.has(id));
    return kept.length === selectedIds.size ? selectedIds : new Set(kept);
  }, [allRows, selectedIds]);
  const selectedRows = useMemo(() => (allRows ?? []).filter((r) => selected.has(r.id)), [allRows, selected]);
  // Runs per keystroke over every shown row: no work (and no Set of 5,000 ids) while nothing is selected.
  const hiddenSelected = useMemo(() => {
    if (selectedRows.length === 0) return 0;
    let shownSelected = 0;
    for (const row of shown) if (selected.has(row.id)) shownSelected += 1;
    return selectedRows.length - shownSelected;
  }, [shown, selected, selectedRows]);

  const onToggle = useCallback((id: string) => {
    setSelectedIds((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  const onSelectMany = useCallback((ids: readonly string[], select: boolean) => {
    setSelectedIds((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (select) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);
  const onClearSelection = useCallback(() => setSelectedIds(new Set()), []);
  const keepSelected = useCallback((keep: (id: string) => boolean) => setSelectedIds((current) => new Set([...current].filter(keep))), []);

  return { selected, selectedRows, hiddenSelected, onToggle, onSelectMany, onClearSelection, keepSelected };
}
