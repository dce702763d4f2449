import type { CSSProperties } from 'react';
import { INSTANCE_COLOR_SLOTS } from '../../lib/log-line-format';
import styles from './log-viewer.module.css';

export interface ChipChoice {
  /** Container name, e.g. "api-2". */
  name: string;
  /** What toggling selects: the instance number (service scope) or the name. */
  value: string;
  /** Not running (a stopped or removed instance whose lines may still be held). */
  stopped: boolean;
}

interface InstanceChipsProps {
  label: string;
  choices: readonly ChipChoice[];
  selected: ReadonlySet<string>;
  onChange(next: string[]): void;
  /** The container's colour in the view (an index into INSTANCE_COLOR_SLOTS), as its lines show it. */
  colourOf(name: string): number;
}

/** The terminal palette colour of a container's prefix (a CSSOM write: allowed by the CSP). */
function dotStyle(colour: number): CSSProperties {
  return { background: `var(--term-ansi-${INSTANCE_COLOR_SLOTS[colour] ?? 6})` };
}

/** One toggle per instance, coloured like its prefix in the terminal; none pressed = all. */
export function InstanceChips({ label, choices, selected, onChange, colourOf }: InstanceChipsProps) {
  if (choices.length === 0) return null;
  const toggle = (value: string): void => {
    const next = new Set(selected);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    onChange([...next]);
  };
  return (
    <div className={styles.chips} role="group" aria-label={label}>
      <span className={styles.chipsLabel} aria-hidden="true">
        {label}:
      </span>
      <button type="button" className={styles.chip} aria-pressed={selected.size === 0} onClick={() => onChange([])}>
        all
      </button>
      {choices.map((c) => (
        <button
          key={c.value}
          type="button"
          className={styles.chip}
          aria-pressed={selected.has(c.value)}
          onClick={() => toggle(c.value)}
          title={c.stopped ? `${c.name} (not running)` : c.name}
        >
          <span className={styles.dot} style={dotStyle(colourOf(c.name))} aria-hidden="true" />
          <span className={c.stopped ? styles.stopped : undefined}>{c.name}</span>
        </button>
      ))}
    </div>
  );
}
