/**
 * How a live chart's time axis moves: in steps, not with every sample. Between steps the
 * chart itself stays as drawn and only its newest part (the live tail) is drawn again,
 * so a live sample costs a few SVG paths instead of a Recharts redraw (docs/architecture.md: a live
 * update costs ≤ 50 ms of main thread).
 */
import type { TimeRange } from './chart-data';
import type { StatsView, StatsWindow } from './stats-params';
import { WINDOW_SPANS } from './stats-params';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Round steps: a span growing sample by sample crosses a rung rarely, so the step (and the axis) stays put. */
const RUNGS = [5, 10, 15, 30, 60, 120, 180, 300, 600, 900, 1800].map((s) => s * SECOND);
/** About this share of the window is left ahead of "now" at most. */
const STEPS_PER_SPAN = 20;
/** The live ring buffer holds an hour: the tail drawn since the last step must fit in it. */
export const MAX_AXIS_STEP_MS = 30 * MINUTE;

/** The step for a chart showing `spanMs`: the largest rung of at most a twentieth of it. */
export function axisStep(spanMs: number): number {
  const most = Math.min(MAX_AXIS_STEP_MS, spanMs / STEPS_PER_SPAN);
  let step = RUNGS[0] ?? SECOND;
  for (const rung of RUNGS) if (rung <= most) step = rung;
  return step;
}

/** The axis' right end for the moment `edge`: the next whole step at or after it. */
export function stepEnd(edge: number, step: number): number {
  return Math.ceil(edge / step) * step;
}

/**
 * Per instance, the chart shows from where sampling began (the master keeps no
 * per-instance history) over the first of these spans that holds it, and stands still
 * while the lines fill it: it redraws when they reach its end and it zooms out a rung,
 * until the lines are as long as the window.
 */
const ZOOMS = [5, 10, 20, 30].map((m) => m * MINUTE);
/**
 * Past this the lines are drawn on the whole window. Well short of the live ring
 * buffer's hour: when it is full, its oldest sample moves on with every new one.
 */
const MAX_ZOOM_MS = 30 * MINUTE;
/** The shortest per-instance span of a custom window (it does not move, so it is not stepped). */
const MIN_CUSTOM_ZOOM_MS = 5 * MINUTE;

interface LiveAxis extends TimeRange {
  /** How far the axis moves at a time (0: it does not move). */
  step: number;
}

/**
 * A chart's time axis at the moment `edge` (now, or the newest sample if later): a rolling
 * window ends at the next whole step and starts one step more than its span before (so
 * the whole window back from "now" shows wherever "now" is in the step).
 */
export function liveAxis(window: StatsWindow, view: StatsView, edge: number, firstLive: number | null): LiveAxis {
  const zoomFrom = view === 'instances' ? firstLive : null;
  if (window.kind === 'custom') {
    const from =
      zoomFrom !== null && zoomFrom > window.from ? Math.max(window.from, Math.min(zoomFrom, window.to - MIN_CUSTOM_ZOOM_MS)) : window.from;
    return { from, to: window.to, step: 0 };
  }
  const span = WINDOW_SPANS[window.kind];
  const age = zoomFrom === null ? span : edge - zoomFrom;
  if (zoomFrom !== null && age < Math.min(span, MAX_ZOOM_MS)) {
    const zoom = ZOOMS.find((z) => z > age) ?? MAX_ZOOM_MS;
    const step = axisStep(zoom);
    // On a whole step, so the axis stays put when the oldest sample leaves the ring buffer.
    const from = Math.floor(zoomFrom / step) * step;
    return { from, to: from + zoom + step, step };
  }
  const step = axisStep(span);
  const to = stepEnd(edge, step);
  return { from: to - span - step, to, step };
}
