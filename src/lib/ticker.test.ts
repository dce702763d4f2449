import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onTick } from './ticker';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('onTick', () => {
  it('one timer per period, however many listen', () => {
    const a = vi.fn();
    const b = vi.fn();
    const slow = vi.fn();
    const offA = onTick(1_000, a);
    const offB = onTick(1_000, b);
    const offSlow = onTick(30_000, slow);
    expect(vi.getTimerCount()).toBe(2);
    vi.advanceTimersByTime(3_000);
    expect(a).toHaveBeenCalledTimes(3);
    expect(b).toHaveBeenCalledTimes(3);
    expect(slow).not.toHaveBeenCalled();
    offA();
    offB();
    offSlow();
  });

  it('stops when the last listener leaves, and starts again with the next', () => {
    const a = vi.fn();
    const offA = onTick(1_000, a);
    offA();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5_000);
    expect(a).not.toHaveBeenCalled();
    const b = vi.fn();
    const offB = onTick(1_000, b);
    vi.advanceTimersByTime(1_000);
    expect(b).toHaveBeenCalledTimes(1);
    offB();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a listener that leaves keeps the others ticking', () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = onTick(1_000, a);
    const offB = onTick(1_000, b);
    offA();
    vi.advanceTimersByTime(2_000);
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledTimes(2);
    offB();
  });

  it('in step with a moment: ticks when whole periods before or after it come', () => {
    const start = Date.now();
    const until = start + 12_345;
    const seen: number[] = [];
    const off = onTick(1_000, () => seen.push(Date.now() - start), until);
    vi.advanceTimersByTime(3_000);
    expect(seen).toEqual([345, 1_345, 2_345]);
    off();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clocks in step with the same moment share a timer; others in step have their own', () => {
    const start = Date.now();
    const offA = onTick(1_000, () => undefined, start + 500);
    const offB = onTick(1_000, () => undefined, start + 7_500);
    const offC = onTick(1_000, () => undefined, start + 250);
    expect(vi.getTimerCount()).toBe(2);
    offA();
    offB();
    offC();
    expect(vi.getTimerCount()).toBe(0);
  });
});
