import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogStatusLine } from './log-status';
import type { LogStatusParts } from './log-status';

function parts(over: Partial<LogStatusParts> = {}): LogStatusParts {
  return { connection: 'live', error: null, held: 0, newBelow: 0, atBottom: true, names: new Set(), skipped: 0, search: null, ...over };
}

afterEach(() => vi.useRealTimers());

describe('the log status line', () => {
  it('publishes a change at once, counts at a calm pace, and nothing when nothing changed', () => {
    vi.useFakeTimers();
    let now = parts();
    const line = createLogStatusLine(() => now, 250);
    const seen: number[] = [];
    line.subscribe(() => seen.push(line.get().held));

    line.publish();
    expect(seen).toEqual([0]);
    line.publish();
    expect(seen).toEqual([0]);

    now = parts({ held: 5 });
    line.publishSoon();
    now = parts({ held: 9 });
    line.publishSoon();
    expect(seen).toEqual([0]);
    vi.advanceTimersByTime(250);
    expect(seen).toEqual([0, 9]);
  });

  it('lists the container names sorted as people count, and forgets them for a new session', () => {
    let now = parts({ names: new Set(['api-10', 'api-2', 'web-1']) });
    const line = createLogStatusLine(() => now, 250);
    line.publish();
    expect(line.get().names).toEqual(['api-2', 'api-10', 'web-1']);
    line.forgetNames();
    now = parts();
    line.publish();
    expect(line.get().names).toEqual([]);
  });
});
