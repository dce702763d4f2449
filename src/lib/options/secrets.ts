import { PORTABLE_ENV_NAME } from './env';
import { brokenTextError, masterText } from './master-text';
import { NAME_PATTERN } from './names';
import { fail, ok, type ParseResult } from './result';
import { rubySplit } from './ruby';
import { shownValue } from './shown-value';

/** A secret link with the only type the master knows. */
export interface SecretSpec {
  secret: string;
  name: string;
  type: 'env';
}

/** The CLI's `parse_secrets` for one value: `SECRET:NAME:TYPE` split on `:`, missing fields null. */
export function parseSecretCli(value: string): { secret: string | null; name: string | null; type: string | null } {
  const [secret, name, type] = rubySplit(value, ':');
  return { secret: secret ?? null, name: name ?? null, type: type ?? null };
}

/**
 * `SECRET:NAME[:TYPE]`: the grid secret SECRET is injected as the environment variable
 * NAME. The master ignores TYPE and always uses `env`, so any other type is refused
 * rather than silently turned into an env variable.
 */
export function parseSecret(raw: string): ParseResult<SecretSpec> {
  const value = raw.trim();
  const fields = value.split(':');
  if (fields.length < 2 || fields.length > 3 || fields.includes('')) {
    return fail(`Invalid secret value ${value === '' ? "''" : shownValue(value)}: write SECRET:NAME or SECRET:NAME:env`);
  }
  const [secret = '', name = '', type = 'env'] = fields;
  if (type !== 'env' && NAME_PATTERN.test(secret)) {
    return fail(`Secret type '${shownValue(type)}' is not supported: the master always injects secrets as environment variables (env)`);
  }
  return parseSecretLink(secret, name);
}

/**
 * A secret link from its two inputs (the service form and the Secrets panel have one for
 * the vault secret and one for the variable), checked apart: a `:` typed in the variable
 * name stays in it instead of being read as a type. Every refusal of the variable name
 * starts with "Invalid variable name", so a caller can tell which input it is about.
 */
export function parseSecretLink(secretRaw: string, nameRaw: string): ParseResult<SecretSpec> {
  const secret = secretRaw.trim();
  const name = nameRaw.trim();
  if (!NAME_PATTERN.test(secret)) {
    return fail(`Invalid secret name '${shownValue(secret)}': use letters, digits, _ and -, not starting with -`);
  }
  // A control character would be stored as a space (docs/kontena-api.md §3.1).
  if (name === '' || /[\s=\p{Cc}]/u.test(name)) return fail(`Invalid variable name '${shownValue(name)}' for secret ${secret}`);
  const broken = brokenTextError(name);
  if (broken !== null) return fail(`Invalid variable name for secret ${secret}: ${broken}`);
  const spec: SecretSpec = { secret, name, type: 'env' };
  if (!PORTABLE_ENV_NAME.test(name)) {
    return ok(spec, `${shownValue(name)} is not a portable variable name: use letters, digits and _, not starting with a digit`);
  }
  return ok(spec);
}

/** The master's refusal of a link to a secret the grid's vault does not have (docs/kontena-api.md §4.9), or null. */
export function secretMissing(secret: string, vault: readonly string[]): string | null {
  return vault.includes(secret) ? null : `Secret ${shownValue(secret)} does not exist`;
}

/**
 * The value of a grid secret (the Secrets page), or the reason it cannot be sent: the
 * master refuses a value that is empty once its blanks are stripped, with "Value can't
 * be blank". The value is sent as typed; the master strips blanks from its ends.
 */
export function secretValueProblem(raw: string): string | null {
  if (raw === '') return 'Value is required';
  if (masterText(raw) === '') return "Value can't be blank";
  return brokenTextError(raw);
}

/** The shortest `--secret` value; the type is left out because it is always env. */
export function formatSecret(secret: { secret: string; name: string }): string {
  return `${secret.secret}:${secret.name}`;
}
