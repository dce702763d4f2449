import { fail, ok, type ParseResult } from './result';
import { shownValue } from './shown-value';

interface IntegerRules {
  min?: number;
  max?: number;
}

/**
 * A whole decimal number typed by a user, checked like the master's integer inputs and
 * reported with the master's wording ("<Label> isn't an integer", "is too small", "is
 * too big"). Stricter than the master, which reads "12abc" as 12: such input is a typo.
 */
export function parseIntegerField(raw: string, label: string, rules: IntegerRules = {}): ParseResult<number> {
  const value = raw.trim();
  if (value === '') return fail(`${label} can't be blank`);
  if (!/^[+-]?\d+$/.test(value)) return fail(`${label} isn't an integer`);
  // `+ 0` turns -0 into 0: "-0" is the master's 0, and -0 would compare unequal to it.
  const n = Number.parseInt(value, 10) + 0;
  if (!Number.isSafeInteger(n)) return fail(`${label} is too ${n < 0 ? 'small' : 'big'}`);
  if (rules.min !== undefined && n < rules.min) return fail(`${label} is too small`);
  if (rules.max !== undefined && n > rules.max) return fail(`${label} is too big`);
  return ok(n);
}

/** A TCP/UDP port number, 1–65535. */
export function parsePortNumber(raw: string, label: string): ParseResult<number> {
  const value = raw.trim();
  if (!/^\d+$/.test(value)) return fail(`${label} must be a port number from 1 to 65535, not '${shownValue(raw)}'`);
  const n = Number.parseInt(value, 10);
  if (n < 1 || n > 65535) return fail(`${label} must be a port number from 1 to 65535, not '${shownValue(raw)}'`);
  return ok(n);
}
