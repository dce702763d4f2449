import { fail, ok, type ParseResult } from './result';
import { rubySplit } from './ruby';
import { shownValue } from './shown-value';
import { brokenTextError } from './master-text';

/**
 * The CLI's `parse_log_opts` for one value, bug included: it splits on every `=` and
 * keeps the first two fields, so `max-size=10m` gives `["max-size", "10m"]` but
 * `labels=a=b` gives `["labels", "a"]`, and `key=` gives a null value.
 */
export function parseLogOptCli(value: string): [string, string | null] {
  const fields = rubySplit(value, '=');
  return [fields[0] ?? '', fields[1] ?? null];
}

/**
 * One `--log-opt key=value`. Unlike the CLI, the value is everything after the FIRST
 * `=`: `env=a=b` keeps `a=b`. The master stores any string value, so it is the CLI that
 * truncates; the dashboard follows the master, and cli-command.ts flags such values as
 * inexpressible on a command line.
 */
export function parseLogOpt(raw: string): ParseResult<[string, string]> {
  const value = raw.trim();
  const broken = brokenTextError(value);
  if (broken !== null) return fail(broken);
  const at = value.indexOf('=');
  if (at === -1) return fail(`Invalid log option '${shownValue(value)}': write key=value, e.g. max-size=10m`);
  const key = value.slice(0, at).trim();
  const optionValue = value.slice(at + 1);
  if (key === '') return fail(`Invalid log option '${shownValue(value)}': the key before '=' is empty`);
  if (optionValue === '') return fail(`Log option ${shownValue(key)} needs a value after '='`);
  return ok([key, optionValue]);
}

/** All `--log-opt` values into the `log_opts` object; a repeated key takes the last value. */
export function parseLogOpts(values: readonly string[]): ParseResult<Record<string, string>> {
  const opts: Record<string, string> = {};
  for (const raw of values) {
    const parsed = parseLogOpt(raw);
    if (!parsed.ok) return parsed;
    const [key, value] = parsed.value;
    opts[key] = value;
  }
  return ok(opts);
}

/** `log_opts` back to `key=value` strings, in the object's key order. */
export function formatLogOpts(opts: Readonly<Record<string, string>>): string[] {
  return Object.entries(opts).map(([key, value]) => `${key}=${value}`);
}
