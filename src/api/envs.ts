import { apiRequest } from './client';
import { ApiError } from './errors';
import { apiPath } from './path';
import { emptyObjectSchema } from './schemas/common';
import type { EnvAddBody } from './schemas/requests/service-action-body';
import { servicePath } from './service-ref';
import type { ServiceRef } from './service-ref';

/**
 * Appends "KEY=VALUE" as is (the master neither checks the format nor replaces an
 * existing KEY). A 422 comes without the `error` wrapper; ApiError.fieldErrors has it.
 */
export async function addEnv(ref: ServiceRef, env: string): Promise<void> {
  const body: EnvAddBody = { env };
  await apiRequest(emptyObjectSchema, servicePath(ref, 'envs'), { method: 'POST', body });
}

/**
 * Removes every entry whose key is `name`. The master compares the raw path segment,
 * so a name that would need percent-encoding could never match: refuse it up front
 * instead of getting a silent 200.
 */
export async function removeEnv(ref: ServiceRef, name: string): Promise<void> {
  if (name === '' || name === '.' || name === '..' || encodeURIComponent(name) !== name) {
    throw new ApiError({
      kind: 'validation',
      fieldErrors: { env: 'This variable name cannot be removed through the API' },
      message: `The variable "${name}" cannot be removed through the master's API: only names made of letters, digits and _ work. Edit the service's env list instead.`,
    });
  }
  await apiRequest(emptyObjectSchema, servicePath(ref) + apiPath`/envs/${name}`, { method: 'DELETE' });
}
