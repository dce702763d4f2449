import { describe, expect, it } from 'vitest';
import { createPrng } from '../simulator/engine/prng';
import { createLogReorder } from './log-reorder';
import type { LogReorder } from './log-reorder';

interface Line {
  id: string;
  source: string;
  at: number;
}

/** The simulator's seeded generator (mulberry32), so a failing seed replays. */
const prng = createPrng;

const idOf = (n: number): string => n.toString(16).padStart(24, '0');
const byTime = (a: Line, b: Line): number => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

interface Rig {
  reorder: LogReorder<Line>;
  out: Line[];
  late: Line[];
  clock: { t: number };
}

function rig(windowMs = 300, maxHeld = 10_000): Rig {
  const clock = { t: 0 };
  const out: Line[] = [];
  const late: Line[] = [];
  const reorder = createLogReorder<Line>({
    windowMs,
    maxHeld,
    now: () => clock.t,
    timeOf: (l) => l.at,
    idOf: (l) => l.id,
    emit(line, isLate) {
      out.push(line);
      if (isLate) late.push(line);
    },
  });
  return { reorder, out, late, clock };
}

/**
 * What a master's grid stream looks like: `sources` containers each log in time order;
 * each container's lines reach the master in batches, a batch up to `maxDelay` ms after
 * its first line was written. The stream sends them in the order they were stored, and
 * that order gives the ids. Returns the lines in stream order with when each was stored.
 */
function gridStream(seed: number, sources: number, lines: number, maxDelay: number): { stream: Line[]; storedAt: number[] } {
  const rnd = prng(seed);
  const stored: { line: Omit<Line, 'id'>; storedAt: number; seq: number }[] = [];
  let seq = 0;
  for (let s = 0; s < sources; s++) {
    let t = rnd.int(0, 50);
    let batchStored = t + rnd.int(0, maxDelay);
    const count = Math.max(1, Math.round((lines / sources) * (0.5 + rnd.next())));
    for (let i = 0; i < count; i++) {
      // Same-millisecond lines happen (ties are broken by id).
      t += rnd.next() < 0.2 ? 0 : rnd.int(1, 40);
      if (t > batchStored) batchStored = t + rnd.int(0, maxDelay);
      stored.push({ line: { source: `svc-${s}`, at: t }, storedAt: batchStored, seq: seq++ });
    }
  }
  stored.sort((a, b) => a.storedAt - b.storedAt || a.seq - b.seq);
  return { stream: stored.map((s, i) => ({ ...s.line, id: idOf(i + 1) })), storedAt: stored.map((s) => s.storedAt) };
}

/** Delivers `stream` in chunks cut at `cuts` (indexes), `gap(i)` ms apart, a frame's release after each. */
function deliver(r: Rig, stream: readonly Line[], cuts: readonly number[], gap: (i: number) => number): void {
  let from = 0;
  const ends = [...cuts, stream.length];
  ends.forEach((end, i) => {
    for (const line of stream.slice(from, end)) r.reorder.push(line);
    from = end;
    r.reorder.release();
    r.clock.t += gap(i);
    r.reorder.release();
  });
}

/** Lets the clock run until everything held went out. */
function drain(r: Rig, windowMs = 300): void {
  for (let i = 0; i < 5 && r.reorder.size > 0; i++) {
    r.clock.t += windowMs;
    r.reorder.release();
  }
}

