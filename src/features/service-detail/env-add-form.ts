/** The Environment panel's add row (`kontena service env add`): one `KEY=VALUE` as typed. */
import type { FormCheck } from '../../components/use-checked-form';
import { parseEnv } from '../../lib/options/env';

export interface EnvAddValues {
  env: string;
}

export const NO_ENV_ENTRY: EnvAddValues = { env: '' };

/** The entry is sent as typed once it reads as `KEY=VALUE` (the master checks no format). */
export function checkEnvAdd(values: EnvAddValues): FormCheck<EnvAddValues, string> {
  const parsed = parseEnv(values.env);
  return parsed.ok ? { ok: true, value: values.env } : { ok: false, errors: { env: parsed.error } };
}
