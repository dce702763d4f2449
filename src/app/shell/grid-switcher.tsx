import { useId } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { DropdownMenu } from 'radix-ui';
import { gridsQuery } from '../../api/queries';
import { sameSectionPath } from './grid-section';
import menu from './menu.module.css';
import styles from './grid-switcher.module.css';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Picks the grid; the grid lives in the URL, so switching navigates (to the same section,
 * grid-section.ts). A menu of radio
 * items rather than a Select: the shell already ships DropdownMenu, and the first
 * route's JavaScript budget is tight (docs/architecture.md, performance budgets).
 */
export function GridSwitcher({ grid }: { grid: string | undefined }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const query = useQuery(gridsQuery());
  const labelId = useId();
  const triggerId = useId();
  const grids = query.data ?? [];
  const known = grid !== undefined && grids.some((g) => g.name === grid);
  const shown = known ? grid : query.isPending ? 'Loading…' : query.isError && grids.length === 0 ? 'Unavailable' : 'Choose a grid';

  // Menus are not modal: a modal menu injects a <style> tag to lock scrolling, which the
  // production CSP (style-src 'self') refuses.
  return (
    <div className={styles.switcher}>
      <span id={labelId} className={styles.label}>
        Grid
      </span>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger
          id={triggerId}
          className={styles.trigger}
          aria-labelledby={`${labelId} ${triggerId}`}
          disabled={grids.length === 0}
          data-placeholder={known ? undefined : ''}
        >
          <span className={styles.value}>{shown}</span>
          <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false" className={styles.icon}>
            <path d="M3 4.5 6 7.5 9 4.5" stroke="currentColor" strokeWidth="1.6" fill="none" strokeLinecap="round" />
          </svg>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className={`${menu.content} ${styles.content}`} align="start" sideOffset={4}>
            <DropdownMenu.Label className={menu.label}>Switch grid</DropdownMenu.Label>
            <DropdownMenu.RadioGroup
              value={known ? grid : ''}
              onValueChange={(next) => {
                // The same section of the other grid: an operator comparing nodes stays on nodes.
                if (next !== grid) void navigate(sameSectionPath(pathname, next));
              }}
            >
              {grids.map((g) => (
                <DropdownMenu.RadioItem key={g.name} value={g.name} className={`${menu.item} ${styles.item}`}>
                  <DropdownMenu.ItemIndicator className={menu.indicator}>✓</DropdownMenu.ItemIndicator>
                  <span className={styles.name}>{g.name}</span>
                  <span className={styles.meta}>
                    {plural(g.service_count, 'service')} · {plural(g.node_count, 'node')}
                  </span>
                </DropdownMenu.RadioItem>
              ))}
            </DropdownMenu.RadioGroup>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </div>
  );
}
