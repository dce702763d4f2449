/**
 * Container and event log windows and streams (docs/kontena-api.md §4.11, §4.12): limit
 * (default 100, ≤0 or junk → 100, cap 10000), since (strictly greater, only without
 * from), from (ids after), instance/container filters, oldest first; `follow` with any
 * value streams; `search` crashes (500).
 */
import type { SimContext } from '../context';
import { createJsonStreamResponse } from '../engine/json-stream';
import { json } from '../http';
import type { RingBuffer } from '../../lib/ring-buffer';
import type { EventRecord, GridRecord, LogRecord, ServiceRecord, StackRecord } from '../model/types';
import { parseTime } from '../model/time';
import type { RouteRequest } from '../router';
import { eventJson, logJson } from '../views/log-json';
import { toI } from './helpers';

const MAX_LIMIT = 10_000;
const DEFAULT_LIMIT = 100;
/** Grid and stack log requests start generation for at most this many services. */
const WATCH_FANOUT = 50;

interface WindowParams {
  limit: number;
  /** null = no since filter; NaN = unparseable (matches nothing). */
  since: number | null;
  from: string | null;
  follow: boolean;
}

function parseWindow(url: URL): WindowParams {
  const q = url.searchParams;
  if (q.has('search')) throw new Error('text index required for $text query');
  let limit = toI(q.get('limit'));
  if (limit <= 0) limit = DEFAULT_LIMIT;
  if (limit > MAX_LIMIT) limit = MAX_LIMIT;
  const sinceText = q.get('since');
  const since = sinceText === null ? null : (parseTime(sinceText) ?? Number.NaN);
  const fromText = q.get('from');
  let from: string | null = fromText === null || fromText === '' ? null : fromText.toLowerCase();
  // A `from` that is no ObjectId compares as a string in Mongo and matches no id at all.
  if (from !== null && !/^[0-9a-f]{24}$/.test(from)) from = 'g';
  return { limit, since, from, follow: q.has('follow') };
}

interface Source<T> {
  ring: RingBuffer<T>;
  match: (item: T) => boolean;
}

function keyCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The items after `from` (ascending, at most limit), across several rings. */
function itemsAfter<T>(sources: Source<T>[], key: (t: T) => string, from: string, limit: number): T[] {
  const out: T[] = [];
  for (const { ring, match } of sources) {
    let taken = 0;
    for (let i = ring.lowerBound((t) => key(t) > from); i < ring.size && taken < limit; i++) {
      const item = ring.at(i);
      if (item !== undefined && match(item)) {
        out.push(item);
        taken += 1;
      }
    }
  }
  if (sources.length > 1) out.sort((a, b) => keyCompare(key(a), key(b)));
  return out.slice(0, limit);
}

/** The latest `limit` items newer than `since`, oldest first. */
function latestItems<T>(sources: Source<T>[], key: (t: T) => string, time: (t: T) => number, since: number | null, limit: number): T[] {
  if (since !== null && Number.isNaN(since)) return [];
  const out: T[] = [];
  for (const { ring, match } of sources) {
    let taken = 0;
    for (let i = ring.size - 1; i >= 0 && taken < limit; i--) {
      const item = ring.at(i);
      if (item === undefined || !match(item)) continue;
      if (since !== null && !(time(item) > since)) continue;
      out.push(item);
      taken += 1;
    }
  }
  out.sort((a, b) => keyCompare(key(a), key(b)));
  return out.slice(Math.max(0, out.length - limit));
}

function windowOf<T>(sources: Source<T>[], key: (t: T) => string, time: (t: T) => number, p: WindowParams): T[] {
  return p.from !== null ? itemsAfter(sources, key, p.from, p.limit) : latestItems(sources, key, time, p.since, p.limit);
}

/**
 * Non-follow: {logs:[…]}. Follow: the concatenated-JSON stream whose first pass is the
 * same window and whose later passes send what came after the last item sent. Until
 * the first item shows up every pass repeats the window query (the real quirk).
 */
function respond<T>(
  req: RouteRequest,
  ctx: SimContext,
  p: WindowParams,
  sources: () => Source<T>[],
  key: (t: T) => string,
  time: (t: T) => number,
  toJson: (t: T) => unknown,
  onPoll: () => void,
): Response {
  onPoll();
  if (!p.follow) return json(200, { logs: windowOf(sources(), key, time, p).map(toJson) });
  let last: string | null = null;
  const poll = (): unknown[] => {
    onPoll();
    const items: T[] = last === null ? windowOf(sources(), key, time, p) : itemsAfter(sources(), key, last, MAX_LIMIT);
    const tail = items[items.length - 1];
    if (tail !== undefined) last = key(tail);
    return items.map(toJson);
  };
  return createJsonStreamResponse({
    clock: ctx.clock,
    registry: ctx.engine.streams,
    poll,
    signal: req.request.signal,
    maxLifeMs: ctx.engine.streamMaxLifeMs(),
  });
}

interface ContainerLogScope {
  services: ServiceRecord[];
  /** Service endpoint: `instance` filter; service and stack endpoints: `container` filter. */
  instanceFilter: boolean;
  containerFilter: boolean;
  /** Extra filter (one container's logs, the grid endpoint's node/container lists). */
  match?: (log: LogRecord) => boolean;
}

export function containerLogsResponse(req: RouteRequest, ctx: SimContext, scope: ContainerLogScope): Response {
  const p = parseWindow(req.url);
  const q = req.url.searchParams;
  const instance = scope.instanceFilter && q.has('instance') ? toI(q.get('instance')) : null;
  const container = scope.containerFilter ? q.get('container') : null;
  const extra = scope.match;
  const match = (log: LogRecord): boolean =>
    (instance === null || log.instanceNumber === instance) &&
    (container === null || log.name === container) &&
    (extra === undefined || extra(log));
  const watched = scope.services.slice(0, scope.services.length === 1 ? 1 : WATCH_FANOUT);
  const sources = (): Source<LogRecord>[] => {
    const out: Source<LogRecord>[] = [];
    for (const s of scope.services) if (s.logs && !s.destroyed) out.push({ ring: s.logs, match });
    return out;
  };
  return respond(
    req,
    ctx,
    p,
    sources,
    (l) => l.id,
    (l) => l.createdAt,
    logJson,
    () => {
      for (const s of watched) if (!s.destroyed) ctx.engine.watchLogs(s);
    },
  );
}

type EventScope =
  | { kind: 'service'; service: ServiceRecord }
  | { kind: 'stack'; stack: StackRecord }
  | { kind: 'grid'; grid: GridRecord; match: (e: EventRecord) => boolean };

export function eventLogsResponse(req: RouteRequest, ctx: SimContext, scope: EventScope): Response {
  const p = parseWindow(req.url);
  const sources = (): Source<EventRecord>[] => {
    if (scope.kind === 'service') return [{ ring: scope.service.events, match: () => true }];
    if (scope.kind === 'stack') {
      const id = `${scope.stack.grid.name}/${scope.stack.name}`;
      return [{ ring: scope.stack.grid.events, match: (e) => e.relationships.some((r) => r.type === 'stack' && r.id === id) }];
    }
    return [{ ring: scope.grid.events, match: scope.match }];
  };
  return respond(
    req,
    ctx,
    p,
    sources,
    (e) => e.seq,
    (e) => e.createdAt,
    eventJson,
    () => undefined,
  );
}
