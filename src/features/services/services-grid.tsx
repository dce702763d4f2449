import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties, FocusEvent, KeyboardEvent, ReactNode } from 'react';
import { useVirtualizer, observeElementRect } from '@tanstack/react-virtual';
import type { Virtualizer } from '@tanstack/react-virtual';
import type { Service } from '../../api/schemas/service';
import { cx } from '../../components/class-names';
import type { ColumnChars } from '../../lib/service-columns';
import type { ServiceRow } from '../../lib/service-rows';
import type { SortDir, SortKey } from '../../lib/service-list-view';
import type { RowActionKind } from './row-actions';
import { ServiceGridRow } from './service-grid-row';
import type { DeployPanelEntry } from './deploy-panel-state';
import styles from './services.module.css';

/** Fixed sizes (also in services.module.css): no row is measured, so nothing shifts. */
const ROW_HEIGHT = 40;
const HEAD_HEIGHT = 36;
const OVERSCAN = 8;
/** Rows drawn before the scroller has been laid out (a screenful). */
const UNMEASURED_HEIGHT = 800;

interface Column {
  key: SortKey | null;
  label: string;
  optional?: boolean;
}

const COLUMNS: Column[] = [
  { key: 'name', label: 'Name' },
  { key: 'image', label: 'Image' },
  { key: 'state', label: 'State' },
  { key: 'instances', label: 'Instances' },
  { key: 'health', label: 'Health' },
  { key: 'strategy', label: 'Strategy', optional: true },
  { key: 'stateful', label: 'Stateful', optional: true },
  { key: 'ports', label: 'Ports', optional: true },
  { key: 'updated', label: 'Updated' },
];

/**
 * A scroller that has not been laid out yet (height 0, e.g. before the first layout or in
 * a DOM without layout) still gets a screenful of rows rather than none.
 */
function observeRectOrScreenful(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width || 1200, height: UNMEASURED_HEIGHT }));
}

interface ServicesGridProps {
  grid: string;
  rows: readonly ServiceRow<Service>[];
  sort: SortKey;
  dir: SortDir;
  onSort: (key: SortKey) => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onSelectMany: (ids: readonly string[], select: boolean) => void;
  onClearSelection: () => void;
  tracked: ReadonlyMap<string, DeployPanelEntry>;
  now: number;
  onAction: (row: ServiceRow<Service>, kind: RowActionKind) => void;
  onOpen: (row: ServiceRow<Service>) => void;
  /** The longest name, image and ports text of the grid's services: the columns' widths. */
  columns: ColumnChars;
  /** Said inside the grid, under its header, when no row is shown (e.g. the filter matches none). */
  empty?: ReactNode;
}

function SelectAll({ rows, selected, onSelectMany }: Pick<ServicesGridProps, 'rows' | 'selected' | 'onSelectMany'>) {
  const ref = useRef<HTMLInputElement>(null);
  const count = useMemo(() => rows.reduce((n, r) => (selected.has(r.id) ? n + 1 : n), 0), [rows, selected]);
  const all = rows.length > 0 && count === rows.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      checked={all}
      disabled={rows.length === 0}
      aria-label={`Select all ${rows.length} shown services`}
      onChange={() =>
        onSelectMany(
          rows.map((r) => r.id),
          !all,
        )
      }
    />
  );
}

/**
 * The services as an ARIA grid of rows: only the rows in view (plus a few) are in the
 * DOM, so 5,000 services cost what 40 do. Keyboard: ↑/↓ (j/k), Home/End, PgUp/PgDn move;
 * Space selects; Enter opens; m (or the context-menu key) opens the row's actions;
 * s scales; Delete removes; Ctrl+A selects every shown row; Esc clears the selection.
 */
