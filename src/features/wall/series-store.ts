/**
 * CPU and memory history for the wall's sparklines: one fixed-size ring buffer per
 * service, fed with the per-service sums of `GET …/stats` at each poll. Nothing here
 * grows with time: each ring holds at most `capacity` samples, and the number of rings
 * is bounded too (services no longer listed are dropped, and a hard cap evicts the
 * least recently fed), so a wall that runs for weeks holds the same memory as after an hour.
 */
import type { StatRow } from '../../api/schemas/stats';
import { RingBuffer } from '../../lib/ring-buffer';
import { sumReported } from '../../lib/sum-reported';

interface StatSample {
  /** When the sample was received (ms epoch, the browser's clock). */
  t: number;
  /** Sum over the service's containers of CPU % of one core; null when none reported. */
  cpu: number | null;
  /** Sum of memory in use, bytes; null when none reported. */
  mem: number | null;
}

/** Samples per sparkline: at the default 10 s refresh, the last 6 minutes on screen. */
const SERIES_CAPACITY = 36;
/** More series than any wall shows at once; a safety bound, not a limit. */
const MAX_SERIES = 2_000;

/** The service's totals from one stats answer (one row per container). */
export function sumStats(rows: readonly StatRow[]): { cpu: number | null; mem: number | null } {
  return { cpu: sumReported(rows, (row) => row.cpu?.usage), mem: sumReported(rows, (row) => row.memory?.usage) };
}

export class SeriesStore {
  private readonly rings = new Map<string, RingBuffer<StatSample>>();

  constructor(
    readonly capacity = SERIES_CAPACITY,
    readonly maxSeries = MAX_SERIES,
  ) {}

  /** Adds a sample unless one at the same time or later is already there (re-renders, repeats). */
  record(id: string, t: number, rows: readonly StatRow[]): boolean {
    let ring = this.rings.get(id);
    const last = ring?.last();
    if (last !== undefined && last.t >= t) return false;
    if (ring === undefined) ring = new RingBuffer<StatSample>(this.capacity);
    // Least recently fed last in the map's order: the cap evicts from the front.
    this.rings.delete(id);
    this.rings.set(id, ring);
    while (this.rings.size > this.maxSeries) {
      const oldest = this.rings.keys().next();
      if (oldest.done === true) break;
      this.rings.delete(oldest.value);
    }
    ring.push({ t, ...sumStats(rows) });
    return true;
  }

  /**
   * Marks a break in the series (a failed poll, or the tile was off screen for a while),
   * so the sparkline shows a gap instead of joining samples that are far apart in time.
   */
  gap(id: string, t: number): void {
    const ring = this.rings.get(id);
    const last = ring?.last();
    if (ring === undefined || last === undefined || last.t >= t || (last.cpu === null && last.mem === null)) return;
    ring.push({ t, cpu: null, mem: null });
  }

  get(id: string): RingBuffer<StatSample> | undefined {
    return this.rings.get(id);
  }

  /** Drops the series of services that are gone from every grid on the wall. */
  retain(ids: ReadonlySet<string>): void {
    for (const id of [...this.rings.keys()]) if (!ids.has(id)) this.rings.delete(id);
  }

  get size(): number {
    return this.rings.size;
  }
}

/** The newest sample with figures (a break is not one). */
export function lastFigures(ring: RingBuffer<StatSample> | undefined): StatSample | undefined {
  if (ring === undefined) return undefined;
  for (let i = ring.size - 1; i >= 0; i--) {
    const sample = ring.at(i);
    if (sample !== undefined && (sample.cpu !== null || sample.mem !== null)) return sample;
  }
  return undefined;
}

/**
 * The ring's values oldest first, right-aligned in `slots` (empty slots in front are
 * null), so a sparkline fills from the right and then scrolls, one sample per poll.
 * Breaks (see `gap`) stay null, which the sparkline draws as a gap rather than a dip to zero.
 */
export function seriesValues(ring: RingBuffer<StatSample> | undefined, key: 'cpu' | 'mem', slots = SERIES_CAPACITY): (number | null)[] {
  const values: (number | null)[] = new Array<number | null>(slots).fill(null);
  if (ring === undefined) return values;
  const offset = slots - ring.size;
  ring.forEach((sample, i) => {
    const index = offset + i;
    if (index >= 0) values[index] = sample[key];
  });
  return values;
}
