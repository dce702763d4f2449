import { apiRequest } from './client';
import type { RequestOptions } from './client';
import { apiPath } from './path';
import { emptyObjectSchema } from './schemas/common';
import { secretListSchema, secretWithValueSchema } from './schemas/secret';
import type { Secret, SecretWithValue } from './schemas/secret';
import type { SecretCreateBody, SecretUpdateBody } from './schemas/requests/secret-body';

/** The grid's secrets, without values. */
export async function listSecrets(grid: string, options?: RequestOptions): Promise<Secret[]> {
  const { secrets } = await apiRequest(secretListSchema, apiPath`/v1/grids/${grid}/secrets`, { signal: options?.signal });
  return secrets;
}

/** Reads a value (the master writes an audit log entry for it). */
export function getSecret(grid: string, name: string, options?: RequestOptions): Promise<SecretWithValue> {
  return apiRequest(secretWithValueSchema, apiPath`/v1/secrets/${grid}/${name}`, { signal: options?.signal, sensitive: true });
}

export function createSecret(grid: string, name: string, value: string): Promise<SecretWithValue> {
  const body: SecretCreateBody = { name, value };
  return apiRequest(secretWithValueSchema, apiPath`/v1/grids/${grid}/secrets`, { method: 'POST', body, sensitive: true });
}

/** Updates an existing secret; a missing one is a 404 (no upsert). */
export function updateSecret(grid: string, name: string, value: string): Promise<SecretWithValue> {
  const body: SecretUpdateBody = { value };
  return apiRequest(secretWithValueSchema, apiPath`/v1/secrets/${grid}/${name}`, { method: 'PUT', body, sensitive: true });
}

export async function deleteSecret(grid: string, name: string): Promise<void> {
  await apiRequest(emptyObjectSchema, apiPath`/v1/secrets/${grid}/${name}`, { method: 'DELETE' });
}
