import { formatChartTime } from '../../lib/clock-format';

/**
 * Time-axis ticks at round local times (every 10 min, every hour, …), at most
 * `maxTicks` of them, and their labels: "14:30" within a day, "Apr 6 14:00" beyond (the
 * locale's clock: "2:30 PM" in en-US).
 */
const MINUTE = 60_000;
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880].map((m) => m * MINUTE);
const DAY = 24 * 60 * MINUTE;

export function timeTicks(from: number, to: number, maxTicks = 6): number[] {
  if (!(to > from)) return [];
  const span = to - from;
  const step = STEPS.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / DAY) * DAY;
  // Round in local time, so "every hour" lands on :00 in a +05:30 zone too.
  const offset = (t: number): number => new Date(t).getTimezoneOffset() * MINUTE;
  const first = Math.ceil((from - offset(from)) / step) * step + offset(from);
  const ticks: number[] = [];
  for (let t = first; t <= to && ticks.length < maxTicks + 1; t += step) ticks.push(t);
  return ticks;
}

export function formatTick(t: number, span: number): string {
  return formatChartTime(t, span, false);
}

/** The tooltip's time: "14:03:07" (or "2:03:07 PM"), with the date when the window spans days. */
export function formatMoment(t: number, span: number): string {
  return formatChartTime(t, span, true);
}

/**
 * Y ticks for bytes at powers of two (0, 256 MiB, 512 MiB, …): decimal "nice" steps
 * give 286 MiB, 572 MiB, which no one reads well. At most `maxSteps` steps above 0.
 */
export function binaryTicks(max: number, maxSteps = 5): number[] | undefined {
  if (!(max > 0) || !Number.isFinite(max)) return undefined;
  let step = 1;
  while (max / step > maxSteps) step *= 2;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}

/** "1.00 GiB" → "1 GiB", "1.50 GiB" → "1.5 GiB", "12.3 KB/s" unchanged: axis labels without noise. */
export function trimZeros(text: string): string {
  return text.replace(/\.(\d*?)0+(?=\s)/, (_, kept: string) => (kept === '' ? '' : `.${kept}`));
}

/**
 * Y ticks at round decimal steps (1, 2, 2.5, 5 × 10ⁿ) from 0 to just above `max`, at most
 * `maxSteps` steps. Given to Recharts, they spare it its own (decimal.js) tick search on
 * every live redraw.
 */
export function decimalTicks(max: number, maxSteps = 4): number[] | undefined {
  if (!(max > 0) || !Number.isFinite(max)) return undefined;
  const rough = max / maxSteps;
  const power = Math.pow(10, Math.floor(Math.log10(rough)));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let i = 0; i * step < max + step && ticks.length <= maxSteps + 1; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}
