import { useId, useState } from 'react';
import { formatDateTime } from '../../lib/format-date-time';
import type { TimestampMode } from '../../lib/log-line-format';
import { linesFromInput } from '../../lib/log-lines-input';
import { MAX_LINES, SCROLLBACK_CHOICES, SINCE_PRESETS } from '../../lib/log-view-options';
import type { LogViewOptions } from '../../lib/log-view-options';
import styles from './log-viewer.module.css';

interface LogQueryBarProps {
  options: LogViewOptions;
  onChange(patch: Partial<LogViewOptions>): void;
}

/** An ISO time as the value of a datetime-local input (local time). */
function toLocalInput(iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? '' : formatDateTime(iso).replace(' ', 'T');
}

function isRelative(since: string): boolean {
  return SINCE_PRESETS.some((p) => p.value === since);
}

/** `--lines`, `--since` (presets or a time), timestamps and the scrollback cap. */
export function LogQueryBar({ options, onChange }: LogQueryBarProps) {
  const id = useId();
  const [linesDraft, setLinesDraft] = useState<string | null>(null);
  const sinceMode = options.since === '' ? '' : isRelative(options.since) ? options.since : 'custom';

  const commitLines = (): void => {
    if (linesDraft === null) return;
    setLinesDraft(null);
    onChange({ lines: linesFromInput(linesDraft) });
  };

  return (
    <div className={styles.bar}>
      <label className={styles.field} htmlFor={`${id}-lines`}>
        Lines
        <input
          id={`${id}-lines`}
          className={styles.lines}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_LINES}
          value={linesDraft ?? String(options.lines)}
          onChange={(e) => setLinesDraft(e.target.value)}
          onBlur={commitLines}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitLines();
          }}
          title="Initial lines from the end of the logs (--lines), up to 10,000"
        />
      </label>
      <label className={styles.field} htmlFor={`${id}-since`}>
        Since
        <select
          id={`${id}-since`}
          value={sinceMode}
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'custom') onChange({ since: new Date(Date.now() - 3_600_000).toISOString() });
            else onChange({ since: v });
          }}
        >
          <option value="">any time</option>
          {SINCE_PRESETS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
          <option value="custom">a time…</option>
        </select>
      </label>
      {sinceMode === 'custom' && (
        <label className={styles.field} htmlFor={`${id}-since-at`}>
          Since (local time)
          <input
            id={`${id}-since-at`}
            type="datetime-local"
            step={1}
            value={toLocalInput(options.since)}
            onChange={(e) => {
              const t = new Date(e.target.value);
              if (!Number.isNaN(t.getTime())) onChange({ since: t.toISOString() });
            }}
          />
        </label>
      )}
      <label className={styles.field} htmlFor={`${id}-ts`}>
        Timestamps
        <select id={`${id}-ts`} value={options.timestamps} onChange={(e) => onChange({ timestamps: e.target.value as TimestampMode })}>
          <option value="local">local time</option>
          <option value="utc">UTC</option>
          <option value="off">off</option>
        </select>
      </label>
      <label className={styles.field} htmlFor={`${id}-keep`}>
        Keep lines
        <select id={`${id}-keep`} value={String(options.scrollback)} onChange={(e) => onChange({ scrollback: Number(e.target.value) })}>
          {[...new Set([...SCROLLBACK_CHOICES, options.scrollback])]
            .sort((a, b) => a - b)
            .map((n) => (
              <option key={n} value={n}>
                {n.toLocaleString('en-US')}
              </option>
            ))}
        </select>
      </label>
    </div>
  );
}