function expectExactlyOnce(out: readonly Line[], input: readonly Line[]): void {
  const ids = out.map((l) => l.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(input.map((l) => l.id).sort());
}

describe('log reorder window', () => {
  it('puts a small interleaving in time order, whatever the chunk boundaries', () => {
    // Three containers, their lines stored by the master container by container.
    const stream: Line[] = [
      { source: 'a', at: 10, id: idOf(1) },
      { source: 'a', at: 40, id: idOf(2) },
      { source: 'a', at: 70, id: idOf(3) },
      { source: 'a', at: 70, id: idOf(4) },
      { source: 'b', at: 5, id: idOf(5) },
      { source: 'b', at: 45, id: idOf(6) },
      { source: 'b', at: 70, id: idOf(7) },
      { source: 'c', at: 0, id: idOf(8) },
      { source: 'c', at: 41, id: idOf(9) },
      { source: 'c', at: 69, id: idOf(10) },
      { source: 'c', at: 90, id: idOf(11) },
    ];
    const expected = [...stream].sort(byTime);
    const boundaries = stream.length - 1;
    // Every subset of the 10 boundaries: 1 024 ways to cut the stream into chunks.
    for (let mask = 0; mask < 1 << boundaries; mask++) {
      const cuts: number[] = [];
      for (let b = 0; b < boundaries; b++) if (mask & (1 << b)) cuts.push(b + 1);
      const r = rig();
      // All chunks arrive within the window (a frame apart): nothing may come out of order.
      deliver(r, stream, cuts, () => 16);
      drain(r);
      expect(
        r.out.map((l) => l.id),
        `cuts ${cuts.join(',')}`,
      ).toEqual(expected.map((l) => l.id));
      expect(r.late).toEqual([]);
    }
  });

  it('merges many seeded interleavings in order, with nothing lost or repeated', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = prng(seed * 7919);
      const windowMs = rnd.int(150, 500);
      // Lines reach the master at most half a window after others of their time.
      const { stream, storedAt } = gridStream(seed, rnd.int(1, 12), rnd.int(1, 400), Math.floor(windowMs / 2));
      const r = rig(windowMs);
      // The stream hands over what was stored in chunks cut anywhere; a chunk arrives a
      // little after its last line was stored, and spans at most a quarter window.
      let maxHeldSeen = 0;
      let from = 0;
      while (from < stream.length) {
        let end = from + 1;
        const first = storedAt[from] ?? 0;
        while (end < stream.length && rnd.next() < 0.7 && (storedAt[end] ?? 0) - first <= windowMs / 4) end++;
        r.clock.t = Math.max(r.clock.t, (storedAt[end - 1] ?? 0) + rnd.int(0, Math.floor(windowMs / 8)));
        for (const line of stream.slice(from, end)) r.reorder.push(line);
        from = end;
        maxHeldSeen = Math.max(maxHeldSeen, r.reorder.size);
        // Frames come when they come: not after every chunk.
        if (rnd.next() < 0.7) r.reorder.release();
      }
      drain(r, windowMs);
      expectExactlyOnce(r.out, stream);
      expect(
        r.out.map((l) => l.id),
        `seed ${seed}`,
      ).toEqual([...stream].sort(byTime).map((l) => l.id));
      expect(r.late, `seed ${seed}`).toEqual([]);
      expect(r.reorder.size).toBe(0);
      expect(maxHeldSeen).toBeLessThanOrEqual(10_000);
    }
  });

  it('holds a line no longer than the window, and lets in-order lines through once it has passed', () => {
    const r = rig(300);
    r.reorder.push({ source: 'a', at: 100, id: idOf(1) });
    r.clock.t = 299;
    r.reorder.release();
    expect(r.out).toEqual([]);
    r.clock.t = 300;
    r.reorder.release();
    expect(r.out.map((l) => l.id)).toEqual([idOf(1)]);
  });

  it('never holds more than its bound: the earliest-timed goes out first', () => {
    const r = rig(300, 5);
    const { stream } = gridStream(3, 4, 60, 100);
    for (const line of stream) {
      r.reorder.push(line);
      expect(r.reorder.size).toBeLessThanOrEqual(5);
    }
    drain(r);
    expectExactlyOnce(r.out, stream);
    // Whatever did come out of place is flagged late; the rest is in order.
    const onTime = r.out.filter((l) => !r.late.includes(l));
    expect(onTime).toEqual([...onTime].sort(byTime));
  });

  it('still shows a line that arrives after its window passed, at the end and marked late', () => {
    let lateSeen = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const rnd = prng(seed);
      // Delays of up to three windows: some lines are bound to be late.
      const { stream } = gridStream(seed, rnd.int(2, 8), rnd.int(20, 300), 900);
      const r = rig(300);
      deliver(
        r,
        stream,
        [...stream.keys()].filter((i) => i > 0 && rnd.next() < 0.5),
        () => rnd.int(0, 200),
      );
      drain(r);
      expectExactlyOnce(r.out, stream);
      // A line is late exactly when something later-timed went out before it.
      let max: Line | null = null;
      for (const line of r.out) {
        const isLate = max !== null && byTime(line, max) < 0;
        expect(r.late.includes(line), `seed ${seed} ${line.id}`).toBe(isLate);
        if (!isLate) max = line;
      }
      lateSeen += r.late.length;
    }
    expect(lateSeen).toBeGreaterThan(0);
  });

  it('sorts a first window that comes service by service and takes longer than the window to arrive', () => {
    // The simulator's history: each service's lines stored together, each block spanning minutes.
    const stream: Line[] = [];
    for (let s = 0; s < 20; s++)
      for (let i = 0; i < 50; i++) stream.push({ source: `svc-${s}`, at: i * 6_000 + s * 7, id: idOf(stream.length + 1) });
    const r = rig(300);
    r.reorder.holdBurst(stream.length, 3_000);
    // 1 000 lines over 1.5 s, in chunks of 20 every 30 ms.
    deliver(
      r,
      stream,
      [...stream.keys()].filter((i) => i > 0 && i % 20 === 0),
      () => 30,
    );
    expect(r.out).toHaveLength(stream.length);
    expect(r.out).toEqual([...stream].sort(byTime));
    expect(r.late).toEqual([]);
  });

  it('ends a first window early when the stream goes quiet, and at the latest after maxMs', () => {
    const quiet = rig(300);
    quiet.reorder.holdBurst(100, 5_000);
    quiet.reorder.push({ source: 'b', at: 20, id: idOf(1) });
    quiet.reorder.push({ source: 'a', at: 10, id: idOf(2) });
    quiet.clock.t = 299;
    quiet.reorder.release();
    expect(quiet.out).toEqual([]);
    quiet.clock.t = 300;
    quiet.reorder.release();
    expect(quiet.out.map((l) => l.at)).toEqual([10, 20]);

    // No line at all yet: the quiet rule waits for the first one, then maxMs ends it.
    const slow = rig(300);
    slow.reorder.holdBurst(100, 1_000);
    slow.clock.t = 900;
    slow.reorder.push({ source: 'a', at: 10, id: idOf(1) });
    slow.clock.t = 1_000;
    slow.reorder.release();
    expect(slow.out).toHaveLength(1);
  });

  it('lines after a first window are held by the window again', () => {
    const r = rig(300);
    r.reorder.holdBurst(2, 3_000);
    r.reorder.push({ source: 'a', at: 10, id: idOf(1) });
    r.reorder.push({ source: 'b', at: 5, id: idOf(2) });
    r.reorder.push({ source: 'a', at: 30, id: idOf(3) });
    r.reorder.release();
    expect(r.out.map((l) => l.at)).toEqual([5, 10]);
    r.reorder.push({ source: 'b', at: 20, id: idOf(4) });
    r.clock.t = 300;
    r.reorder.release();
    expect(r.out.map((l) => l.at)).toEqual([5, 10, 20, 30]);
  });

  it('survives a dropped stream resumed from the last id: no duplicate, no gap, still in order', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const rnd = prng(seed * 31);
      const { stream: master, storedAt } = gridStream(seed, rnd.int(2, 10), rnd.int(50, 400), 120);
      const r = rig(300);
      // The consumer's cursor: the id of the last line it took from the stream.
      let lastId: string | null = null;
      /** Time lost to reconnects so far: every later line arrives that much later. */
      let lost = 0;
      let next = 0;
      while (next < master.length) {
        // A connection sends from the cursor on and drops after a random number of lines
        // (a line cut in half never reached the consumer: the resume sends it again).
        const cursor: string | null = lastId;
        const start: number = cursor === null ? 0 : master.findIndex((l) => l.id > cursor);
        const upTo = Math.min(master.length, start + rnd.int(1, 80));
        for (let i = start; i < upTo; i++) {
          const line: Line | undefined = master[i];
          if (line === undefined) continue;
          r.clock.t = Math.max(r.clock.t, (storedAt[i] ?? 0) + lost);
          r.reorder.push(line);
          lastId = line.id;
          if (rnd.next() < 0.3) r.reorder.release();
        }
        next = upTo;
        // Reconnecting takes a little while; the window keeps what it holds meanwhile.
        lost += rnd.int(0, 40);
        r.reorder.release();
      }
      drain(r);
      expectExactlyOnce(r.out, master);
      expect(
        r.out.map((l) => l.id),
        `seed ${seed}`,
      ).toEqual([...master].sort(byTime).map((l) => l.id));
    }
  });

  it('flushes everything in order when the stream stops, and clear drops what is held', () => {
    const r = rig(300);
    r.reorder.push({ source: 'a', at: 30, id: idOf(1) });
    r.reorder.push({ source: 'b', at: 10, id: idOf(2) });
    r.reorder.flush();
    expect(r.out.map((l) => l.at)).toEqual([10, 30]);

    r.reorder.push({ source: 'a', at: 40, id: idOf(3) });
    r.reorder.clear();
    expect(r.reorder.size).toBe(0);
    r.clock.t = 1_000;
    r.reorder.release();
    expect(r.out).toHaveLength(2);

    // After clear what went out still counts: an older line is late.
    r.reorder.push({ source: 'c', at: 20, id: idOf(4) });
    r.reorder.release();
    expect(r.late.map((l) => l.id)).toEqual([idOf(4)]);

    // After reset nothing is late any more.
    r.reorder.reset();
    r.reorder.push({ source: 'c', at: 1, id: idOf(5) });
    r.reorder.flush();
    expect(r.late.map((l) => l.id)).toEqual([idOf(4)]);
  });

  it('breaks ties of time by id', () => {
    const r = rig(300);
    r.reorder.push({ source: 'a', at: 50, id: idOf(9) });
    r.reorder.push({ source: 'b', at: 50, id: idOf(3) });
    r.reorder.push({ source: 'c', at: 50, id: idOf(5) });
    r.reorder.flush();
    expect(r.out.map((l) => l.id)).toEqual([idOf(3), idOf(5), idOf(9)]);
  });

  it('keeps a line without a time next to the line that arrived before it', () => {
    const r = rig(300);
    r.reorder.push({ source: 'a', at: 50, id: idOf(1) });
    r.reorder.push({ source: 'a', at: Number.NaN, id: idOf(2) });
    r.reorder.push({ source: 'b', at: 10, id: idOf(3) });
    r.reorder.push({ source: 'b', at: 60, id: idOf(4) });
    r.reorder.flush();
    expect(r.out.map((l) => l.id)).toEqual([idOf(3), idOf(1), idOf(2), idOf(4)]);
  });
});
