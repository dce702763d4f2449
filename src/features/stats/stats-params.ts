/**
 * The stats tab's view state, all in the URL so a view is a shareable link:
 *   window=1h|6h|24h|custom (&from=ISO&to=ISO for custom) · view=service|instances
 *   · chart=1,3,5 (instances drawn) · sort=cpu|memory|mem_pct|rx|tx|net_io|instance · order=asc|desc
 */
import { STAT_SORT_KEYS } from './instance-stats';
import type { SortOrder, StatSortKey } from './instance-stats';

export const WINDOW_SPANS = { '1h': 3_600_000, '6h': 6 * 3_600_000, '24h': 24 * 3_600_000 } as const;
export type RollingWindow = keyof typeof WINDOW_SPANS;
export type WindowKind = RollingWindow | 'custom';

/** The longest custom window: a week of per-minute metrics is already 10,080 points to fetch. */
const MAX_CUSTOM_SPAN_MS = 7 * 24 * 3_600_000;

export type StatsWindow = { kind: RollingWindow } | { kind: 'custom'; from: number; to: number };

export type StatsView = 'service' | 'instances';

export interface StatsParams {
  window: StatsWindow;
  view: StatsView;
  /** Instance numbers to chart in the per-instance view; null = the default pick (the first few). */
  chart: readonly number[] | null;
  sort: StatSortKey;
  order: SortOrder;
}

/** Instances charted at once: more lines than this are unreadable, and each one costs drawing time. */
export const MAX_CHARTED = 6;

function isRolling(value: string | null): value is RollingWindow {
  return value !== null && Object.hasOwn(WINDOW_SPANS, value);
}

function isSortKey(value: string | null): value is StatSortKey {
  return value !== null && (STAT_SORT_KEYS as readonly string[]).includes(value);
}

/** Why a custom window cannot be used, or null when it can. */
export function customWindowProblem(from: number, to: number): string | null {
  if (!Number.isFinite(from) || !Number.isFinite(to)) return 'Enter both the start and the end.';
  if (to <= from) return 'The end must be after the start.';
  if (to - from > MAX_CUSTOM_SPAN_MS) return 'Pick a window of at most 7 days.';
  return null;
}

function parseWindow(params: URLSearchParams): StatsWindow {
  const kind = params.get('window');
  if (isRolling(kind)) return { kind };
  if (kind === 'custom') {
    const from = Date.parse(params.get('from') ?? '');
    const to = Date.parse(params.get('to') ?? '');
    if (customWindowProblem(from, to) === null) return { kind: 'custom', from, to };
  }
  return { kind: '1h' };
}

function parseChart(value: string | null): number[] | null {
  if (value === null) return null;
  const numbers = value
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => Number(part.trim()))
    .filter((n) => Number.isInteger(n) && n >= 0);
  return [...new Set(numbers)].slice(0, MAX_CHARTED);
}

export function parseStatsParams(params: URLSearchParams): StatsParams {
  const sort = params.get('sort');
  const order = params.get('order');
  return {
    window: parseWindow(params),
    view: params.get('view') === 'instances' ? 'instances' : 'service',
    chart: parseChart(params.get('chart')),
    sort: isSortKey(sort) ? sort : 'cpu',
    order: order === 'asc' || order === 'desc' ? order : sort === 'instance' ? 'asc' : 'desc',
  };
}

/** The search params for `next`, keeping unrelated params and leaving defaults out. */
export function writeStatsParams(current: URLSearchParams, next: StatsParams): URLSearchParams {
  const out = new URLSearchParams(current);
  for (const key of ['window', 'from', 'to', 'view', 'chart', 'sort', 'order']) out.delete(key);
  if (next.window.kind !== '1h') out.set('window', next.window.kind);
  if (next.window.kind === 'custom') {
    out.set('from', new Date(next.window.from).toISOString());
    out.set('to', new Date(next.window.to).toISOString());
  }
  if (next.view !== 'service') out.set('view', next.view);
  if (next.chart !== null) out.set('chart', next.chart.join(','));
  if (next.sort !== 'cpu') out.set('sort', next.sort);
  const defaultOrder = next.sort === 'instance' ? 'asc' : 'desc';
  if (next.order !== defaultOrder) out.set('order', next.order);
  return out;
}
