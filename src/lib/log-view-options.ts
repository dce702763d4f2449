/**
 * The log view's options as URL search params, so every log view is a shareable link:
 * `?lines=500&since=15m&instance=1,3&ts=utc&q=timeout&grep=1&scrollback=5000&follow=0`.
 * Parsing never fails: anything unreadable falls back to its default.
 */
import type { TimestampMode } from './log-line-format';

export interface LogViewOptions {
  /** Initial lines (`--lines`, the master's `limit`): 1–10 000, default 100. */
  lines: number;
  /** `--since`: "" (none), a relative "15m"/"2h"/"1d", or an ISO time. */
  since: string;
  /** Service logs: the instances shown (empty = all). */
  instances: number[];
  /** Stack and grid logs: the containers shown by name (empty = all). */
  containers: string[];
  timestamps: TimestampMode;
  /** Follow the stream (`--tail`); false opens the view paused. */
  follow: boolean;
  /** Search text (highlighted; with `grep`, only matching lines are shown). */
  query: string;
  grep: boolean;
  /** Lines the viewer holds and the terminal scrolls back. */
  scrollback: number;
}

export const DEFAULT_LINES = 100;
export const MAX_LINES = 10_000;
const DEFAULT_SCROLLBACK = 10_000;
export const SCROLLBACK_CHOICES: readonly number[] = [1_000, 5_000, 10_000, 25_000, 50_000];
const MIN_SCROLLBACK = 500;
const MAX_SCROLLBACK = 50_000;

export const DEFAULT_LOG_VIEW_OPTIONS: LogViewOptions = {
  lines: DEFAULT_LINES,
  since: '',
  instances: [],
  containers: [],
  timestamps: 'local',
  follow: true,
  query: '',
  grep: false,
  scrollback: DEFAULT_SCROLLBACK,
};

/** Relative `since` presets offered next to the time picker. */
export const SINCE_PRESETS: readonly { value: string; label: string }[] = [
  { value: '5m', label: 'last 5 minutes' },
  { value: '15m', label: 'last 15 minutes' },
  { value: '1h', label: 'last hour' },
  { value: '6h', label: 'last 6 hours' },
  { value: '24h', label: 'last 24 hours' },
  { value: '7d', label: 'last 7 days' },
];

const RELATIVE = /^(\d{1,6})([smhd])$/;
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

function intInRange(text: string | null, min: number, max: number, fallback: number): number {
  if (text === null || !/^\d{1,9}$/.test(text.trim())) return fallback;
  const n = Number(text.trim());
  return Math.min(max, Math.max(min, n));
}

/** A `since` value as kept in the URL, or "" when it is neither relative nor a time. */
export function normalizeSince(text: string | null): string {
  const t = (text ?? '').trim();
  if (t === '') return '';
  if (RELATIVE.test(t)) return t;
  return Number.isNaN(Date.parse(t)) ? '' : t;
}

/** The ISO time to send as `since` at `nowMs`, or undefined for none. */
export function resolveSince(since: string, nowMs: number): string | undefined {
  const m = RELATIVE.exec(since);
  if (m) return new Date(nowMs - Number(m[1]) * (UNIT_MS[m[2] ?? 'm'] ?? 60_000)).toISOString();
  const t = Date.parse(since);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function parseList(text: string | null): string[] {
  if (text === null) return [];
  return [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}

export function parseLogViewOptions(params: URLSearchParams): LogViewOptions {
  const ts = params.get('ts');
  return {
    lines: intInRange(params.get('lines'), 1, MAX_LINES, DEFAULT_LINES),
    since: normalizeSince(params.get('since')),
    instances: parseList(params.get('instance'))
      .filter((s) => /^\d{1,6}$/.test(s))
      .map(Number)
      .filter((n) => n > 0)
      .sort((a, b) => a - b),
    containers: parseList(params.get('container')).sort(),
    timestamps: ts === 'off' || ts === 'utc' || ts === 'local' ? ts : DEFAULT_LOG_VIEW_OPTIONS.timestamps,
    follow: params.get('follow') !== '0',
    query: (params.get('q') ?? '').slice(0, 200),
    grep: params.get('grep') === '1',
    scrollback: intInRange(params.get('scrollback'), MIN_SCROLLBACK, MAX_SCROLLBACK, DEFAULT_SCROLLBACK),
  };
}

/**
 * The params with `patch` applied: defaults are left out so links stay short, and
 * params that are not log options are kept as they are.
 */
export function writeLogViewOptions(params: URLSearchParams, patch: Partial<LogViewOptions>): URLSearchParams {
  const next = new URLSearchParams(params);
  const d = DEFAULT_LOG_VIEW_OPTIONS;
  const set = (key: string, value: string, isDefault: boolean): void => {
    if (isDefault) next.delete(key);
    else next.set(key, value);
  };
  if (patch.lines !== undefined) set('lines', String(patch.lines), patch.lines === d.lines);
  if (patch.since !== undefined) set('since', patch.since, patch.since === '');
  if (patch.instances !== undefined) set('instance', [...patch.instances].sort((a, b) => a - b).join(','), patch.instances.length === 0);
  if (patch.containers !== undefined) set('container', [...patch.containers].sort().join(','), patch.containers.length === 0);
  if (patch.timestamps !== undefined) set('ts', patch.timestamps, patch.timestamps === d.timestamps);
  if (patch.follow !== undefined) set('follow', '0', patch.follow);
  if (patch.query !== undefined) set('q', patch.query, patch.query === '');
  if (patch.grep !== undefined) set('grep', '1', !patch.grep);
  if (patch.scrollback !== undefined) set('scrollback', String(patch.scrollback), patch.scrollback === d.scrollback);
  return next;
}
