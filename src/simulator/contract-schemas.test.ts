// Checks the simulator's answers against the client's zod schemas (docs/architecture.md
// "Data flow"), so the simulated master and src/api cannot drift apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import {
  fieldErrorsSchema,
  containerListSchema,
  deploySchema,
  eventListSchema,
  gridListSchema,
  gridSchema,
  logListSchema,
  metricsSchema,
  nodeListSchema,
  nodeSchema,
  secretListSchema,
  secretWithValueSchema,
  serviceListSchema,
  serviceSchema,
  stackListSchema,
  stackSchema,
  statListSchema,
  tokenCodeSchema,
  tokenListSchema,
  tokenSchema,
  userSchema,
  wrappedValidationBodySchema,
  invalidTokenBodySchema,
  serverErrorBodySchema,
} from '../api/schemas';
import { createTestMaster, obj, type TestMaster } from '../../test/simulator/test-support';

let t: TestMaster;
beforeAll(async () => {
  t = await createTestMaster();
  // Some live history: a deploy, a restart, logs being watched.
  await t.api('POST', '/v1/services/production/null/docs/deploy', { body: { force: true } });
  await t.api('POST', '/v1/services/production/shop/web/restart');
  await t.api('GET', '/v1/services/production/shop/app/container_logs');
  await t.clock.advanceAsync(25_000, 500);
});
afterAll(() => t.master.dispose());

async function check(schema: z.ZodMiniType, method: string, path: string, body?: unknown): Promise<void> {
  const res = await t.api(method, path, body === undefined ? {} : { body });
  const parsed = schema.safeParse(res.body);
  expect(parsed.success ? null : { path, issues: parsed.error.issues.slice(0, 3) }).toBeNull();
}

describe('simulator responses match the client schemas', () => {
  it('grids, nodes, stacks, secrets, user, tokens', async () => {
    await check(gridListSchema, 'GET', '/v1/grids');
    await check(gridSchema, 'GET', '/v1/grids/production');
    await check(nodeListSchema, 'GET', '/v1/grids/production/nodes');
    await check(nodeSchema, 'GET', '/v1/nodes/production/prod-node-1');
    await check(stackListSchema, 'GET', '/v1/grids/production/stacks');
    await check(stackSchema, 'GET', '/v1/stacks/production/shop');
    await check(secretListSchema, 'GET', '/v1/grids/production/secrets');
    await check(secretWithValueSchema, 'GET', '/v1/secrets/production/DB_PASSWORD');
    await check(userSchema, 'GET', '/v1/user');
    await check(tokenListSchema, 'GET', '/oauth2/tokens');
    await check(tokenSchema, 'POST', '/oauth2/authorize', { response_type: 'token', expires_in: 3600 });
    await check(tokenCodeSchema, 'POST', '/oauth2/authorize', { response_type: 'code' });
  });

  it('services and everything below them', async () => {
    for (const grid of ['production', 'staging']) await check(serviceListSchema, 'GET', `/v1/grids/${grid}/services`);
    const services = obj((await t.api('GET', '/v1/grids/production/services')).body).services as { id: string }[];
    for (const { id } of services) {
      await check(serviceSchema, 'GET', `/v1/services/${id}`);
      await check(containerListSchema, 'GET', `/v1/services/${id}/containers`);
      await check(eventListSchema, 'GET', `/v1/services/${id}/event_logs`);
      await check(statListSchema, 'GET', `/v1/services/${id}/stats`);
    }
    await check(logListSchema, 'GET', '/v1/services/production/shop/app/container_logs');
    await check(metricsSchema, 'GET', '/v1/services/production/shop/app/metrics');
    const deploy = obj((await t.api('POST', '/v1/services/production/shop/app/deploy')).body);
    await check(deploySchema, 'GET', `/v1/services/production/shop/app/deploys/${String(deploy.id)}`);
    await t.clock.advanceAsync(10_000, 500);
    await check(deploySchema, 'GET', `/v1/services/production/shop/app/deploys/${String(deploy.id)}`);
  });

  it('error bodies', async () => {
    await check(wrappedValidationBodySchema, 'POST', '/v1/grids/production/services', { name: 'x' });
    await check(fieldErrorsSchema, 'POST', '/v1/services/production/null/api/envs', {});
    await check(serverErrorBodySchema, 'GET', '/v1/services/production/null/api/container_logs?search=x');
    const res = await t.api('GET', '/v1/grids', { token: null });
    expect(invalidTokenBodySchema.safeParse(res.body).success).toBe(true);
  });
});
