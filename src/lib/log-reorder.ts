/**
 * A bounded reorder window that merges log lines into time order (created_at, ties by
 * id) before they are shown.
 *
 * Why: a grid or stack log stream is one stream ordered by log id, i.e. by when the
 * master stored a line, not by when the container wrote it. Agents hand in each
 * container's lines in batches, so lines of different containers of the same moment
 * reach the stream out of time order (in the simulator: a service's whole last second,
 * then the next service's same second; its first window even comes service by service).
 *
 * How:
 * - Held lines sit in one array kept sorted by (time, id). Lines mostly arrive in order,
 *   so a new line is nearly always appended; an out-of-order one is put in place by
 *   binary search (a memmove). Nothing is allocated per line beyond the array slots.
 * - Each line is held at most `windowMs` after it arrived (arrival measured on the
 *   injected clock; lines arriving within `GROUP_MS` of each other share one deadline).
 *   When a group of arrivals is due, every held line up to the greatest of that group
 *   goes out, in order — so a line never leaves before an earlier-timed line that is
 *   already held.
 * - At most `maxHeld` lines are held: beyond that the earliest-timed goes out at once.
 * - `holdBurst(count, maxMs)`: the first window of a stream is history sent in one go
 *   (up to 10 000 lines, which can take longer than the window to arrive). It is held
 *   as one batch until `count` lines came, the stream paused for `windowMs` after its
 *   first line, or `maxMs` passed; then it goes out sorted.
 *
 * Late lines (decided here): a line that arrives after a later-timed line has already
 * gone out is not dropped and not put back in place (the terminal only appends). It
 * goes out at the next release, in order among the other late ones, flagged `late` so
 * the view can mark it. After a resumed stream (`from=<last id>`) the master sends only
 * ids after the last one delivered: the window keeps holding what it held, so nothing
 * is lost or shown twice.
 *
 * A line without a usable time (NaN) sorts with the line that arrived just before it.
 */

interface LogReorderOptions<T> {
  /** Longest a line is held after it arrives, ms. */
  windowMs: number;
  /** Most lines held at once; beyond it the earliest-timed goes out at once. */
  maxHeld: number;
  /** A monotonic clock in ms (performance.now in a page, a fake in tests). */
  now(): number;
  /** The line's time (created_at in epoch ms); NaN when unknown. */
  timeOf(item: T): number;
  /** Unique per line and ordered like the master's insertion (log ids: 24 hex digits). */
  idOf(item: T): string;
  /** Gets every line exactly once, in order; `late` when it sorts before one already out. */
  emit(item: T, late: boolean): void;
}

export interface LogReorder<T> {
  /** `arrivedAt` defaults to `now()`; a caller taking in a batch reads the clock once for all. */
  push(item: T, arrivedAt?: number): void;
  /** Holds the next `count` lines as one batch (see above). */
  holdBurst(count: number, maxMs: number): void;
  /** Lets out every line whose time has come (call once per frame while `size` > 0). */
  release(): void;
  /** Lets out every held line, in order (the stream stopped: nothing more to wait for). */
  flush(): void;
  /** Drops the held lines; what went out before still decides what counts as late. */
  clear(): void;
  /** Drops everything, as for a new stream. */
  reset(): void;
  readonly size: number;
}

/** Arrivals closer than this share one deadline, so there is about one group per frame. */
const GROUP_MS = 8;

interface Group {
  /** Deadline of every line in the group. */
  due: number;
  /** The greatest (time, id) that arrived in the group. */
  time: number;
  id: string;
}

interface Burst {
  left: number;
  until: number;
  /** Arrival of the batch's latest line; null until its first line. */
  lastArrival: number | null;
  time: number;
  id: string;
  any: boolean;
}

/** (t1, id1) sorts before (t2, id2). */
function before(t1: number, id1: string, t2: number, id2: string): boolean {
  return t1 < t2 || (t1 === t2 && id1 < id2);
}

