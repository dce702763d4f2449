import { Suspense, lazy, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { GO_KEYS } from './go-keys';

const KeyboardHelp = lazy(async () => ({ default: (await import('./keyboard-help')).KeyboardHelp }));

/** How long `g` waits for its letter. */
const SEQUENCE_MS = 1500;

/** Focus where a letter is input or belongs to an open menu or dialog: the page keys stay out of its way. */
function isBusy(target: EventTarget | null): boolean {
  return (
    (target instanceof HTMLElement &&
      (target.isContentEditable ||
        target.closest(
          'input, textarea, select, [role="menu"], [role="menubar"], [role="listbox"], [role="combobox"], dialog, [role="dialog"], [role="alertdialog"]',
        ) !== null)) ||
    document.querySelector('dialog[open], [aria-modal="true"]') !== null
  );
}

const plain = (event: KeyboardEvent): boolean => !(event.ctrlKey || event.metaKey || event.altKey || event.isComposing);

/**
 * The keys that work on every page of the shell: `g` then a letter jumps to a page of
 * `grid` (or the wall builder), `?` opens the help. A page with its own `?` help marks the
 * event handled (preventDefault) and this one stays closed; the letter after `g` is taken
 * before the page sees it, so `g s` on a service row does not also scale it.
 */
export function PageKeys({ grid }: { grid: string | null }) {
  const navigate = useNavigate();
  const [help, setHelp] = useState(false);

  useEffect(() => {
    let pendingSince: number | null = null;

    // Capture phase: the letter after `g` is ours before any page handler sees it.
    const onCapture = (event: KeyboardEvent) => {
      if (pendingSince === null || ['Shift', 'CapsLock'].includes(event.key)) return;
      const fresh = event.timeStamp - pendingSince <= SEQUENCE_MS;
      pendingSince = null;
      if (!fresh || !plain(event) || isBusy(event.target)) return;
      const to = GO_KEYS.find((go) => go.key === event.key)?.to(grid) ?? null;
      if (to === null) return;
      event.preventDefault();
      event.stopPropagation();
      void navigate(to);
    };

    // Bubble phase on window: after the page's own handlers, so one that handled the key wins.
    const onBubble = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !plain(event) || isBusy(event.target)) return;
      if (event.key === 'g' && !event.repeat) {
        pendingSince = event.timeStamp;
      } else if (event.key === '?') {
        event.preventDefault();
        setHelp(true);
      }
    };

    window.addEventListener('keydown', onCapture, true);
    window.addEventListener('keydown', onBubble);
    return () => {
      window.removeEventListener('keydown', onCapture, true);
      window.removeEventListener('keydown', onBubble);
    };
  }, [grid, navigate]);

  return help ? (
    <Suspense fallback={null}>
      <KeyboardHelp grid={grid} onClose={() => setHelp(false)} />
    </Suspense>
  ) : null;
}
