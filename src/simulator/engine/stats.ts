/**
 * Container stats, computed on demand as a deterministic function of (seed,
 * container, time): nothing is stored, so the `large` scenario's 15,000 containers
 * cost no memory, and the same request gives the same numbers.
 *
 * Each container gets a profile from its image kind and its key (a CPU baseline, a
 * memory footprint, network rates). A sample exists every 10 s from the container's
 * start; its values are the profile shaped by a slow sine, a slower wandering noise and
 * a little per-sample jitter. Network byte counters are the closed-form integral of the
 * rate curve since the start (plus a bounded jitter smaller than the least growth per
 * sample), so they only ever grow and cost the same to compute after a minute or a month.
 */
import { imageKind, type ImageKind } from './image-kind';
import { hashString, noise } from './prng';

export interface StatContainer {
  /** Stable key of the container record (its internal id). */
  key: string;
  /** Container name, e.g. "redis-1"; StatRow.container_id is this name. */
  name: string;
  image: string;
  running: boolean;
  /** ms epoch the container started; no samples before it. */
  startedAtMs: number;
  /**
   * ms epoch a container that is no longer running stopped: its samples between start
   * and stop still count for metrics history. Unknown (absent/null) → a stopped
   * container has no samples at all.
   */
  finishedAtMs?: number | null;
  /** Service memory limit in bytes, or null for unlimited. */
  memoryLimit: number | null;
  cpuShares: number | null;
  /** Cores of the node (num_cores). */
  cores: number;
}

export interface NetSide {
  interfaces: string[];
  rx_bytes: number;
  rx_bytes_per_second: number;
  tx_bytes: number;
  tx_bytes_per_second: number;
}

/** docs/kontena-api.md §4.7 StatRow. */
export interface StatRowJson {
  container_id: string;
  cpu: { usage: number; limit: number; num_cores: number } | null;
  memory: { usage: number; limit: number } | null;
  network: { internal: NetSide; external: NetSide } | null;
}

/** docs/kontena-api.md §4.7 MetricsJson.stats[number]. */
interface MetricsEntryJson {
  timestamp: string;
  cpu: { used: number; cores: number };
  memory: { used: number; total: number; free: 0; active: 0; inactive: 0; cached: 0; buffers: 0 };
  network: { internal: NetSide; external: NetSide };
}

/** What docker reports as the memory limit of a container without one (2^64). */
export const UNLIMITED_MEMORY = 1.8446744073709552e19;
const SAMPLE_STEP_MS = 10_000;
const MINUTE_MS = 60_000;
const DEFAULT_CPU_SHARES = 1024;
const INTERNAL_INTERFACES = ['ethwe'];
const EXTERNAL_INTERFACES = ['eth0'];
const KB = 1024;
const MB = 1024 * 1024;

type Range = readonly [number, number];

interface KindProfile {
  cpu: Range; // % of one core at the mean
  memory: Range; // bytes without a limit
  internalRx: Range; // bytes/s
  internalTx: Range;
  externalRx: Range;
  externalTx: Range;
}

const KINDS: Record<ImageKind, KindProfile> = {
  nginx: {
    cpu: [0.4, 6],
    memory: [4 * MB, 40 * MB],
    internalRx: [10 * KB, 200 * KB],
    internalTx: [1 * KB, 20 * KB],
    externalRx: [2 * KB, 40 * KB],
    externalTx: [20 * KB, 400 * KB],
  },
  haproxy: {
    cpu: [0.4, 5],
    memory: [8 * MB, 50 * MB],
    internalRx: [30 * KB, 500 * KB],
    internalTx: [5 * KB, 60 * KB],
    externalRx: [5 * KB, 60 * KB],
    externalTx: [30 * KB, 500 * KB],
  },
  redis: {
    cpu: [0.2, 4],
    memory: [8 * MB, 300 * MB],
    internalRx: [2 * KB, 80 * KB],
    internalTx: [5 * KB, 200 * KB],
    externalRx: [50, 1 * KB],
    externalTx: [50, 1 * KB],
  },
  postgres: {
    cpu: [1, 15],
    memory: [40 * MB, 400 * MB],
    internalRx: [5 * KB, 100 * KB],
    internalTx: [10 * KB, 300 * KB],
    externalRx: [50, 2 * KB],
    externalTx: [50, 2 * KB],
  },
  app: {
    cpu: [2, 35],
    memory: [60 * MB, 600 * MB],
    internalRx: [5 * KB, 150 * KB],
    internalTx: [5 * KB, 150 * KB],
    externalRx: [200, 5 * KB],
    externalTx: [500, 10 * KB],
  },
};

