import { useEffect, useLayoutEffect, useRef } from 'react';
import { cx } from './class-names';
import { attachTerminal } from './terminal-host';
import type { TerminalHandle } from './terminal-host';
import styles from './terminal-view.module.css';

interface TerminalViewProps {
  /** Names the region and the terminal's focus target for screen readers. */
  label: string;
  /** Lines the terminal scrolls back when it attaches; later changes go through the handle. */
  scrollback: number;
  /** Called with the terminal once it is in the page, and with null before it leaves. */
  onTerminal(handle: TerminalHandle | null): void;
  className?: string;
}

/**
 * Shows the page's one terminal (see terminal-host.ts). Data never passes through React:
 * the owner writes to the handle it gets from `onTerminal`.
 */
export function TerminalView({ label, scrollback, onTerminal, className }: TerminalViewProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const latest = useRef({ label, scrollback, onTerminal });
  useLayoutEffect(() => {
    latest.current = { label, scrollback, onTerminal };
  });

  // Attached once per mount: the terminal outlives prop changes.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const { label: initialLabel, scrollback: initialScrollback } = latest.current;
    const handle = attachTerminal(host, { scrollback: initialScrollback, label: initialLabel });
    latest.current.onTerminal(handle);
    return () => {
      latest.current.onTerminal(null);
      handle.release();
    };
  }, []);

  return <div ref={hostRef} role="region" aria-label={label} className={cx(styles.host, className)} />;
}
