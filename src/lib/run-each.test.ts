import { describe, expect, it } from 'vitest';
import { runEach } from './run-each';

describe('runEach', () => {
  it('gives each outcome in order, keeps going after a failure, and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const settled: number[] = [];
    const outcomes = await runEach(
      [1, 2, 3, 4, 5],
      2,
      async (n) => {
        running += 1;
        peak = Math.max(peak, running);
        await Promise.resolve();
        running -= 1;
        if (n === 2) throw new Error('two failed');
        return n * 10;
      },
      (i) => settled.push(i),
    );
    expect(peak).toBe(2);
    expect(outcomes.map((o) => (o.ok ? o.value : (o.error as Error).message))).toEqual([10, 'two failed', 30, 40, 50]);
    expect([...settled].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('handles no items', async () => {
    expect(await runEach([], 4, async () => 1)).toEqual([]);
  });
});
