/**
 * The command palette (loaded on first use by palette-launcher.tsx): a modal combobox over
 * every grid's services, stacks, nodes, volumes, secrets and pages. cmdk draws the
 * combobox and its keyboard; our library ranks (`shouldFilter={false}`), groups and
 * highlights. Choosing an item goes to its page and lands focus in the page.
 */
import { Command } from 'cmdk';
import { Dialog } from 'radix-ui';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { MatchRange } from '../../../lib/palette/match-word';
import type { PaletteItem, PaletteKind } from '../../../lib/palette/palette-item';
import { pushRecent } from '../../../lib/palette/recents';
import { buildIndex } from '../../../lib/palette/search-index';
import { searchPalette } from '../../../lib/palette/search-palette';
import { loadRecents, saveRecents } from './recents-storage';
import { usePaletteItems } from './use-palette-items';
import styles from './command-palette.module.css';

const GROUP_LABELS: Record<PaletteKind | 'recent', string> = {
  recent: 'Recent',
  action: 'Actions',
  service: 'Services',
  stack: 'Stacks',
  node: 'Nodes',
  volume: 'Volumes',
  secret: 'Secrets',
  page: 'Pages',
};

/** The title with its matched ranges marked. */
function Highlighted({ text, ranges }: { text: string; ranges: readonly MatchRange[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} className={styles.match}>
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

interface CommandPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function CommandPalette({ open, onOpenChange }: CommandPaletteProps) {
  const navigate = useNavigate();
  const { grid } = useParams();
  const [query, setQuery] = useState('');
  const [recents, setRecents] = useState(loadRecents);
  const chose = useRef(false);
  /** Where focus was before the palette opened: radix returns focus to a Dialog.Trigger only, and there is none. */
  const returnTo = useRef<HTMLElement | null>(null);
  const { items, loading } = usePaletteItems(open);
  const index = useMemo(() => buildIndex(items), [items]);
  const deferredQuery = useDeferredValue(query);
  const groups = useMemo(
    () => searchPalette(index, deferredQuery, { recents, currentGrid: grid ?? null }),
    [index, deferredQuery, recents, grid],
  );
  const total = groups.reduce((sum, g) => sum + g.results.length + g.more, 0);
  const shown = groups.reduce((sum, g) => sum + g.results.length, 0);

  const changeOpen = (next: boolean) => {
    if (!next) setQuery('');
    onOpenChange(next);
  };

  const choose = (item: PaletteItem) => {
    const next = pushRecent(loadRecents(), item.id);
    saveRecents(next);
    setRecents(next);
    chose.current = true;
    changeOpen(false);
    if (item.path !== undefined) void navigate(item.path);
  };

  const status =
    deferredQuery.trim() === ''
      ? ''
      : total === 0
        ? loading
          ? 'Searching…'
          : 'No results'
        : `${total} ${total === 1 ? 'result' : 'results'}${shown < total ? `, ${shown} shown` : ''}`;

  return (
    <Dialog.Root open={open} onOpenChange={changeOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className={styles.overlay} />
        <Dialog.Content
          className={styles.dialog}
          aria-describedby={undefined}
          data-command-palette=""
          onOpenAutoFocus={() => {
            returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            // After a choice the page changed: focus goes to it, not back to a control of the old one.
            const back = chose.current ? null : returnTo.current;
            chose.current = false;
            returnTo.current = null;
            (back?.isConnected === true ? back : document.getElementById('main'))?.focus();
          }}
        >
          <Dialog.Title className="visually-hidden">Go to</Dialog.Title>
          <Command label="Go to" shouldFilter={false} loop className={styles.command}>
            <Command.Input
              className={styles.input}
              value={query}
              onValueChange={setQuery}
              placeholder="Go to a service, stack, node, secret or page…"
            />
            <Command.List className={styles.list} label="Results">
              {deferredQuery.trim() !== '' && total === 0 && <Command.Empty className={styles.empty}>{status}</Command.Empty>}
              {groups.map((group) => (
                <Command.Group
                  key={group.key}
                  className={styles.group}
                  heading={
                    group.more > 0
                      ? `${GROUP_LABELS[group.key]} (${group.results.length} of ${group.results.length + group.more})`
                      : GROUP_LABELS[group.key]
                  }
                >
                  {group.results.map(({ item, ranges }) => (
                    <Command.Item key={item.id} value={item.id} className={styles.item} onSelect={() => choose(item)}>
                      <span className={styles.title}>
                        <Highlighted text={item.title} ranges={ranges} />
                      </span>
                      {item.subtitle !== undefined && item.subtitle !== '' && <span className={styles.subtitle}>{item.subtitle}</span>}
                      {item.grid !== null && <span className={styles.grid}>{item.grid}</span>}
                    </Command.Item>
                  ))}
                </Command.Group>
              ))}
            </Command.List>
          </Command>
          <p className="visually-hidden" aria-live="polite">
            {status}
          </p>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
