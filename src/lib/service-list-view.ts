/**
 * The services list's view state as it lives in the URL (docs/architecture.md: every view is a
 * link): `q` text filter, `state` (comma-separated), `stack`, `sort`, `dir`, `refresh`
 * (seconds, 0 = off). Defaults are left out of the URL, and anything unknown in a hand
 * edited URL falls back to its default instead of breaking the page.
 */
export const SORT_KEYS = ['name', 'image', 'state', 'instances', 'health', 'strategy', 'stateful', 'ports', 'updated'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

/** Refresh choices in seconds; 0 stops the polling. */
export const REFRESH_CHOICES = [0, 2, 5, 10, 30, 60] as const;
const DEFAULT_REFRESH_S = 5;

/** The service states a filter chip can name (ServiceJson `state`, plus the `deploying` some masters send). */
export const STATE_FILTERS = ['running', 'stopped', 'initialized', 'restarting', 'deploying'] as const;

export interface ListView {
  q: string;
  /** Empty = every state. */
  states: string[];
  /** null = every stack; 'null' = the default stack. */
  stack: string | null;
  sort: SortKey;
  dir: SortDir;
  refresh: number;
}

export const DEFAULT_VIEW: ListView = { q: '', states: [], stack: null, sort: 'name', dir: 'asc', refresh: DEFAULT_REFRESH_S };

function isSortKey(value: string): value is SortKey {
  return (SORT_KEYS as readonly string[]).includes(value);
}

/** The direction a column starts in when first clicked: newest/most first for time and counts. */
export function defaultDir(sort: SortKey): SortDir {
  return sort === 'updated' || sort === 'instances' ? 'desc' : 'asc';
}

export function parseListView(params: URLSearchParams): ListView {
  const sortParam = params.get('sort') ?? '';
  const sort = isSortKey(sortParam) ? sortParam : DEFAULT_VIEW.sort;
  const dirParam = params.get('dir');
  const dir: SortDir = dirParam === 'asc' || dirParam === 'desc' ? dirParam : defaultDir(sort);
  const refreshParam = Number(params.get('refresh') ?? DEFAULT_REFRESH_S);
  const refresh = (REFRESH_CHOICES as readonly number[]).includes(refreshParam) ? refreshParam : DEFAULT_REFRESH_S;
  const states = (params.get('state') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s, i, all) => s !== '' && all.indexOf(s) === i);
  const stack = params.get('stack');
  return { q: params.get('q') ?? '', states, stack: stack === null || stack === '' ? null : stack, sort, dir, refresh };
}

/**
 * Writes the view into `params` (other keys are kept), leaving defaults out so the
 * plain list has a plain URL.
 */
export function writeListView(view: ListView, params: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) => {
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
  };
  set('q', view.q);
  set('state', view.states.join(','));
  set('stack', view.stack);
  set('sort', view.sort === DEFAULT_VIEW.sort ? null : view.sort);
  set('dir', view.dir === defaultDir(view.sort) ? null : view.dir);
  set('refresh', view.refresh === DEFAULT_REFRESH_S ? null : String(view.refresh));
  return next;
}
