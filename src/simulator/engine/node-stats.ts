/**
 * Host node stats (docs/kontena-api-grid.md G2.1 `resource_usage`, G2.5 node metrics, G1.6):
 * the agent sends one host sample a minute while it is connected. Like the container
 * stats (engine/stats.ts), nothing is stored: a sample is a deterministic function of
 * (seed, node, minute), so the `large` scenario's dozens of nodes cost no memory and the
 * latest sample moves every minute by itself.
 */
import type { NodeRecord } from '../model/types';
import { netSide } from './stats';
import type { FlowSample, NetSide } from './stats';
import { hashString, noise } from './prng';

const HOST_SAMPLE_STEP_MS = 60_000;
const GB = 1024 ** 3;
const FS_TOTAL = 100 * GB;
const INTERNAL_INTERFACES = ['weave'];
const EXTERNAL_INTERFACES = ['eth0'];

/** One HostNodeStat, keys in the order NodeJson.resource_usage shows them (G2.1). */
export interface HostSample {
  memory: { total: number; free: number; active: number; inactive: number; cached: number; buffers: number; used: number };
  load: { '1m': number; '5m': number; '15m': number };
  filesystem: { name: string; free: number; available: number; used: number; total: number }[];
  usage: { container_seconds: number };
  cpu: { num_cores: number; system: number; user: number; nice: number; idle: number };
  network: { internal: NetSide; external: NetSide };
}

function r1(x: number): number {
  return Math.round(x * 10) / 10;
}

function r2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Bytes/s of a host flow: a per-node base with a slow wave; the counter is its integral since the node joined. */
function flow(kseed: number, channel: string, base: number, node: NodeRecord, t: number): FlowSample {
  const b = base * (0.3 + 1.4 * noise(kseed, channel, 0));
  const omega = (Math.PI * 2) / 3_600;
  const phase = Math.PI * 2 * noise(kseed, channel, 1);
  const rate = (s: number): number => b * (1 + 0.3 * Math.sin(omega * (s % 3_600) + phase));
  const seconds = Math.max(0, (t - node.createdAt) / 1000);
  // Mean rate times uptime plus the wave's bounded part: grows with time, never shrinks by more than the wave.
  const bytes = Math.floor(b * seconds + ((b * 0.3) / omega) * (1 - Math.cos(omega * (seconds % 3_600))));
  return { bytes, perSecond: r2(rate(t / 1000)) };
}

/** The sample the agent sent for the minute starting at `t` (a multiple of the step). */
function hostSample(node: NodeRecord, seed: number, t: number): HostSample {
  const kseed = (seed ^ hashString(node.id)) >>> 0;
  const step = Math.floor(t / HOST_SAMPLE_STEP_MS);
  const n = (k: string): number => noise(kseed, k, step);
  let running = 0;
  for (const c of node.containers) if (c.state.running) running += 1;
  const total = node.memTotal;
  const used = Math.min(total, Math.round(total * (0.15 + 0.02 * Math.min(running, 30) + 0.1 * n('mem'))));
  // The agent's `used` is total − free (vmstat), page cache and buffers included: they are a part of it.
  const cached = Math.round(used * (0.2 + 0.1 * n('cache')));
  const buffers = Math.round(cached / 10);
  const active = Math.round(used * 0.7);
  const fsUsed = Math.round(FS_TOTAL * (0.2 + 0.3 * noise(kseed, 'fs', 0)) + running * 50 * 1024 ** 2);
  const load1 = r2(0.1 + Math.min(running, 40) * 0.04 + n('load') * node.cpus * 0.5);
  const user = r1(Math.min(85, 2 + Math.min(running, 40) * 0.8 + n('cpu') * 20));
  const system = r1(user * 0.3);
  const nice = r1(n('nice') * 0.5);
  return {
    memory: { total, free: total - used, active, inactive: Math.round((total - used) * 0.4), cached, buffers, used },
    load: { '1m': load1, '5m': r2(load1 * 0.9), '15m': r2(load1 * 0.8) },
    filesystem: [
      {
        name: node.engineRootDir,
        free: FS_TOTAL - fsUsed,
        available: Math.max(0, FS_TOTAL - fsUsed - 5 * GB),
        used: fsUsed,
        total: FS_TOTAL,
      },
    ],
    usage: { container_seconds: running * 60 },
    cpu: { num_cores: node.cpus, system, user, nice, idle: r1(Math.max(0, 100 - user - system - nice)) },
    network: {
      internal: netSide(INTERNAL_INTERFACES, flow(kseed, 'irx', 40_000, node, t), flow(kseed, 'itx', 40_000, node, t)),
      external: netSide(EXTERNAL_INTERFACES, flow(kseed, 'erx', 15_000, node, t), flow(kseed, 'etx', 25_000, node, t)),
    },
  };
}

/** Last moment the agent reported: now while connected, else when it was last seen; null when it never was. */
function reportedUntil(node: NodeRecord, nowMs: number): number | null {
  if (node.connected) return nowMs;
  return node.lastSeenAt;
}

/** The node's latest sample at `nowMs`, or null when it has none (never connected, or joined this minute). */
export function latestHostSample(node: NodeRecord, seed: number, nowMs: number): HostSample | null {
  const until = reportedUntil(node, nowMs);
  if (until === null) return null;
  const t = Math.floor(until / HOST_SAMPLE_STEP_MS) * HOST_SAMPLE_STEP_MS;
  if (t < node.createdAt) return null;
  return hostSample(node, seed, t);
}

/** One MetricsJson entry (G1.6) of one node: the minute's single sample. */
export interface HostMetricsEntry {
  timestamp: string;
  cpu: { used: number; cores: number };
  memory: { used: number; total: number; free: number; active: number; inactive: number; cached: number; buffers: number };
  filesystem: { used: number; total: number };
  network: { internal: NetSide; external: NetSide };
}

function minuteTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16)}:00.000+00:00`;
}

/** Node metrics (G2.5): one entry per minute with a sample in [from, to], ascending; `cpu.used` = user + system + nice. */
export function nodeMetrics(node: NodeRecord, seed: number, fromMs: number, toMs: number, nowMs: number): HostMetricsEntry[] {
  const until = reportedUntil(node, nowMs);
  if (until === null) return [];
  const last = Math.min(toMs, until);
  const out: HostMetricsEntry[] = [];
  let t = Math.ceil(Math.max(fromMs, node.createdAt) / HOST_SAMPLE_STEP_MS) * HOST_SAMPLE_STEP_MS;
  for (; t <= last; t += HOST_SAMPLE_STEP_MS) {
    const s = hostSample(node, seed, t);
    let fsUsed = 0;
    let fsTotal = 0;
    for (const fs of s.filesystem) {
      fsUsed += fs.used;
      fsTotal += fs.total;
    }
    const m = s.memory;
    out.push({
      timestamp: minuteTimestamp(t),
      cpu: { used: r2(s.cpu.user + s.cpu.system + s.cpu.nice), cores: s.cpu.num_cores },
      memory: { used: m.used, total: m.total, free: m.free, active: m.active, inactive: m.inactive, cached: m.cached, buffers: m.buffers },
      filesystem: { used: fsUsed, total: fsTotal },
      network: s.network,
    });
  }
  return out;
}
