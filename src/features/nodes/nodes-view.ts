/**
 * The nodes list's view state as it lives in the URL: `q` (name, label or IP contains),
 * `state` (`online` | `offline`, where offline includes "not reporting"), `sort`, `dir`.
 * Defaults are left out of the URL; anything unknown falls back to its default.
 */
export const NODE_SORT_KEYS = ['name', 'state', 'number', 'agent', 'cpu', 'memory', 'disk', 'load', 'seen'] as const;
export type NodeSortKey = (typeof NODE_SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';
export type NodeStateFilter = 'all' | 'online' | 'offline';

export interface NodesView {
  q: string;
  state: NodeStateFilter;
  sort: NodeSortKey;
  dir: SortDir;
}

export const DEFAULT_NODES_VIEW: NodesView = { q: '', state: 'all', sort: 'name', dir: 'asc' };

function isSortKey(value: string): value is NodeSortKey {
  return (NODE_SORT_KEYS as readonly string[]).includes(value);
}

/** Usage columns start with the busiest node; the rest A→Z (state: trouble first). */
export function defaultDir(sort: NodeSortKey): SortDir {
  return sort === 'cpu' || sort === 'memory' || sort === 'disk' || sort === 'load' ? 'desc' : 'asc';
}

export function parseNodesView(params: URLSearchParams): NodesView {
  const sortParam = params.get('sort') ?? '';
  const sort = isSortKey(sortParam) ? sortParam : DEFAULT_NODES_VIEW.sort;
  const dirParam = params.get('dir');
  const dir: SortDir = dirParam === 'asc' || dirParam === 'desc' ? dirParam : defaultDir(sort);
  const stateParam = params.get('state');
  const state: NodeStateFilter = stateParam === 'online' || stateParam === 'offline' ? stateParam : 'all';
  return { q: params.get('q') ?? '', state, sort, dir };
}

/** Writes the view into `params`, keeping other keys and leaving defaults out. */
export function writeNodesView(view: NodesView, params: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) => {
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
  };
  set('q', view.q.trim() === '' ? null : view.q);
  set('state', view.state === 'all' ? null : view.state);
  set('sort', view.sort === DEFAULT_NODES_VIEW.sort ? null : view.sort);
  set('dir', view.dir === defaultDir(view.sort) ? null : view.dir);
  return next;
}
