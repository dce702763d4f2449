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
import { auditLogListSchema } from '../api/schemas/audit';
import { volumeListSchema, volumeSchema } from '../api/schemas/volume';
import { gridMetricsSchema } from '../api/schemas/stats';
import { userListSchema } from '../api/schemas/user';
import { stackDeploySchema } from '../api/schemas/stack';
import { containerInspectSchema, execResultSchema, rpcErrorBodySchema } from '../api/schemas/container-rpc';
import { nodeHealthSchema, nodeMetricsSchema } from '../api/schemas/node-health';

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

describe('volumes and the audit log match the client schemas (docs/kontena-api-grid.md G4, G5)', () => {
  it('volume list, show and create, with and without driver_opts; audit logs of a grid and of the master', async () => {
    await check(volumeSchema, 'POST', '/v1/volumes/production', { name: 'schema-vol', scope: 'grid', driver: 'local' });
    await check(volumeSchema, 'POST', '/v1/volumes/production', {
      name: 'schema-opts',
      scope: 'stack',
      driver: 'local',
      driver_opts: { a: 'b' },
    });
    await check(volumeListSchema, 'GET', '/v1/volumes/production');
    await check(volumeSchema, 'GET', '/v1/volumes/production/schema-vol');
    await t.api('GET', '/v1/secrets/production/DB_PASSWORD');
    await check(auditLogListSchema, 'GET', '/v1/grids/production/audit_log');
    await check(auditLogListSchema, 'GET', '/v1/audit_logs?limit=10');
    const logs = obj((await t.api('GET', '/v1/audit_logs')).body).logs;
    expect(Array.isArray(logs) && logs.length > 0).toBe(true);
  });
});

describe('grids and users match the client schemas (docs/kontena-api-grid.md G1, G6)', () => {
  it('grid create/update, grid stats and metrics, users and grid members', async () => {
    await check(gridSchema, 'POST', '/v1/grids', { name: 'schema-grid', initial_size: 1 });
    await check(gridSchema, 'PUT', '/v1/grids/schema-grid', {
      stats: { statsd: { server: '10.0.0.1', port: 8125 } },
      logs: { forwarder: 'fluentd', opts: { 'fluentd-address': '10.0.0.2:24224' } },
    });
    await check(statListSchema, 'GET', '/v1/grids/production/stats');
    await check(gridMetricsSchema, 'GET', '/v1/grids/production/metrics');
    await check(userListSchema, 'GET', '/v1/users');
    await check(userListSchema, 'GET', '/v1/grids/production/users');
    await check(userListSchema, 'POST', '/v1/grids/production/users', { email: 'admin' });
  });
});

describe('stacks match the client schemas (docs/kontena-api-grid.md G3)', () => {
  it('install, upgrade, deploy and its status', async () => {
    const body = {
      name: 'schema-stack',
      stack: 'test/schema',
      version: '1.0.0',
      source: 'stack: test/schema',
      registry: 'file://',
      services: [{ name: 'web', image: 'nginx:1.11-alpine', stateful: false, instances: 1 }],
    };
    await check(stackSchema, 'POST', '/v1/grids/staging/stacks', body);
    await check(stackSchema, 'PUT', '/v1/stacks/staging/schema-stack', { ...body, version: '1.0.1' });
    await check(stackSchema, 'GET', '/v1/stacks/staging/null');
    const deploy = obj((await t.api('POST', '/v1/stacks/staging/schema-stack/deploy', { body: {} })).body);
    expect(stackDeploySchema.safeParse(deploy).success).toBe(true);
    await t.clock.advanceAsync(10_000, 500);
    await check(stackDeploySchema, 'GET', `/v1/stacks/staging/schema-stack/deploys/${String(deploy.id)}`);
    await check(stackListSchema, 'GET', '/v1/grids/staging/stacks');
  });
});

describe('nodes and containers match the client schemas (docs/kontena-api-grid.md G2, G7)', () => {
  it('node show/update/stats/metrics/health; container show, inspect, exec and the RPC error of top', async () => {
    const node = obj((await t.api('GET', '/v1/nodes/staging/stage-node-1')).body);
    await check(nodeSchema, 'PUT', '/v1/nodes/staging/stage-node-1', { labels: node.labels });
    await check(nodeSchema, 'GET', `/v1/nodes/staging/${String(node.id)}`);
    await check(statListSchema, 'GET', '/v1/nodes/staging/stage-node-1/stats');
    await check(nodeMetricsSchema, 'GET', '/v1/nodes/staging/stage-node-1/metrics');
    await check(nodeHealthSchema, 'GET', '/v1/nodes/staging/stage-node-1/health');
    const list = obj((await t.api('GET', '/v1/containers/staging')).body).containers;
    const first = Array.isArray(list) ? obj(list[0]) : {};
    const path = `/v1/containers/${String(first.id)}`;
    await check(containerListSchema, 'GET', '/v1/containers/staging?all=1');
    await check(containerInspectSchema, 'GET', `${path}/inspect`);
    await check(execResultSchema, 'POST', `${path}/exec`, { cmd: ['sh', '-c', 'echo hi; env; nosuch'] });
    await check(rpcErrorBodySchema, 'GET', `${path}/top`);
  });
});
