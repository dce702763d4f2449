import { describe, expect, it } from 'vitest';
import { axisStep, liveAxis, MAX_AXIS_STEP_MS, stepEnd } from './live-axis';

const MIN = 60_000;

describe('axis step', () => {
  it('moves a rolling window by about a twentieth of it, in round steps', () => {
    expect(axisStep(60 * MIN)).toBe(3 * MIN);
    expect(axisStep(6 * 60 * MIN)).toBe(15 * MIN);
    expect(axisStep(5 * MIN)).toBe(15_000);
  });

  it('never steps further than the live samples reach back (an hour), nor below 5 s', () => {
    expect(axisStep(24 * 60 * MIN)).toBe(MAX_AXIS_STEP_MS);
    expect(axisStep(7 * 24 * 60 * MIN)).toBe(MAX_AXIS_STEP_MS);
    expect(axisStep(10_000)).toBe(5_000);
  });

  it('keeps the same step while a short span grows between two rungs', () => {
    expect(new Set([6, 7, 8, 9].map((m) => axisStep(m * MIN)))).toEqual(new Set([15_000]));
  });

  it('ends the axis at the next whole step, so samples within a step do not move it', () => {
    const step = 3 * MIN;
    const base = 1_000 * step;
    expect(stepEnd(base + 1, step)).toBe(base + step);
    expect(stepEnd(base + step - 1, step)).toBe(base + step);
    expect(stepEnd(base + step, step)).toBe(base + step);
    expect(stepEnd(base + step + 1, step)).toBe(base + 2 * step);
  });

  it('shows the whole window back from now, ending at the next step', () => {
    const now = Date.UTC(2017, 3, 6, 12, 34, 30);
    const axis = liveAxis({ kind: '1h' }, 'service', now, null);
    expect(axis).toEqual({ from: Date.UTC(2017, 3, 6, 11, 33), to: Date.UTC(2017, 3, 6, 12, 36), step: 3 * MIN });
    // Later samples within the step leave the axis where it is.
    expect(liveAxis({ kind: '1h' }, 'service', now + 80_000, null)).toEqual(axis);
    expect(liveAxis({ kind: '1h' }, 'service', now + 100_000, null).to).toBe(Date.UTC(2017, 3, 6, 12, 39));
  });

  it('zooms per instance to where sampling began, by rungs, within the window', () => {
    const now = Date.UTC(2017, 3, 6, 12, 34, 30);
    const began = now - 2 * MIN;
    const shown = (at: number) => {
      const axis = liveAxis({ kind: '1h' }, 'instances', at, began);
      return axis.to - axis.from - axis.step;
    };
    expect(shown(now)).toBe(5 * MIN);
    expect(shown(now + 4 * MIN)).toBe(10 * MIN);
    expect(shown(now + 7 * MIN)).toBe(10 * MIN);
    expect(shown(now + 9 * MIN)).toBe(20 * MIN);
    // Within the zoom, the axis stays put between steps (30 s at 10 min).
    expect(liveAxis({ kind: '1h' }, 'instances', now + 4 * MIN + 1_000, began)).toEqual(liveAxis({ kind: '1h' }, 'instances', now + 4 * MIN + 29_000, began));
    const long = liveAxis({ kind: '1h' }, 'instances', now, now - 5 * 60 * MIN);
    expect(long).toEqual(liveAxis({ kind: '1h' }, 'service', now, null));
  });

  it('does not move a custom window; per instance it starts where sampling began (at least 5 min before its end)', () => {
    const from = Date.UTC(2017, 3, 6, 9);
    const to = Date.UTC(2017, 3, 6, 13);
    const window = { kind: 'custom', from, to } as const;
    expect(liveAxis(window, 'service', to - MIN, null)).toEqual({ from, to, step: 0 });
    expect(liveAxis(window, 'instances', to - MIN, Date.UTC(2017, 3, 6, 12))).toEqual({ from: Date.UTC(2017, 3, 6, 12), to, step: 0 });
    expect(liveAxis(window, 'instances', to - MIN, to - MIN)).toEqual({ from: to - 5 * MIN, to, step: 0 });
  });
});