/** One network direction: rate(t) = base·(1 + swing·sin(ω·t + phase)) bytes/s, t in seconds. */
interface Flow {
  channel: number;
  base: number;
  swing: number;
  omega: number;
  phase: number;
  /** Jitter added to the counter; below the least growth of one sample step, so counters never shrink. */
  jitter: number;
}

interface Profile {
  kseed: number;
  cpuBase: number;
  cpuSwing: number;
  cpuOmega: number;
  cpuPhase: number;
  memoryBase: number;
  /** Share of the limit in use at the mean, when there is a limit. */
  memoryShare: number;
  memoryOmega: number;
  memoryPhase: number;
  flows: { internalRx: Flow; internalTx: Flow; externalRx: Flow; externalTx: Flow };
}

/**
 * noise() for a container and a channel. The channel is folded into the seed as a
 * precomputed hash, so a call hashes no string: 2,000 rows stay within a few ms.
 */
function n(kseed: number, channel: number, step: number): number {
  return noise(kseed ^ channel, '', step);
}

const CH = {
  profile: hashString('profile'),
  cpuWander: hashString('cpu-wander'),
  cpuJitter: hashString('cpu-jitter'),
  cpuBurst: hashString('cpu-burst'),
  memWander: hashString('mem-wander'),
  internalRx: hashString('irx'),
  internalTx: hashString('itx'),
  externalRx: hashString('erx'),
  externalTx: hashString('etx'),
};

function within(range: Range, u: number): number {
  return range[0] + (range[1] - range[0]) * u;
}

/** Log-uniform, so small and large footprints are both common. */
function withinLog(range: Range, u: number): number {
  return range[0] * Math.pow(range[1] / range[0], u);
}

const TWO_PI = Math.PI * 2;

/**
 * ω·s + phase with s (seconds since 1970) first reduced modulo the period: a raw
 * argument near 1e6 sends Math.sin/cos down their slow range-reduction path.
 */
function angle(omega: number, seconds: number, phase: number): number {
  const period = TWO_PI / omega;
  return TWO_PI * ((seconds % period) / period) + phase;
}

function flowOf(kseed: number, channel: number, range: Range, i: number): Flow {
  const base = withinLog(range, n(kseed, CH.profile, i));
  const swing = 0.2 + 0.4 * n(kseed, CH.profile, i + 1);
  const periodS = 15 * 60 + 75 * 60 * n(kseed, CH.profile, i + 2);
  return {
    channel,
    base,
    swing,
    omega: TWO_PI / periodS,
    phase: TWO_PI * n(kseed, CH.profile, i + 3),
    jitter: 0.8 * base * (1 - swing) * (SAMPLE_STEP_MS / 1000),
  };
}

function profileOf(c: StatContainer, seed: number): Profile {
  const kseed = (seed ^ hashString(c.key)) >>> 0;
  const kind = KINDS[imageKind(c.image)];
  return {
    kseed,
    cpuBase: withinLog(kind.cpu, n(kseed, CH.profile, 0)),
    cpuSwing: 0.15 + 0.35 * n(kseed, CH.profile, 1),
    cpuOmega: TWO_PI / (20 * 60 + 70 * 60 * n(kseed, CH.profile, 2)),
    cpuPhase: TWO_PI * n(kseed, CH.profile, 3),
    memoryBase: withinLog(kind.memory, n(kseed, CH.profile, 4)),
    memoryShare: within([0.2, 0.7], n(kseed, CH.profile, 5)),
    memoryOmega: TWO_PI / (30 * 60 + 90 * 60 * n(kseed, CH.profile, 6)),
    memoryPhase: TWO_PI * n(kseed, CH.profile, 7),
    flows: {
      internalRx: flowOf(kseed, CH.internalRx, kind.internalRx, 10),
      internalTx: flowOf(kseed, CH.internalTx, kind.internalTx, 20),
      externalRx: flowOf(kseed, CH.externalRx, kind.externalRx, 30),
      externalTx: flowOf(kseed, CH.externalTx, kind.externalTx, 40),
    },
  };
}

