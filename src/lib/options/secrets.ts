import { PORTABLE_ENV_NAME } from './env';
import { NAME_PATTERN } from './names';
import { fail, ok, type ParseResult } from './result';
import { rubySplit } from './ruby';

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
    return fail(`Invalid secret value ${value === '' ? "''" : value}: write SECRET:NAME or SECRET:NAME:env`);
  }
  const [secret = '', name = '', type = 'env'] = fields;
  if (!NAME_PATTERN.test(secret)) {
    return fail(`Invalid secret name '${secret}': use letters, digits, _ and -, not starting with -`);
  }
  if (type !== 'env') {
    return fail(`Secret type '${type}' is not supported: the master always injects secrets as environment variables (env)`);
  }
  if (/[\s=]/.test(name)) return fail(`Invalid variable name '${name}' for secret ${secret}`);
  const spec: SecretSpec = { secret, name, type: 'env' };
  if (!PORTABLE_ENV_NAME.test(name)) {
    return ok(spec, `${name} is not a portable variable name: use letters, digits and _, not starting with a digit`);
  }
  return ok(spec);
}

/** The shortest `--secret` value; the type is left out because it is always env. */
export function formatSecret(secret: { secret: string; name: string }): string {
  return `${secret.secret}:${secret.name}`;
}
