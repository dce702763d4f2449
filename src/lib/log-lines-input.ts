import { DEFAULT_LINES, MAX_LINES } from './log-view-options';

/** A decimal number as a number input holds it (`2e3`, `1.5`, `-0`); hex, `NaN` and the like are not. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The log view's Lines box (`--lines`) as a number of lines: a number input holds a
 * decimal number or nothing, and `2e3` there means 2000, not 2. Whole lines, 1 to
 * 10,000 (the master's cap); an empty or unreadable box is the default, 100.
 */
export function linesFromInput(text: string): number {
  const value = text.trim();
  if (!DECIMAL.test(value)) return DEFAULT_LINES;
  const n = Math.floor(Number(value));
  if (Number.isNaN(n)) return DEFAULT_LINES;
  return Math.min(MAX_LINES, Math.max(1, n));
}