export function createLogReorder<T>(options: LogReorderOptions<T>): LogReorder<T> {
  const { windowMs, now, timeOf, idOf, emit } = options;
  const maxHeld = Math.max(1, options.maxHeld);

  // The held lines, sorted; `head` is the first still held.
  let items: (T | undefined)[] = [];
  let times: number[] = [];
  let head = 0;
  /** The effective time of the line pushed last (stands in for a NaN time). */
  let prevTime = Number.NEGATIVE_INFINITY;

  let groups: Group[] = [];
  let groupHead = 0;
  let burst: Burst | null = null;

  /** Everything up to (dueTime, dueId) may go out. */
  let dueTime = Number.NEGATIVE_INFINITY;
  let dueId = '';
  /** The greatest line gone out so far. */
  let outTime = Number.NEGATIVE_INFINITY;
  let outId = '';
  let anyOut = false;

  const size = (): number => items.length - head;

  function raiseDue(time: number, id: string): void {
    if (before(dueTime, dueId, time, id)) {
      dueTime = time;
      dueId = id;
    }
  }

  function idAt(i: number): string {
    const item = items[i];
    return item === undefined ? '' : idOf(item);
  }

  function emitHead(): void {
    const item = items[head];
    const time = times[head] ?? Number.NEGATIVE_INFINITY;
    items[head] = undefined;
    head++;
    if (head === items.length) {
      items = [];
      times = [];
      head = 0;
    } else if (head > 4096 && head * 2 > items.length) {
      items = items.slice(head);
      times = times.slice(head);
      head = 0;
    }
    if (item === undefined) return;
    const id = idOf(item);
    const late = anyOut && before(time, id, outTime, outId);
    if (!late) {
      outTime = time;
      outId = id;
      anyOut = true;
    }
    emit(item, late);
  }

  function insert(item: T, time: number, id: string): void {
    const end = items.length;
    const last = end - 1;
    if (end === head || !before(time, id, times[last] ?? Number.NEGATIVE_INFINITY, idAt(last))) {
      items.push(item);
      times.push(time);
      return;
    }
    // First held line that sorts after the new one.
    let lo = head;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(time, id, times[mid] ?? Number.NEGATIVE_INFINITY, idAt(mid))) hi = mid;
      else lo = mid + 1;
    }
    items.splice(lo, 0, item);
    times.splice(lo, 0, time);
  }

  function endBurstIfDone(at: number): void {
    const b = burst;
    if (b === null) return;
    const quiet = b.lastArrival !== null && at - b.lastArrival >= windowMs;
    if (b.left > 0 && at < b.until && !quiet) return;
    if (b.any) raiseDue(b.time, b.id);
    burst = null;
  }

  function dropAll(): void {
    items = [];
    times = [];
    head = 0;
    groups = [];
    groupHead = 0;
    burst = null;
  }

  return {
    push(item, arrivedAt) {
      const raw = timeOf(item);
      const time = Number.isNaN(raw) ? prevTime : raw;
      prevTime = time;
      const id = idOf(item);
      insert(item, time, id);

      const at = arrivedAt ?? now();
      const b = burst;
      if (b !== null && b.left > 0) {
        b.left--;
        b.lastArrival = at;
        if (!b.any || before(b.time, b.id, time, id)) {
          b.time = time;
          b.id = id;
          b.any = true;
        }
      } else {
        const group = groups[groups.length - 1];
        if (group === undefined || groups.length === groupHead || at + windowMs - group.due >= GROUP_MS) {
          groups.push({ due: at + windowMs, time, id });
        } else if (before(group.time, group.id, time, id)) {
          group.time = time;
          group.id = id;
        }
      }
      while (size() > maxHeld) emitHead();
    },
    holdBurst(count, maxMs) {
      burst =
        count > 0 ? { left: count, until: now() + maxMs, lastArrival: null, time: Number.NEGATIVE_INFINITY, id: '', any: false } : null;
    },
    release() {
      const at = now();
      endBurstIfDone(at);
      while (groupHead < groups.length) {
        const group = groups[groupHead];
        if (group === undefined || group.due > at) break;
        raiseDue(group.time, group.id);
        groupHead++;
      }
      if (groupHead === groups.length) {
        groups = [];
        groupHead = 0;
      } else if (groupHead > 256) {
        groups = groups.slice(groupHead);
        groupHead = 0;
      }
      while (head < items.length) {
        const time = times[head] ?? Number.NEGATIVE_INFINITY;
        const id = idAt(head);
        // Due by its deadline, or late already (waiting longer cannot put it in place).
        const go = !before(dueTime, dueId, time, id) || (anyOut && before(time, id, outTime, outId));
        if (!go) break;
        emitHead();
      }
    },
    flush() {
      while (head < items.length) emitHead();
      groups = [];
      groupHead = 0;
      burst = null;
    },
    clear() {
      dropAll();
    },
    reset() {
      dropAll();
      prevTime = Number.NEGATIVE_INFINITY;
      dueTime = Number.NEGATIVE_INFINITY;
      dueId = '';
      outTime = Number.NEGATIVE_INFINITY;
      outId = '';
      anyOut = false;
    },
    get size() {
      return size();
    },
  };
}
