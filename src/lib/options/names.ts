import { fail, ok, type ParseResult } from './result';
import { shownValue } from './shown-value';

/** Service, stack and secret names (`/^(?!-)(\w|-)+$/`, `\w` being ASCII). */
export const NAME_PATTERN = /^(?!-)[A-Za-z0-9_-]+$/;

/** Grid names: the same characters, a leading `-` allowed, at least 3 long. */
const GRID_NAME_PATTERN = /^[A-Za-z0-9_-]{3,}$/;

const NAME_RULE = 'use letters, digits, _ and -, not starting with -';

/** A service name for create, with the master's messages. */
export function parseServiceName(raw: string): ParseResult<string> {
  const value = raw.trim();
  if (value === '') return fail('Name is required');
  if (!NAME_PATTERN.test(value)) return fail(`Name isn't in the right format: ${NAME_RULE}`);
  return ok(value);
}

/** A grid name as typed after `--grid`. */
export function parseGridName(raw: string): ParseResult<string> {
  const value = raw.trim();
  if (!GRID_NAME_PATTERN.test(value)) return fail(`Invalid grid name '${shownValue(raw)}': use at least 3 letters, digits, _ or -`);
  return ok(value);
}

/**
 * The service argument of `kontena service update`: `N`, `S/N` or `G/S/N`, the forms
 * the CLI's `parse_service_id` understands.
 */
export function parseServiceRefArg(raw: string): ParseResult<string> {
  const value = raw.trim();
  const parts = value.split('/');
  const valid =
    parts.length <= 3 && parts.every((part, i) => (parts.length === 3 && i === 0 ? GRID_NAME_PATTERN : NAME_PATTERN).test(part));
  if (!valid) return fail(`Invalid service '${shownValue(raw)}': write NAME, STACK/NAME or GRID/STACK/NAME (${NAME_RULE})`);
  return ok(value);
}
