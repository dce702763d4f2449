import { parsePortNumber } from './integer';
import { fail, ok, type ParseResult } from './result';
import { rubyToI } from './ruby';
import type { Strategy } from './service-body';
import { shownValue } from './shown-value';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The CLI's `parse_relative_time` for `--deploy-interval`, quirks included: a value
 * ending in `min`, `h` or `d` is its leading integer times 60, 3600 or 86400; anything
 * else is its leading integer in seconds, and 0 there means null (no auto-deploy). So
 * `10m` is 10 seconds, `abc` is null, and `0min` is 0 rather than null.
 */
export function parseRelativeTimeCli(value: string): number | null {
  if (value.endsWith('min')) return rubyToI(value) * MINUTE;
  if (value.endsWith('h')) return rubyToI(value) * HOUR;
  if (value.endsWith('d')) return rubyToI(value) * DAY;
  const seconds = rubyToI(value);
  return seconds === 0 ? null : seconds;
}

/**
 * A deploy interval typed by a user: `<n>min`, `<n>h`, `<n>d`, or `<n>` seconds (an
 * `s` suffix is allowed). `0` or an empty field turns auto-deploy off (null). Inputs
 * that the CLI would read surprisingly are refused with the reason.
 */
export function parseDeployInterval(raw: string): ParseResult<number | null> {
  const value = raw.trim();
  if (value === '') return ok(null);
  const match = /^(\d+)(min|h|d|s)?$/.exec(value);
  if (match === null || match[1] === undefined) {
    if (/^\d+m$/.test(value)) {
      return fail(
        `Invalid deploy interval ${shownValue(value)}: write ${shownValue(value)}in for minutes (the CLI reads ${shownValue(value)} as ${shownValue(value.slice(0, -1))} seconds)`,
      );
    }
    return fail(`Invalid deploy interval ${shownValue(value)}: use a whole number with an optional unit min, h or d (e.g. 30min, 12h, 7d)`);
  }
  const count = Number.parseInt(match[1], 10);
  const unit = match[2];
  if (count === 0) {
    if (unit === undefined || unit === 's') return ok(null);
    return fail(
      `Invalid deploy interval ${shownValue(value)}: an interval of 0 would redeploy on every scheduler run; write 0 to turn auto-deploy off`,
    );
  }
  const seconds = count * (unit === 'min' ? MINUTE : unit === 'h' ? HOUR : unit === 'd' ? DAY : 1);
  if (!Number.isSafeInteger(seconds)) return fail(`Invalid deploy interval ${shownValue(value)}: too big`);
  return ok(seconds);
}

/**
 * The shortest `--deploy-interval` value for a number of seconds: 86400 → "1d",
 * 7200 → "2h", 1800 → "30min", 45 → "45"; null → "0" (which the CLI reads as null).
 */
export function formatRelativeTime(seconds: number | null): string {
  if (seconds === null) return '0';
  // "0" would read back as null; "0min" is the CLI's way to send a literal 0.
  if (seconds === 0) return '0min';
  if (!Number.isSafeInteger(seconds)) return String(seconds);
  if (seconds % DAY === 0) return `${seconds / DAY}d`;
  if (seconds % HOUR === 0) return `${seconds / HOUR}h`;
  if (seconds % MINUTE === 0) return `${seconds / MINUTE}min`;
  return String(seconds);
}

/** `--deploy-min-health`: the fraction of instances that must stay healthy, 0.0 to 1.0. */
export function parseMinHealth(raw: string): ParseResult<number> {
  const value = raw.trim();
  if (!/^(\d+\.?\d*|\.\d+)$/.test(value)) return fail(`Min health must be a number from 0.0 to 1.0, not '${shownValue(raw)}'`);
  const n = Number.parseFloat(value);
  if (n < 0 || n > 1) return fail(`Min health must be a number from 0.0 to 1.0, not '${shownValue(raw)}'`);
  return ok(n);
}

/** `--deploy-wait-for-port`: a port the deploy waits to answer before going on. */
export function parseWaitForPort(raw: string): ParseResult<number> {
  return parsePortNumber(raw, 'Wait for port');
}

const STRATEGIES: readonly Strategy[] = ['ha', 'daemon', 'random'];

/** `--deploy-strategy`, with the master's message for anything else. */
export function parseStrategy(raw: string): ParseResult<Strategy> {
  const value = raw.trim();
  const strategy = STRATEGIES.find((s) => s === value);
  return strategy === undefined ? fail(`Strategy not supported: '${shownValue(value)}' (use ha, daemon or random)`) : ok(strategy);
}
