import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWriteQueue } from './terminal-write-queue';
import type { FrameScheduler, WriteSink } from './terminal-write-queue';

/** A 60 Hz frame clock on the fake timers. */
const frames: FrameScheduler = {
  request: (fn) => setTimeout(fn, 16) as unknown as number,
  cancel: (handle) => clearTimeout(handle),
};

/** Never fires: a hidden tab, where requestAnimationFrame does not run. */
const hiddenTab: FrameScheduler = { request: () => 0, cancel: () => undefined };

interface FakeTerminal extends WriteSink {
  writes: string[];
  /** Characters written and not yet parsed, sampled at every write. */
  backlogAtWrite: number[];
  text(): string;
}

/** Parses `charsPerMs` characters a millisecond, in order, then calls back (like xterm's WriteBuffer). */
function slowTerminal(charsPerMs: number): FakeTerminal {
  const writes: string[] = [];
  const backlogAtWrite: number[] = [];
  let busyUntil = 0;
  let backlog = 0;
  return {
    writes,
    backlogAtWrite,
    text: () => writes.join(''),
    write(data, callback) {
      writes.push(data);
      backlog += data.length;
      backlogAtWrite.push(backlog);
      const start = Math.max(Date.now(), busyUntil);
      busyUntil = start + Math.ceil(data.length / charsPerMs);
      setTimeout(() => {
        backlog -= data.length;
        callback();
      }, busyUntil - Date.now());
    },
  };
}

/** Calls back only when told to. */
function manualTerminal() {
  const pending: (() => void)[] = [];
  const writes: string[] = [];
  return {
    writes,
    write(data: string, callback: () => void) {
      writes.push(data);
      pending.push(callback);
    },
    ackAll() {
      for (const cb of pending.splice(0)) cb();
    },
  };
}

