import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../components/button';
import { customWindowProblem } from './stats-params';
import type { StatsWindow, WindowKind } from './stats-params';
import styles from './stats-tab.module.css';

const CHOICES: readonly { kind: WindowKind; label: string }[] = [
  { kind: '1h', label: '1 h' },
  { kind: '6h', label: '6 h' },
  { kind: '24h', label: '24 h' },
  { kind: 'custom', label: 'Custom…' },
];

const pad = (n: number): string => String(n).padStart(2, '0');

/** The value of a datetime-local input for a moment, in local time. */
function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (local time) as ms epoch; NaN when empty or invalid. */
function fromLocalInput(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return Number.NaN;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)).getTime();
}

interface WindowPickerProps {
  window: StatsWindow;
  now: number;
  onChange: (window: StatsWindow) => void;
}

/** 1 h · 6 h · 24 h · Custom (from/to in local time), like a metrics query's from/to. */
export function WindowPicker({ window, now, onChange }: WindowPickerProps) {
  const [editing, setEditing] = useState(false);
  const initial = window.kind === 'custom' ? window : { from: now - 3 * 3_600_000, to: now };
  const [from, setFrom] = useState(() => toLocalInput(initial.from));
  const [to, setTo] = useState(() => toLocalInput(initial.to));
  const [problem, setProblem] = useState<string | null>(null);
  const fromId = useId();
  const toId = useId();
  const problemId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const f = fromLocalInput(from);
    const t = fromLocalInput(to);
    const why = customWindowProblem(f, t);
    setProblem(why);
    if (why !== null) return;
    setEditing(false);
    onChange({ kind: 'custom', from: f, to: t });
  };

  return (
    <div className={styles.windowPicker}>
      <div role="group" aria-label="Time window" className={styles.segmented}>
        {CHOICES.map((c) => {
          const pressed = c.kind === 'custom' ? window.kind === 'custom' || editing : window.kind === c.kind && !editing;
          return (
            <button
              key={c.kind}
              type="button"
              aria-pressed={pressed}
              className={styles.segment}
              onClick={() => {
                if (c.kind === 'custom') {
                  setEditing(true);
                  return;
                }
                setEditing(false);
                onChange({ kind: c.kind });
              }}
            >
              {c.label}
            </button>
          );
        })}
      </div>
      {editing && (
        <form className={styles.customForm} onSubmit={submit} aria-label="Custom time window" noValidate>
          <label htmlFor={fromId}>From</label>
          <input
            id={fromId}
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            aria-describedby={problem ? problemId : undefined}
            aria-invalid={problem !== null}
          />
          <label htmlFor={toId}>To</label>
          <input
            id={toId}
            type="datetime-local"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            aria-describedby={problem ? problemId : undefined}
            aria-invalid={problem !== null}
          />
          <Button type="submit" size="sm" variant="primary">
            Show
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
            Cancel
          </Button>
          {problem && (
            <p id={problemId} className={styles.problem} role="alert">
              {problem}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
