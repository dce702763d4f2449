/**
 * A wall screen is configured by its URL only (nobody touches it once it hangs on the
 * wall). Every parameter has a sane default; a value that cannot be used is replaced by
 * the default and reported as a note the wall shows, so a typo is visible from the room
 * instead of silently giving a different screen.
 *
 *   grid=production,staging   grids to show (repeatable or comma-separated; none = all grids)
 *   stack=shop,null           stacks to show (`null` = the default stack; none = all)
 *   filter=api                only services whose name contains this text
 *   rotate=30s | off          turn to the next screen every interval
 *   by=grid | page            what rotation turns through (default: grids when several, else pages)
 *   theme=wall | dark | light colours (default wall: black, high contrast)
 *   refresh=10s               how often data is fetched
 *   nodes=1                   a row of node tiles above the services (state and load of each node)
 */

export type WallTheme = 'wall' | 'dark' | 'light';
export type RotateBy = 'grid' | 'page';

export interface WallConfig {
  /** Empty = every grid the token can see. */
  grids: string[];
  /** Empty = every stack. `null` is the default stack. */
  stacks: string[];
  /** Lower-cased substring of the service name; '' = no filter. */
  filter: string;
  /** Milliseconds between screens; null = no rotation. */
  rotateMs: number | null;
  /** null = grids when several grids are shown, else pages. */
  rotateBy: RotateBy | null;
  theme: WallTheme;
  refreshMs: number;
  /** A row of the grids' nodes above the service tiles. */
  nodes: boolean;
}

interface ParsedWallConfig {
  config: WallConfig;
  /** One sentence per parameter that was ignored or corrected. */
  notes: string[];
}

export const DEFAULT_REFRESH_MS = 10_000;
const MIN_REFRESH_MS = 2_000;
const MAX_REFRESH_MS = 5 * 60_000;
const MIN_ROTATE_MS = 5_000;
const MAX_ROTATE_MS = 60 * 60_000;
/** More names than a wall could show is a broken URL, not a configuration. */
const MAX_NAMES = 50;
const MAX_FILTER = 100;

export const DEFAULT_WALL_CONFIG: WallConfig = {
  grids: [],
  stacks: [],
  filter: '',
  rotateMs: null,
  rotateBy: null,
  theme: 'wall',
  refreshMs: DEFAULT_REFRESH_MS,
  nodes: false,
};

const KNOWN_PARAMS = new Set(['grid', 'stack', 'filter', 'rotate', 'by', 'theme', 'refresh', 'nodes']);
const UNITS: Record<string, number> = { ms: 1, s: 1_000, sec: 1_000, m: 60_000, min: 60_000, h: 3_600_000 };

/** "30s", "2m", "1h", "1500ms", "90" (seconds) → milliseconds; null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|sec|m|min|h)?$/i.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]);
  const unit = UNITS[(match[2] ?? 's').toLowerCase()];
  if (unit === undefined || !Number.isFinite(value)) return null;
  return Math.round(value * unit);
}

/** The shortest exact form: 30s, 2m, 1h, 90s, 1500ms. */
function formatDurationParam(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1_000 === 0) return `${ms / 1_000}s`;
  return `${ms}ms`;
}

/** "30 s", "2 min", "1 h": a duration in a sentence. */
export function describeDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms % 1_000 === 0) return `${ms / 1_000} s`;
  return `${ms} ms`;
}

