/**
 * Container log generation. To keep the `large` scenario cheap, logs exist only for
 * services someone has asked about in the last few minutes: the first request backfills
 * some history, then one clock tick a second appends lines for the running containers of
 * the watched services. Each service keeps a bounded store, cut back to the backfill's size
 * once nobody reads it.
 */
import { liveContainers } from '../model/store';
import { RingBuffer } from '../../lib/ring-buffer';
import type { ContainerRecord, LogRecord, ServiceRecord } from '../model/types';
import type { TimerId } from './clock';
import type { EngineKit } from './kit';
import { generateLogLine, logRatePerSecond } from './log-lines';
import type { Prng } from './prng';

const LOGS_PER_SERVICE = 5000;
const WATCH_MS = 5 * 60_000;
const BACKFILL_LINES = 200;
const TICK_MS = 1000;
/** Per container and tick, so one chatty image cannot flood the store. */
const MAX_LINES_PER_TICK = 200;

/** A ring of the same capacity holding only the newest `keep` records of `ring`. */
function newest(ring: RingBuffer<LogRecord>, keep: number): RingBuffer<LogRecord> {
  return ring.size <= keep ? ring : ring.resized(ring.capacity, keep);
}

interface ContainerLogs {
  watch(service: ServiceRecord): void;
  forget(service: ServiceRecord): void;
}

export function createContainerLogs(kit: EngineKit, rng: Prng): ContainerLogs {
  const { clock, store } = kit;
  const watched = new Set<ServiceRecord>();
  let timer: TimerId | null = null;
  let lastTick = 0;

  const line = (service: ServiceRecord, c: ContainerRecord, at: number): LogRecord => {
    const generated = generateLogLine(c.image, rng, at);
    return {
      id: store.ids.sequenceId(),
      service,
      createdAt: at,
      name: c.name,
      containerRecordId: c.id,
      instanceNumber: c.instanceNumber,
      nodeName: c.node?.name ?? null,
      type: generated.type,
      data: generated.data,
    };
  };

  /** Some history for each container, spaced by its image's log rate and ending when it stopped. */
  const backfill = (service: ServiceRecord, ring: RingBuffer<LogRecord>): void => {
    const containers = liveContainers(service).filter((c) => c.startedAt !== null);
    if (containers.length === 0) return;
    const now = clock.now();
    const perContainer = Math.ceil(BACKFILL_LINES / containers.length);
    const slots: { at: number; c: ContainerRecord }[] = [];
    for (const c of containers) {
      const end = c.state.running ? now : Math.min(now, c.finishedAt ?? now);
      const spacing = Math.max(20, Math.min(30_000, 1000 / Math.max(0.05, logRatePerSecond(c.image))));
      for (let i = perContainer; i >= 1; i--) {
        const at = Math.round(end - i * spacing + rng.next() * spacing * 0.5);
        if (at >= (c.startedAt ?? c.createdAt)) slots.push({ at, c });
      }
    }
    slots.sort((a, b) => a.at - b.at);
    for (const s of slots.slice(-BACKFILL_LINES)) ring.push(line(service, s.c, s.at));
  };

  const tick = (): void => {
    const now = clock.now();
    const elapsed = Math.max(0, now - lastTick);
    lastTick = now;
    for (const service of watched) {
      if (service.destroyed || now > service.logsWatchedUntil || !service.logs) {
        watched.delete(service);
        // Nobody reads it any more: keep what a first read would have backfilled, so the
        // services someone once opened do not each hold a full store for ever.
        if (service.logs) service.logs = newest(service.logs, BACKFILL_LINES);
        continue;
      }
      const ring = service.logs;
      const fresh: { at: number; c: ContainerRecord }[] = [];
      for (const c of service.containers) {
        if (c.deletedAt !== null || !c.state.running) continue;
        const expected = (logRatePerSecond(c.image) * elapsed) / 1000;
        let n = Math.floor(expected) + (rng.next() < expected - Math.floor(expected) ? 1 : 0);
        n = Math.min(n, MAX_LINES_PER_TICK);
        for (let i = 0; i < n; i++) fresh.push({ at: now - elapsed + Math.floor(((i + rng.next()) * elapsed) / Math.max(1, n)), c });
      }
      fresh.sort((a, b) => a.at - b.at);
      for (const f of fresh) ring.push(line(service, f.c, Math.min(now, f.at)));
    }
    if (watched.size === 0 && timer !== null) {
      clock.clearInterval(timer);
      timer = null;
    }
  };

  return {
    watch(service) {
      const now = clock.now();
      service.logsWatchedUntil = now + WATCH_MS;
      if (!service.logs) {
        service.logs = new RingBuffer(LOGS_PER_SERVICE);
        backfill(service, service.logs);
      }
      if (!kit.live) return;
      watched.add(service);
      if (timer === null) {
        lastTick = now;
        timer = clock.setInterval(tick, TICK_MS);
      }
    },
    forget(service) {
      watched.delete(service);
    },
  };
}