/** Value noise in [0, 1): smooth between integer points of x. */
function smoothNoise(kseed: number, channel: number, x: number): number {
  const i = Math.floor(x);
  const f = x - i;
  const a = n(kseed, channel, i);
  const b = n(kseed, channel, i + 1);
  return a + (b - a) * f * f * (3 - 2 * f);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function cpuAt(p: Profile, c: StatContainer, t: number): number {
  const step = Math.floor(t / SAMPLE_STEP_MS);
  const s = t / 1000;
  const wave = 1 + p.cpuSwing * Math.sin(angle(p.cpuOmega, s, p.cpuPhase));
  const wander = 0.6 + 0.8 * smoothNoise(p.kseed, CH.cpuWander, t / 300_000);
  const jitter = 0.4 * (n(p.kseed, CH.cpuJitter, step) - 0.5);
  let value = p.cpuBase * (wave * wander + jitter);
  // A short burst now and then (a cron job, a GC, a cache rebuild): three samples long.
  const burst = n(p.kseed, CH.cpuBurst, Math.floor(step / 3));
  if (burst < 0.015) value += p.cpuBase * (2 + 200 * burst);
  return round2(Math.min(Math.max(0, value), Math.max(1, c.cores) * 100));
}

function memoryLimitOf(c: StatContainer): number {
  return c.memoryLimit ?? UNLIMITED_MEMORY;
}

function memoryAt(p: Profile, c: StatContainer, t: number): number {
  const uptime = Math.max(0, t - c.startedAtMs);
  const warm = 0.55 + 0.45 * (1 - Math.exp(-uptime / 600_000));
  const growth = Math.min(0.25, (uptime / 86_400_000) * 0.15);
  const wobble =
    0.06 * Math.sin(angle(p.memoryOmega, t / 1000, p.memoryPhase)) + 0.05 * (smoothNoise(p.kseed, CH.memWander, t / 120_000) - 0.5);
  const factor = warm * (1 + growth + wobble);
  if (c.memoryLimit !== null) return Math.round(c.memoryLimit * Math.min(0.95, p.memoryShare * factor));
  return Math.round(p.memoryBase * factor);
}

/** ∫ rate dt over [t0, t1] (ms), in bytes. */
function flowIntegral(f: Flow, t0: number, t1: number): number {
  const s0 = t0 / 1000;
  const s1 = t1 / 1000;
  return (
    f.base * (s1 - s0) - ((f.base * f.swing) / f.omega) * (Math.cos(angle(f.omega, s1, f.phase)) - Math.cos(angle(f.omega, s0, f.phase)))
  );
}

/** The counter at sample time t (a multiple of the step) of a container started at `start`. */
function counterAt(p: Profile, f: Flow, start: number, t: number): number {
  if (t <= start) return 0;
  return Math.floor(flowIntegral(f, start, t) + f.jitter * n(p.kseed, f.channel, Math.floor(t / SAMPLE_STEP_MS)));
}

/** A byte counter at a moment and its rate then. */
export interface FlowSample {
  bytes: number;
  perSecond: number;
}

function flowAt(p: Profile, f: Flow, start: number, t: number): FlowSample {
  const bytes = counterAt(p, f, start, t);
  const prev = Math.max(start, t - SAMPLE_STEP_MS);
  const seconds = (t - prev) / 1000;
  const perSecond = seconds > 0 ? round2((bytes - counterAt(p, f, start, prev)) / seconds) : 0;
  return { bytes, perSecond };
}

interface Sample {
  cpu: number;
  memory: number;
  internalRx: FlowSample;
  internalTx: FlowSample;
  externalRx: FlowSample;
  externalTx: FlowSample;
}

function sampleAt(p: Profile, c: StatContainer, t: number): Sample {
  const start = c.startedAtMs;
  return {
    cpu: cpuAt(p, c, t),
    memory: memoryAt(p, c, t),
    internalRx: flowAt(p, p.flows.internalRx, start, t),
    internalTx: flowAt(p, p.flows.internalTx, start, t),
    externalRx: flowAt(p, p.flows.externalRx, start, t),
    externalTx: flowAt(p, p.flows.externalTx, start, t),
  };
}

/** One side of a network sample as the agent reports it (containers and hosts alike). */
export function netSide(interfaces: string[], rx: FlowSample, tx: FlowSample): NetSide {
  return {
    interfaces: [...interfaces],
    rx_bytes: rx.bytes,
    rx_bytes_per_second: rx.perSecond,
    tx_bytes: tx.bytes,
    tx_bytes_per_second: tx.perSecond,
  };
}

/** Last moment the container produced samples, or null when it never did. */
function sampleEnd(c: StatContainer, nowMs: number): number | null {
  if (c.running) return nowMs;
  return c.finishedAtMs ?? null;
}

/** The row for the container's latest sample at `atMs` (cpu/memory/network null when it has no sample yet). */
export function statRow(c: StatContainer, seed: number, atMs: number): StatRowJson {
  const t = Math.floor(atMs / SAMPLE_STEP_MS) * SAMPLE_STEP_MS;
  if (!c.running || t < c.startedAtMs) return { container_id: c.name, cpu: null, memory: null, network: null };
  const p = profileOf(c, seed);
  const s = sampleAt(p, c, t);
  return {
    container_id: c.name,
    cpu: { usage: s.cpu, limit: c.cpuShares ?? DEFAULT_CPU_SHARES, num_cores: c.cores },
    memory: { usage: s.memory, limit: memoryLimitOf(c) },
    network: {
      internal: netSide(INTERNAL_INTERFACES, s.internalRx, s.internalTx),
      external: netSide(EXTERNAL_INTERFACES, s.externalRx, s.externalTx),
    },
  };
}

/** "YYYY-MM-DDTHH:MM:00.000+00:00" of the minute starting at `ms`. */
function minuteTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16)}:00.000+00:00`;
}

/** The order of MinuteSums.net: bytes and bytes/s of each flow in turn. */
const FLOW_ORDER = ['internalRx', 'internalTx', 'externalRx', 'externalTx'] as const;

interface MinuteSums {
  cpuMeans: number;
  containers: number;
  cores: number;
  memoryUsed: number;
  memoryTotal: number;
  net: number[]; // [irx, irx/s, itx, itx/s, erx, erx/s, etx, etx/s]
}

/**
 * Per-minute metrics of a service's containers between fromMs and toMs, ascending, one
 * entry per minute with data. Like the master's aggregation: each container's samples
 * are averaged per minute, then the containers are combined (cpu mean, memory and
 * network sums, cores and interfaces of the first container). No samples after `nowMs`
 * (default: toMs) exist.
 */
export function serviceMetrics(
  containers: readonly StatContainer[],
  seed: number,
  fromMs: number,
  toMs: number,
  nowMs: number = toMs,
): MetricsEntryJson[] {
  const minutes = new Map<number, MinuteSums>();
  const last = Math.min(toMs, nowMs);
  for (const c of containers) {
    const end = sampleEnd(c, nowMs);
    if (end === null) continue;
    const first = Math.max(fromMs, c.startedAtMs);
    const stop = Math.min(last, end);
    if (stop < first) continue;
    const p = profileOf(c, seed);
    const limit = memoryLimitOf(c);
    let t = Math.ceil(first / SAMPLE_STEP_MS) * SAMPLE_STEP_MS;
    while (t <= stop) {
      const minute = Math.floor(t / MINUTE_MS) * MINUTE_MS;
      const minuteEnd = Math.min(stop, minute + MINUTE_MS - 1);
      let n = 0;
      let cpu = 0;
      let memory = 0;
      const net = [0, 0, 0, 0, 0, 0, 0, 0];
      for (; t <= minuteEnd; t += SAMPLE_STEP_MS) {
        const s = sampleAt(p, c, t);
        n += 1;
        cpu += s.cpu;
        memory += s.memory;
        let i = 0;
        for (const key of FLOW_ORDER) {
          const f = s[key];
          net[i] = (net[i] ?? 0) + f.bytes;
          net[i + 1] = (net[i + 1] ?? 0) + f.perSecond;
          i += 2;
        }
      }
      t = Math.max(t, minute + MINUTE_MS);
      if (n === 0) continue;
      let sums = minutes.get(minute);
      if (sums === undefined) {
        sums = { cpuMeans: 0, containers: 0, cores: c.cores, memoryUsed: 0, memoryTotal: 0, net: [0, 0, 0, 0, 0, 0, 0, 0] };
        minutes.set(minute, sums);
      }
      sums.cpuMeans += cpu / n;
      sums.containers += 1;
      sums.memoryUsed += memory / n;
      sums.memoryTotal += limit;
      for (let i = 0; i < 8; i++) sums.net[i] = (sums.net[i] ?? 0) + (net[i] ?? 0) / n;
    }
  }
  return [...minutes.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([minute, s]) => {
      const side = (interfaces: string[], offset: number): NetSide => ({
        interfaces: [...interfaces],
        rx_bytes: round2(s.net[offset] ?? 0),
        rx_bytes_per_second: round2(s.net[offset + 1] ?? 0),
        tx_bytes: round2(s.net[offset + 2] ?? 0),
        tx_bytes_per_second: round2(s.net[offset + 3] ?? 0),
      });
      return {
        timestamp: minuteTimestamp(minute),
        cpu: { used: round2(s.cpuMeans / s.containers), cores: s.cores },
        memory: { used: round2(s.memoryUsed), total: s.memoryTotal, free: 0, active: 0, inactive: 0, cached: 0, buffers: 0 },
        network: { internal: side(INTERNAL_INTERFACES, 0), external: side(EXTERNAL_INTERFACES, 4) },
      };
    });
}