const quote = (value: string): string => `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;

/** Names from repeated and comma-separated values, trimmed, de-duplicated, in order. */
function names(params: URLSearchParams, key: string, notes: string[]): string[] {
  const out: string[] = [];
  const bad: string[] = [];
  for (const raw of params.getAll(key)) {
    for (const part of raw.split(',')) {
      const name = part.trim();
      if (name === '') continue;
      // Grid and stack names are single path segments on the master.
      if (name.includes('/') || name.length > 64) bad.push(name);
      else if (!out.includes(name)) out.push(name);
    }
  }
  if (bad.length > 0) notes.push(`Ignored ${key} ${bad.map(quote).join(', ')}: not a ${key} name.`);
  if (out.length > MAX_NAMES) {
    notes.push(`Only the first ${MAX_NAMES} ${key} names are used.`);
    return out.slice(0, MAX_NAMES);
  }
  return out;
}

/** The last value of a parameter given more than once wins, as in most URL handling. */
function single(params: URLSearchParams, key: string): string | null {
  const all = params.getAll(key);
  return all.length === 0 ? null : (all[all.length - 1] ?? null);
}

function duration(params: URLSearchParams, key: string, min: number, max: number, fallbackText: string, notes: string[]): number | null {
  const raw = single(params, key);
  if (raw === null || raw.trim() === '') return null;
  const ms = parseDuration(raw);
  if (ms === null) {
    notes.push(`Ignored ${key}=${quote(raw)}: not a duration like 30s or 2m; ${fallbackText}.`);
    return null;
  }
  if (ms < min) {
    notes.push(`${key}=${raw.trim()} is below the ${describeDuration(min)} minimum; using ${describeDuration(min)}.`);
    return min;
  }
  if (ms > max) {
    notes.push(`${key}=${raw.trim()} is above the ${describeDuration(max)} maximum; using ${describeDuration(max)}.`);
    return max;
  }
  return ms;
}

export function parseWallConfig(params: URLSearchParams): ParsedWallConfig {
  const notes: string[] = [];
  const unknown = [...new Set([...params.keys()].filter((key) => !KNOWN_PARAMS.has(key)))];
  if (unknown.length > 0) notes.push(`Unknown parameter${unknown.length === 1 ? '' : 's'} ${unknown.map(quote).join(', ')} ignored.`);

  const grids = names(params, 'grid', notes);
  const stacks = names(params, 'stack', notes);

  let filter = (single(params, 'filter') ?? '').trim().toLowerCase();
  if (filter.length > MAX_FILTER) {
    notes.push(`filter is longer than ${MAX_FILTER} characters; only its start is used.`);
    filter = filter.slice(0, MAX_FILTER);
  }

  let rotateMs: number | null = null;
  const rotateRaw = single(params, 'rotate');
  if (rotateRaw !== null && !['', 'off', 'no', 'false', '0'].includes(rotateRaw.trim().toLowerCase())) {
    rotateMs = duration(params, 'rotate', MIN_ROTATE_MS, MAX_ROTATE_MS, 'rotation is off', notes);
  }

  let rotateBy: RotateBy | null = null;
  const byRaw = single(params, 'by');
  if (byRaw !== null && byRaw.trim() !== '') {
    const by = byRaw.trim().toLowerCase();
    if (by === 'grid' || by === 'grids') rotateBy = 'grid';
    else if (by === 'page' || by === 'pages') rotateBy = 'page';
    else notes.push(`Ignored by=${quote(byRaw)}: use by=grid or by=page.`);
  }

  let theme: WallTheme = 'wall';
  const themeRaw = single(params, 'theme');
  if (themeRaw !== null && themeRaw.trim() !== '') {
    const t = themeRaw.trim().toLowerCase();
    if (t === 'wall' || t === 'dark' || t === 'light') theme = t;
    else notes.push(`Ignored theme=${quote(themeRaw)}: use wall, dark or light; using wall.`);
  }

  const refreshMs =
    duration(params, 'refresh', MIN_REFRESH_MS, MAX_REFRESH_MS, `refreshing every ${describeDuration(DEFAULT_REFRESH_MS)}`, notes) ??
    DEFAULT_REFRESH_MS;

  let nodes = false;
  const nodesRaw = single(params, 'nodes');
  if (nodesRaw !== null && nodesRaw.trim() !== '') {
    const n = nodesRaw.trim().toLowerCase();
    if (['1', 'yes', 'true', 'on'].includes(n)) nodes = true;
    else if (!['0', 'no', 'false', 'off'].includes(n)) notes.push(`Ignored nodes=${quote(nodesRaw)}: use nodes=1 to show the nodes.`);
  }

  return { config: { grids, stacks, filter, rotateMs, rotateBy, theme, refreshMs, nodes }, notes };
}

/** The search string of a wall URL, leaving out what is the default ("" when all are). */
export function wallSearch(config: WallConfig): string {
  const params = new URLSearchParams();
  if (config.grids.length > 0) params.set('grid', config.grids.join(','));
  if (config.stacks.length > 0) params.set('stack', config.stacks.join(','));
  if (config.filter !== '') params.set('filter', config.filter);
  if (config.rotateMs !== null) params.set('rotate', formatDurationParam(config.rotateMs));
  if (config.rotateMs !== null && config.rotateBy !== null) params.set('by', config.rotateBy);
  if (config.theme !== 'wall') params.set('theme', config.theme);
  if (config.refreshMs !== DEFAULT_REFRESH_MS) params.set('refresh', formatDurationParam(config.refreshMs));
  if (config.nodes) params.set('nodes', '1');
  // Commas stay readable: they are safe in a query string.
  const text = params.toString().replace(/%2C/gi, ',');
  return text === '' ? '' : `?${text}`;
}

/** What rotation turns through when the URL does not say. */
export function effectiveRotateBy(config: WallConfig, gridCount: number): RotateBy {
  return config.rotateBy ?? (gridCount > 1 ? 'grid' : 'page');
}
