/** The secrets page's forms: a new secret, and a new value for one. */
import type { FormCheck } from '../../components/use-checked-form';
import { NAME_PATTERN } from '../../lib/options/names';
import { secretValueProblem } from '../../lib/options/secrets';

export interface SecretCreateValues {
  name: string;
  value: string;
}

export const NO_SECRET: SecretCreateValues = { name: '', value: '' };

/** The name is sent trimmed, as the master stores it; the value as typed (it strips it itself). */
export function checkSecretCreate(values: SecretCreateValues): FormCheck<SecretCreateValues, SecretCreateValues> {
  const name = values.name.trim();
  const errors: Partial<SecretCreateValues> = {};
  if (name === '') errors.name = 'Name is required';
  else if (!NAME_PATTERN.test(name)) errors.name = 'Name isn’t in the right format: use letters, digits, _ and -, not starting with -';
  const valueProblem = secretValueProblem(values.value);
  if (valueProblem !== null) errors.value = valueProblem;
  if (errors.name !== undefined || errors.value !== undefined) return { ok: false, errors };
  return { ok: true, value: { name, value: values.value } };
}

export interface SecretValueValues {
  value: string;
}

export function checkSecretValue(values: SecretValueValues): FormCheck<SecretValueValues, string> {
  const problem = secretValueProblem(values.value);
  return problem === null ? { ok: true, value: values.value } : { ok: false, errors: { value: problem } };
}
