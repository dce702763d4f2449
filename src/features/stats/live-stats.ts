/**
 * The live side of the stats page: each poll of `…/stats` becomes one sample in a
 * bounded ring buffer (docs/architecture.md: stats samples go into bounded ring buffers, not into
 * React state). Views subscribe and read a snapshot that changes only when a sample
 * with new numbers arrives: the master's samples change every few seconds, polls that
 * bring the same numbers cost the charts nothing.
 */
import type { StatRow } from '../../api/schemas/stats';
import { createListeners } from '../../lib/listeners';
import { RingBuffer } from '../../lib/ring-buffer';
import { serviceTotals, toInstanceStat } from './instance-stats';
import type { InstanceStat, ServiceTotals } from './instance-stats';

export interface LiveSample {
  /** When the poll answered (ms epoch, the client's clock). */
  t: number;
  stats: readonly InstanceStat[];
  byName: ReadonlyMap<string, InstanceStat>;
  totals: ServiceTotals;
}

/** One hour of samples at the 2 s poll: older live points are covered by the master's per-minute metrics. */
const LIVE_CAPACITY = 1800;

function sameNumbers(a: readonly InstanceStat[], b: ReadonlyMap<string, InstanceStat>): boolean {
  if (a.length !== b.size) return false;
  for (const s of a) {
    const o = b.get(s.name);
    if (
      !o ||
      o.cpu !== s.cpu ||
      o.memory !== s.memory ||
      o.rxBytes !== s.rxBytes ||
      o.txBytes !== s.txBytes ||
      o.memoryLimit !== s.memoryLimit
    )
      return false;
  }
  return true;
}

const EMPTY: readonly LiveSample[] = [];

export class LiveStats {
  private readonly ring: RingBuffer<LiveSample>;
  private readonly listeners = createListeners();
  private cached: { version: number; samples: readonly LiveSample[] } | null = null;

  constructor(capacity = LIVE_CAPACITY) {
    this.ring = new RingBuffer<LiveSample>(capacity);
  }

  /** Adds a poll's rows at time t; false (and no notification) when nothing changed since the last sample. */
  push(t: number, rows: readonly StatRow[]): boolean {
    const stats = rows.map(toInstanceStat);
    const last = this.ring.last();
    if (last && sameNumbers(stats, last.byName)) return false;
    if (last && t <= last.t) return false;
    this.ring.push({ t, stats, byName: new Map(stats.map((s) => [s.name, s])), totals: serviceTotals(stats) });
    this.listeners.notify();
    return true;
  }

  get size(): number {
    return this.ring.size;
  }

  /** Changes whenever the samples do: the useSyncExternalStore snapshot. */
  readonly version = (): number => this.ring.version;

  readonly subscribe = this.listeners.subscribe;

  /** Oldest first; the same array until the next change (a useSyncExternalStore snapshot). */
  readonly samples = (): readonly LiveSample[] => {
    const version = this.ring.version;
    if (this.cached?.version !== version) this.cached = { version, samples: this.ring.size > 0 ? this.ring.toArray() : EMPTY };
    return this.cached.samples;
  };
}
