import { fail, ok, type ParseResult } from './result';
import { shownValue } from './shown-value';

/**
 * The `instances` of a post-start hook: `*` (every instance) or a comma-separated list of
 * instance numbers such as `1` or `1,3`. The master stores any string; the agent runs
 * the hook on the instances the string names, so anything else would never run.
 */
export function parseHookInstances(raw: string): ParseResult<string> {
  const value = raw.trim();
  if (value === '') return fail('Instances is required: write * for every instance, or instance numbers such as 1 or 1,2');
  if (value === '*') return ok(value);
  const numbers = value.split(',').map((part) => part.trim());
  if (!numbers.every((n) => /^[1-9]\d*$/.test(n))) {
    return fail(`Invalid instances '${shownValue(value)}': write * for every instance, or instance numbers from 1 such as 1 or 1,2`);
  }
  return ok(numbers.join(','));
}
