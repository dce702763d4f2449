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

  it('per instance, starts where sampling began and stands still while the lines fill it', () => {
    const began = Date.UTC(2017, 3, 6, 12, 34, 30);
    const axis = (at: number) => liveAxis({ kind: '1h' }, 'instances', at, began);
    const first = axis(began);
    expect(first).toEqual({ from: Date.UTC(2017, 3, 6, 12, 34, 30), to: Date.UTC(2017, 3, 6, 12, 39, 45), step: 15_000 });
    // Samples within the first 5 minutes: the same axis.
    expect(axis(began + 4 * MIN + 50_000)).toEqual(first);
    // Then it zooms out a rung (10 min), and again (20 min) …
    expect(axis(began + 5 * MIN)).toEqual({ from: Date.UTC(2017, 3, 6, 12, 34, 30), to: Date.UTC(2017, 3, 6, 12, 45), step: 30_000 });
    expect(axis(began + 12 * MIN).to - axis(began + 12 * MIN).from).toBe(21 * MIN);
    // … until the lines are half an hour long: then it moves like the service line's.
    expect(axis(began + 29 * MIN).to - axis(began + 29 * MIN).from).toBe(31 * MIN);
    expect(axis(began + 31 * MIN)).toEqual(liveAxis({ kind: '1h' }, 'service', began + 31 * MIN, null));
  });

  it('per instance in a long window, draws the lines on the whole window once they are half an hour long', () => {
    const began = Date.UTC(2017, 3, 6, 12, 34, 30);
    const at = began + 3 * 60 * MIN;
    // The oldest sample moves on with every new one (the ring buffer is full): the axis does not.
    expect(liveAxis({ kind: '6h' }, 'instances', at, began + 2 * 60 * MIN)).toEqual(
      liveAxis({ kind: '6h' }, 'instances', at, began + 2 * 60 * MIN + 2_000),
    );
    expect(liveAxis({ kind: '6h' }, 'instances', at, began + 2 * 60 * MIN)).toEqual(liveAxis({ kind: '6h' }, 'service', at, null));
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