export const ServicesGrid = memo(function ServicesGrid({
  grid,
  rows,
  sort,
  dir,
  onSort,
  selected,
  onToggle,
  onSelectMany,
  onClearSelection,
  tracked,
  now,
  onAction,
  onOpen,
  columns,
  empty,
}: ServicesGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const rowEls = useRef(new Map<string, HTMLDivElement>());
  const pendingFocus = useRef<string | null>(null);

  const indexById = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);
  // The active row is the one the grid's Tab stop is on; if it was filtered away, the first row.
  const activeIndex = activeId !== null ? (indexById.get(activeId) ?? 0) : 0;
  const effectiveActive = rows[activeIndex]?.id ?? null;

  // The virtualiser's methods are not memoisable by the React Compiler, which then leaves
  // this component as written; its children are memoised by hand (ServiceGridRow).
  // eslint-disable-next-line react-hooks/incompatible-library -- see the comment above
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => rows[i]?.id ?? i,
    overscan: OVERSCAN,
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
    observeElementRect: observeRectOrScreenful,
    initialRect: { width: 1200, height: UNMEASURED_HEIGHT },
  });

  const rowRef = useCallback((id: string, el: HTMLDivElement | null) => {
    if (el) rowEls.current.set(id, el);
    else rowEls.current.delete(id);
  }, []);

  const focusPending = () => {
    const id = pendingFocus.current;
    if (id === null) return;
    const el = rowEls.current.get(id);
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  };
  // After a move the target row may only exist once the virtualiser has scrolled to it.
  useLayoutEffect(focusPending);

  const moveTo = (index: number) => {
    const target = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!target) return;
    setActiveId(target.id);
    virtualizer.scrollToIndex(indexById.get(target.id) ?? 0, { align: 'auto' });
    pendingFocus.current = target.id;
    focusPending();
  };

  const onMenuOpenChange = useCallback(
    (id: string, open: boolean) => setMenuFor((current) => (open ? id : current === id ? null : current)),
    [],
  );
  const rowsRef = useRef(rows);
  const onActionRef = useRef(onAction);
  useLayoutEffect(() => {
    rowsRef.current = rows;
    onActionRef.current = onAction;
  });
  const onRowAction = useCallback((id: string, kind: RowActionKind) => {
    const row = rowsRef.current.find((r) => r.id === id);
    if (row) onActionRef.current(row, kind);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target;
    if (!(target instanceof HTMLElement)) return;
    const rowEl = target.closest<HTMLElement>('[data-row-id]');
    if (!rowEl || !scrollRef.current?.contains(rowEl)) return;
    const id = rowEl.dataset.rowId ?? '';
    const index = indexById.get(id);
    const row = index === undefined ? undefined : rows[index];
    if (index === undefined || !row) return;
    const onRow = target === rowEl;
    const page = Math.max(1, Math.floor((scrollRef.current.clientHeight - HEAD_HEIGHT) / ROW_HEIGHT) - 1);
    const mod = event.ctrlKey || event.metaKey || event.altKey;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'j':
        if (!onRow || mod) handled = false;
        else moveTo(index + 1);
        break;
      case 'k':
        if (!onRow || mod) handled = false;
        else moveTo(index - 1);
        break;
      case 'PageDown':
        moveTo(index + page);
        break;
      case 'PageUp':
        moveTo(index - page);
        break;
      case 'Home':
        if (onRow) moveTo(0);
        else handled = false;
        break;
      case 'End':
        if (onRow) moveTo(rows.length - 1);
        else handled = false;
        break;
      case ' ':
        if (onRow) onToggle(id);
        else handled = false;
        break;
      case 'Enter':
        if (onRow) onOpen(row);
        else handled = false;
        break;
      case 'm':
      case 'ContextMenu':
        if (mod) handled = false;
        else setMenuFor(id);
        break;
      case 'F10':
        if (event.shiftKey) setMenuFor(id);
        else handled = false;
        break;
      case 's':
        if (onRow && !mod) onAction(row, 'scale');
        else handled = false;
        break;
      case 'Delete':
        if (onRow) onAction(row, 'remove');
        else handled = false;
        break;
      case 'a':
        if ((event.ctrlKey || event.metaKey) && onRow)
          onSelectMany(
            rows.map((r) => r.id),
            true,
          );
        else handled = false;
        break;
      case 'Escape':
        if (selected.size > 0) onClearSelection();
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const rowEl = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-row-id]') : null;
    const id = rowEl?.dataset.rowId;
    if (id !== undefined && id !== activeId) setActiveId(id);
  };

  const items = virtualizer.getVirtualItems();
  const showEmpty = rows.length === 0 && empty !== undefined;
  // Read by the rows' grid-template-columns (services.module.css): set through the CSSOM, which the CSP allows.
  const widths = { '--name-chars': columns.name, '--image-chars': columns.image, '--ports-chars': columns.ports } as CSSProperties;

  return (
    // The grid's rows take focus and keys; the scroller itself is the grid.
    <div
      ref={scrollRef}
      role="grid"
      aria-label={`Services in ${grid}`}
      aria-rowcount={rows.length + (showEmpty ? 2 : 1)}
      aria-colcount={COLUMNS.length + 2}
      aria-multiselectable="true"
      tabIndex={-1}
      className={styles.grid}
      style={widths}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <div role="rowgroup" className={styles.head}>
        <div role="row" aria-rowindex={1} className={styles.row}>
          <div role="columnheader" className={cx(styles.cell, styles.check)}>
            <SelectAll rows={rows} selected={selected} onSelectMany={onSelectMany} />
          </div>
          {COLUMNS.map((col) => {
            const current = col.key === sort;
            return (
              <div
                key={col.label}
                role="columnheader"
                aria-sort={current ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                className={cx(styles.cell, styles.colHead, col.optional && styles.optional)}
              >
                {col.key !== null ? (
                  <button
                    type="button"
                    className={styles.sortButton}
                    onClick={() => col.key !== null && onSort(col.key)}
                    title={`Sort by ${col.label.toLowerCase()}`}
                  >
                    {col.label}
                    <span className={styles.sortArrow} aria-hidden="true">
                      {current ? (dir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                ) : (
                  col.label
                )}
              </div>
            );
          })}
          <div role="columnheader" className={cx(styles.cell, styles.colHead)}>
            <span className="visually-hidden">Actions</span>
          </div>
        </div>
      </div>
      <div role="rowgroup" className={styles.body} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <ServiceGridRow
              key={row.id}
              row={row}
              index={item.index}
              top={item.start - HEAD_HEIGHT}
              selected={selected.has(row.id)}
              active={row.id === effectiveActive}
              menuOpen={menuFor === row.id}
              tracked={tracked.get(row.id)}
              now={now}
              rowRef={rowRef}
              onToggle={onToggle}
              onMenuOpenChange={onMenuOpenChange}
              onAction={onRowAction}
            />
          );
        })}
      </div>
      {showEmpty && (
        <div role="rowgroup" className={styles.emptyBody}>
          <div role="row" aria-rowindex={2}>
            <div role="gridcell" aria-colspan={COLUMNS.length + 2} className={styles.emptyCell}>
              {empty}
            </div>
          </div>
        </div>
      )}
    </div>
  );
});
