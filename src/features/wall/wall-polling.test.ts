import { describe, expect, it } from 'vitest';
import { MAX_RETRY_MS, nextPollMs } from './wall-polling';

const ok = { status: 'success' as const, dataUpdatedAt: 1_000, errorUpdateCount: 0 };

describe('wall polling', () => {
  it('polls at the refresh interval while answers come', () => {
    expect(nextPollMs(10_000, ok, 5_000)).toBe(10_000);
    expect(nextPollMs(10_000, { ...ok, status: 'pending' }, 5_000)).toBe(10_000);
  });

  it('backs off with how long the data has been missing, from 2 s to a minute', () => {
    const failing = (missingMs: number) =>
      nextPollMs(10_000, { status: 'error', dataUpdatedAt: 100_000, errorUpdateCount: 3 }, 100_000 + missingMs);
    expect(failing(1_000)).toBe(2_000);
    expect(failing(6_000)).toBe(2_000);
    expect(failing(15_000)).toBe(5_000);
    expect(failing(60_000)).toBe(20_000);
    expect(failing(10 * 60_000)).toBe(MAX_RETRY_MS);
    // Monotonic: never faster later in an outage.
    let last = 0;
    for (let s = 0; s < 3_600; s += 7) {
      const next = failing(s * 1_000);
      expect(next).toBeGreaterThanOrEqual(last);
      last = next;
    }
  });

  it('doubles per failure when it never got an answer', () => {
    const never = (errors: number) => nextPollMs(10_000, { status: 'error', dataUpdatedAt: 0, errorUpdateCount: errors }, 1e12);
    expect([1, 2, 3, 4, 5, 6, 7].map(never)).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
  });

  it('never waits longer to retry than it would to refresh when the refresh is quicker than 2 s', () => {
    expect(nextPollMs(1_000, { status: 'error', dataUpdatedAt: 1, errorUpdateCount: 1 }, 2)).toBe(1_000);
  });
});
