/** The Secrets panel's add row (`kontena service secret link`): vault secret → environment variable. */
import type { SecretLinkSpec } from '../../api/service-links';
import type { FormCheck } from '../../components/use-checked-form';
import { parseSecretLink, secretMissing } from '../../lib/options/secrets';
import type { ParseResult } from '../../lib/options/result';
import type { SecretSpec } from '../../lib/options/secrets';

export interface SecretLinkValues {
  /** The grid's vault secret. */
  secret: string;
  /** The environment variable it becomes; empty = the secret's name, as in the CLI. */
  name: string;
}

export const NO_SECRET_LINK: SecretLinkValues = { secret: '', name: '' };

/** The link as typed, or null while no secret is typed. */
export function typedSecretLink(values: SecretLinkValues): ParseResult<SecretSpec> | null {
  const secret = values.secret.trim();
  return secret === '' ? null : parseSecretLink(secret, values.name.trim() === '' ? secret : values.name);
}

/** `vaultNames`: the grid's secrets, when they could be read (else the master says whether it exists). */
export function checkSecretLink(
  values: SecretLinkValues,
  vaultNames: readonly string[] | undefined,
): FormCheck<SecretLinkValues, SecretLinkSpec> {
  const typed = typedSecretLink(values);
  if (typed === null) return { ok: false, errors: { secret: 'Pick the vault secret to link' } };
  if (!typed.ok) return { ok: false, errors: typed.error.includes('variable name') ? { name: typed.error } : { secret: typed.error } };
  const missing = vaultNames === undefined ? null : secretMissing(typed.value.secret, vaultNames);
  if (missing !== null) return { ok: false, errors: { secret: missing } };
  return { ok: true, value: { secret: typed.value.secret, name: typed.value.name } };
}