const line = (i: number, width = 20): string => `${String(i).padStart(6, '0')} ${'x'.repeat(Math.max(0, width - 9))}\r\n`;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createWriteQueue', () => {
  it('hands a burst to the terminal in one write on the next frame, in order', async () => {
    const term = slowTerminal(10_000);
    const shown: number[] = [];
    const queue = createWriteQueue<string>({
      render: (s) => s,
      sink: term,
      scheduler: frames,
      maxPendingLines: 10_000,
      onBatchShown: (n) => shown.push(n),
    });
    for (let i = 0; i < 100; i++) queue.push(line(i));
    expect(term.writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(16);
    expect(term.writes).toHaveLength(1);
    expect(term.text()).toBe(Array.from({ length: 100 }, (_, i) => line(i)).join(''));
    await vi.advanceTimersByTimeAsync(16);
    expect(shown).toEqual([100]);
    expect(queue.stats()).toMatchObject({ pendingLines: 0, inFlightChars: 0, shownLines: 100, droppedLines: 0 });
  });

  it('renders a line only when it is written, so dropped lines cost nothing', async () => {
    const term = slowTerminal(1_000_000);
    let rendered = 0;
    const queue = createWriteQueue<number>({ render: (n) => (rendered++, line(n)), sink: term, scheduler: frames, maxPendingLines: 10 });
    for (let i = 0; i < 1000; i++) queue.push(i);
    expect(rendered).toBe(0);
    await vi.advanceTimersByTimeAsync(16);
    expect(rendered).toBe(10);
    expect(term.text()).toBe(Array.from({ length: 10 }, (_, i) => line(990 + i)).join(''));
  });

  it('writes at most once per frame while lines keep coming', async () => {
    const term = slowTerminal(100_000);
    const queue = createWriteQueue<string>({ render: (s) => s, sink: term, scheduler: frames, maxPendingLines: 10_000 });
    // 5,000 lines/s for one second: 5 lines a millisecond.
    for (let ms = 0; ms < 1000; ms++) {
      for (let k = 0; k < 5; k++) queue.push(line(ms * 5 + k));
      await vi.advanceTimersByTimeAsync(1);
    }
    await vi.advanceTimersByTimeAsync(100);
    expect(term.writes.length).toBeLessThanOrEqual(Math.ceil(1100 / 16) + 1);
    expect(term.writes.length).toBeGreaterThan(50);
    expect(queue.stats().shownLines).toBe(5000);
    expect(term.text()).toBe(Array.from({ length: 5000 }, (_, i) => line(i)).join(''));
  });

  it('stops writing at the high watermark and goes on as the terminal acknowledges (flow control)', async () => {
    // 100 chars/ms terminal, 20,000 lines of 100 chars: 2 MB the terminal needs 20 s for.
    const term = slowTerminal(100);
    const high = 8_000;
    const queue = createWriteQueue<string>({
      render: (s) => s,
      sink: term,
      scheduler: frames,
      maxPendingLines: 100_000,
      highWatermark: high,
      maxBatchChars: 4_000,
    });
    for (let i = 0; i < 20_000; i++) queue.push(line(i, 100));
    await vi.advanceTimersByTimeAsync(1_000);
    // Never more than the mark (plus at most one line) inside the terminal.
    expect(Math.max(...term.backlogAtWrite)).toBeLessThanOrEqual(high + 100);
    expect(queue.stats().maxInFlightChars).toBeLessThanOrEqual(high + 100);
    const soFar = queue.stats().shownLines;
    expect(soFar).toBeGreaterThan(0);
    expect(soFar).toBeLessThan(20_000);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(queue.stats()).toMatchObject({ shownLines: 20_000, pendingLines: 0, inFlightChars: 0 });
    expect(term.text()).toBe(Array.from({ length: 20_000 }, (_, i) => line(i, 100)).join(''));
  });

  it('with a backlog, each acknowledgement hands over the next batch without waiting for a frame', async () => {
    const term = slowTerminal(100_000);
    const queue = createWriteQueue<string>({ render: (s) => s, sink: term, scheduler: frames, maxPendingLines: 100_000 });
    for (let i = 0; i < 10_000; i++) queue.push(line(i, 100));
    await vi.advanceTimersByTimeAsync(16);
    expect(term.writes).toHaveLength(1);
    // 1 MB at 100 chars/ms: about 10 ms of parsing, back to back, inside one frame time.
    await vi.advanceTimersByTimeAsync(15);
    expect(term.writes.length).toBeGreaterThan(4);
    expect(queue.stats().maxInFlightChars).toBeLessThanOrEqual(256 * 1024 + 100);
    await vi.advanceTimersByTimeAsync(100);
    expect(queue.stats().shownLines).toBe(10_000);
  });

  it('keeps only the newest lines when more wait than the scrollback holds', async () => {
    const term = slowTerminal(1_000_000);
    const queue = createWriteQueue<string>({ render: (s) => s, sink: term, scheduler: frames, maxPendingLines: 50 });
    for (let i = 0; i < 200; i++) queue.push(line(i));
    expect(queue.stats()).toMatchObject({ pendingLines: 50, droppedLines: 150 });
    await vi.advanceTimersByTimeAsync(32);
    expect(term.text()).toBe(Array.from({ length: 50 }, (_, i) => line(150 + i)).join(''));
  });

  it('stays bounded in a hidden tab, where no frame ever runs', () => {
    const queue = createWriteQueue<string>({ render: (s) => s, sink: slowTerminal(1), scheduler: hiddenTab, maxPendingLines: 1_000 });
    for (let i = 0; i < 100_000; i++) queue.push(line(i));
    expect(queue.stats()).toMatchObject({ pendingLines: 1_000, droppedLines: 99_000 });
  });

  it('restarts with the preamble first; earlier writes are acknowledged but not counted as shown', async () => {
    const term = manualTerminal();
    const shown: number[] = [];
    const queue = createWriteQueue<string>({
      render: (s) => s,
      sink: term,
      scheduler: frames,
      maxPendingLines: 100,
      highWatermark: 1_000_000,
      onBatchShown: (n) => shown.push(n),
    });
    queue.push('old-1\r\n');
    queue.push('old-2\r\n');
    await vi.advanceTimersByTimeAsync(16);
    expect(term.writes).toEqual(['old-1\r\nold-2\r\n']);
    queue.restart('RESET;');
    queue.push('new-1\r\n');
    await vi.advanceTimersByTimeAsync(16);
    expect(term.writes).toEqual(['old-1\r\nold-2\r\n', 'RESET;new-1\r\n']);
    expect(queue.stats().inFlightChars).toBe('old-1\r\nold-2\r\n'.length + 'RESET;new-1\r\n'.length);
    term.ackAll();
    expect(shown).toEqual([1]);
    expect(queue.stats()).toMatchObject({ shownLines: 1, inFlightChars: 0 });
  });

  it('never drops the preamble when a burst follows a restart', async () => {
    const term = manualTerminal();
    const queue = createWriteQueue<string>({ render: (s) => s, sink: term, scheduler: frames, maxPendingLines: 3 });
    queue.restart('RESET;');
    for (let i = 0; i < 10; i++) queue.push(`${i};`);
    await vi.advanceTimersByTimeAsync(16);
    expect(term.writes).toEqual(['RESET;7;8;9;']);
  });

  it('does nothing more once disposed', async () => {
    const term = manualTerminal();
    const queue = createWriteQueue<string>({ render: (s) => s, sink: term, scheduler: frames, maxPendingLines: 10 });
    queue.push('a\r\n');
    queue.dispose();
    queue.push('b\r\n');
    await vi.advanceTimersByTimeAsync(100);
    expect(term.writes).toEqual([]);
  });
});
