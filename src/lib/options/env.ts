import { brokenTextError, controlCharactersWarning, masterText } from './master-text';
import { fail, ok, type ParseResult } from './result';
import { shownValue } from './shown-value';

interface EnvEntry {
  key: string;
  value: string;
}

/** A name every shell and libc treats as a variable. Others work, but only warn. */
export const PORTABLE_ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The name part of a stored `KEY=VALUE` entry (the whole entry when it has no `=`). */
export function envKey(entry: string): string {
  const at = entry.indexOf('=');
  return at === -1 ? entry : entry.slice(0, at);
}

/** The value part of a stored entry, or null when the entry has no `=`. */
export function envValue(entry: string): string | null {
  const at = entry.indexOf('=');
  return at === -1 ? null : entry.slice(at + 1);
}

/**
 * One `-e KEY=VALUE`. The value is everything after the first `=` and is kept verbatim
 * (spaces and further `=` included). An entry without `=` is refused: the master stores
 * it on create but throws (500) on update.
 */
export function parseEnv(raw: string): ParseResult<EnvEntry> {
  if (raw.trim() === '') return fail("Env can't be blank");
  const broken = brokenTextError(raw);
  if (broken !== null) return fail(broken);
  const at = raw.indexOf('=');
  if (at === -1) {
    return fail(
      `Invalid env value ${shownValue(raw)}: write KEY=VALUE (an entry without '=' makes the master fail with an internal error on update)`,
    );
  }
  const key = raw.slice(0, at);
  const value = raw.slice(at + 1);
  if (key.trim() === '') return fail(`Invalid env value ${shownValue(raw)}: the name before '=' is empty`);
  if (!PORTABLE_ENV_NAME.test(key)) {
    return ok({ key, value }, `${shownValue(key)} is not a portable variable name: use letters, digits and _, not starting with a digit`);
  }
  const control = controlCharactersWarning(raw);
  return control === null ? ok({ key, value }) : ok({ key, value }, control);
}

export function formatEnv(entry: EnvEntry): string {
  return `${entry.key}=${entry.value}`;
}

interface LineMessage {
  /** 1-based line number in the pasted text. */
  line: number;
  message: string;
}

interface EnvLinesResult {
  /** The valid entries, in order, as `KEY=VALUE` strings. */
  entries: string[];
  errors: LineMessage[];
  warnings: LineMessage[];
}

/**
 * A block of pasted `KEY=VALUE` lines (an .env file, `env` output). Blank lines and
 * lines starting with `#` are skipped, leading blanks and a leading `export ` are
 * dropped, and values are kept verbatim, `=` included. Every bad line is reported with
 * its number; the good ones are still returned.
 */
export function parseEnvLines(text: string): EnvLinesResult {
  const result: EnvLinesResult = { entries: [], errors: [], warnings: [] };
  const firstLineOf = new Map<string, number>();
  text.split(/\r\n|\n|\r/).forEach((rawLine, index) => {
    const line = index + 1;
    const content = rawLine.replace(/^[ \t]+/, '').replace(/^export[ \t]+/, '');
    if (content.trim() === '' || content.startsWith('#')) return;
    const parsed = parseEnv(content);
    if (!parsed.ok) {
      result.errors.push({ line, message: parsed.error });
      return;
    }
    if (parsed.warning !== undefined) result.warnings.push({ line, message: parsed.warning });
    const first = firstLineOf.get(parsed.value.key);
    if (first === undefined) {
      firstLineOf.set(parsed.value.key, line);
    } else {
      result.warnings.push({ line, message: `${shownValue(parsed.value.key)} is set again (first on line ${first}): the last value wins` });
    }
    result.entries.push(content);
  });
  return result;
}

/** The env list as editable text, one entry per line. */
export function formatEnvLines(env: readonly string[]): string {
  return env.join('\n');
}

function envMap(env: readonly string[]): Map<string, string | null> {
  // Ruby `Hash[...]`: a repeated key keeps its first position and takes the last value.
  const map = new Map<string, string | null>();
  for (const entry of env) map.set(envKey(entry), envValue(entry));
  return map;
}

/**
 * The env list the master stores after `PUT {env: next}` on a service whose env is
 * `current` (docs/kontena-api.md §4.4): each entry is first stripped like any string input
 * (§3.1, so `K=   ` is `K=`), `next` replaces the list, repeated keys collapse to one
 * entry (first position, last value), and an entry `KEY=` keeps KEY's current value
 * when KEY already exists. So an existing variable cannot be emptied by an update.
 */
export function applyEnvUpdate(current: readonly string[], next: readonly string[]): ParseResult<string[]> {
  const broken = next.find((entry) => !entry.includes('='));
  if (broken !== undefined) {
    return fail(
      `Invalid env value ${shownValue(broken)}: write KEY=VALUE (an entry without '=' makes the master fail with an internal error on update)`,
    );
  }
  const old = envMap(current);
  const result: string[] = [];
  for (const [key, value] of envMap(next.map(masterText))) {
    const kept = value === '' || value === null ? old.get(key) : undefined;
    result.push(`${key}=${kept ?? value ?? ''}`);
  }
  return ok(result);
}

/** Keys that `next` sets to an empty value but that the update keeps at their current value. */
export function keptEnvKeys(current: readonly string[], next: readonly string[]): string[] {
  const old = envMap(current);
  const keys: string[] = [];
  for (const [key, value] of envMap(next.map(masterText))) {
    const oldValue = old.get(key);
    if ((value === '' || value === null) && oldValue !== undefined && oldValue !== null && oldValue !== '' && !keys.includes(key))
      keys.push(key);
  }
  return keys;
}
