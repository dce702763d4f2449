import { afterEach, describe, expect, it } from 'vitest';
import { arr, createTestMaster, obj, type TestMaster } from '../../../test/simulator/test-support';

let t: TestMaster;
afterEach(() => t.master.dispose());

interface Deploy {
  id: string;
  state: string;
  reason: string | null;
  started_at: string | null;
  finished_at: string | null;
  instance_deploys: { instance_number: number; node: string; state: string; error: string | null }[];
}

async function pollDeploy(path: string, id: string, maxMs = 30_000): Promise<Deploy[]> {
  const seen: Deploy[] = [];
  for (let waited = 0; waited <= maxMs; waited += 250) {
    const res = await t.api('GET', `${path}/deploys/${id}`);
    if (res.status !== 200) throw new Error(`deploy ${id}: ${res.status}`);
    const d = res.body as Deploy;
    seen.push(d);
    if (d.finished_at !== null) return seen;
    await t.clock.advanceAsync(250, 250);
  }
  throw new Error('deploy did not finish');
}

async function containers(path: string): Promise<Record<string, unknown>[]> {
  return arr(obj((await t.api('GET', `${path}/containers`)).body).containers).map(obj);
}

async function events(path: string): Promise<Record<string, unknown>[]> {
  return arr(obj((await t.api('GET', `${path}/event_logs?limit=1000`)).body).logs).map(obj);
}

describe('a grid made through the API', () => {
  it('gets its nodes within seconds, and a new service deploys created → ongoing → success', async () => {
    t = await createTestMaster({ scenario: 'empty' });
    expect(obj((await t.api('GET', '/v1/grids')).body).grids).toEqual([]);
    const grid = await t.api('POST', '/v1/grids', { body: { name: 'test', initial_size: 3 } });
    expect(grid.status).toBe(201);
    expect(obj(grid.body)).toMatchObject({ id: 'test', initial_size: 3, node_count: 0, subnet: '10.81.0.0/16' });
    await t.clock.advanceAsync(5000, 500);
    const nodes = arr(obj((await t.api('GET', '/v1/grids/test/nodes')).body).nodes).map(obj);
    expect(nodes.map((n) => n.connected)).toEqual([true, true, true]);

    expect(
      (await t.api('POST', '/v1/grids/test/services', { body: { name: 'web', image: 'nginx:1.11', stateful: false, instances: 3 } }))
        .status,
    ).toBe(201);
    const path = '/v1/services/test/null/web';
    const started = obj((await t.api('POST', `${path}/deploy`)).body);
    expect(started).toMatchObject({
      state: 'created',
      started_at: null,
      finished_at: null,
      service_id: 'test/null/web',
      instance_count: 3,
    });
    expect(String(started.created_at)).toMatch(/Z$/);
    expect(obj((await t.api('GET', path)).body).state).toBe('running');

    const seen = await pollDeploy(path, String(started.id));
    const last = seen[seen.length - 1];
    expect(seen.some((d) => d.state === 'ongoing')).toBe(true);
    expect(last).toMatchObject({ state: 'success', reason: null });
    expect(last?.started_at).toMatch(/\+00:00$/);
    expect(last?.finished_at).toMatch(/\+00:00$/);
    expect(last?.instance_deploys.map((i) => [i.instance_number, i.state])).toEqual([
      [1, 'success'],
      [2, 'success'],
      [3, 'success'],
    ]);
    // ha spreads three instances over three nodes
    expect(new Set(last?.instance_deploys.map((i) => i.node)).size).toBe(3);

    const list = await containers(path);
    expect(list.map((c) => c.name)).toEqual(['web-1', 'web-2', 'web-3']);
    for (const c of list) {
      expect(c.container_id).toMatch(/^[0-9a-f]{64}$/);
      expect(c.id).toBe(`test/${String(obj(c.node).name)}/${String(c.name)}`);
      expect(c).toMatchObject({ status: 'running', service_rev: '1', service_id: 'test/null/web' });
    }
    const types = (await events(path)).map((e) => e.type);
    expect(types).toContain('service:create_instance');
    expect(types).toContain('service:start_instance');
    const messages = (await events(path)).map((e) => e.message);
    expect(messages).toContain('service test/null/web deploy started');
    expect(messages).toContain('service test/null/web deployed');
    const master = (await events(path)).find((e) => e.message === 'service test/null/web deployed');
    expect(master).toMatchObject({
      meta: null,
      relationships: [
        { id: 'test', type: 'grid' },
        { id: 'test/null/web', type: 'service' },
      ],
    });
    const agent = (await events(path)).find((e) => e.type === 'service:create_instance');
    expect(arr(obj(agent).relationships).map((r) => obj(r).type)).toEqual(['grid', 'stack', 'service', 'node']);
    expect(obj(agent).meta).toEqual({ instance_number: 1 });
    expect(Object.keys(obj(agent))).toEqual(['created_at', 'severity', 'type', 'message', 'meta', 'relationships']);
  });
});

describe('the deploy worker', () => {
  it('names stack containers <stack>.<name>-<i>, scales down and removes surplus instances', async () => {
    t = await createTestMaster();
    const path = '/v1/services/production/shop/app';
    expect((await containers(path)).map((c) => c.name)).toEqual(['shop.app-1', 'shop.app-2', 'shop.app-3']);
    const scale = obj((await t.api('POST', `${path}/scale`, { body: { instances: 1 } })).body);
    const seen = await pollDeploy(path, String(scale.id));
    expect(seen[seen.length - 1]?.state).toBe('success');
    expect((await containers(path)).map((c) => c.name)).toEqual(['shop.app-1']);
    expect(obj((await t.api('GET', path)).body).instance_counts).toEqual({ total: 1, running: 1 });
  });

  it('replaces containers on a forced deploy with a new container id', async () => {
    t = await createTestMaster();
    const path = '/v1/services/production/null/docs';
    const before = await containers(path);
    const d = obj((await t.api('POST', `${path}/deploy`, { body: { force: true } })).body);
    await pollDeploy(path, String(d.id));
    const after = await containers(path);
    expect(after).toHaveLength(1);
    expect(after[0]?.container_id).not.toBe(before[0]?.container_id);
    expect(after[0]?.deploy_rev).not.toBe(before[0]?.deploy_rev);
  });

  it('deletes a deploy found for a stopped service (scale while stopped → 404)', async () => {
    t = await createTestMaster();
    const path = '/v1/services/production/null/worker';
    expect(obj((await t.api('GET', path)).body).state).toBe('stopped');
    const d = obj((await t.api('POST', `${path}/scale`, { body: { instances: 3 } })).body);
    expect((await t.api('GET', `${path}/deploys/${String(d.id)}`)).status).toBe(200);
    await t.clock.advanceAsync(3000, 250);
    const gone = await t.api('GET', `${path}/deploys/${String(d.id)}`);
    expect([gone.status, gone.body]).toEqual([404, { error: 'Not found' }]);
    expect(obj((await t.api('GET', path)).body)).toMatchObject({ state: 'stopped', instances: 3 });
  });

  it('fails instances of an image tagged fail and halts the deploy', async () => {
    t = await createTestMaster();
    await t.api('POST', '/v1/grids/staging/services', { body: { name: 'broken', image: 'myapp:fail', stateful: false, instances: 2 } });
    const path = '/v1/services/staging/null/broken';
    const d = obj((await t.api('POST', `${path}/deploy`)).body);
    const last = (await pollDeploy(path, String(d.id))).pop();
    expect(last).toMatchObject({ state: 'error', reason: 'halting deploy of staging/null/broken, one or more instances failed' });
    expect(last?.instance_deploys[0]?.state).toBe('error');
    expect(last?.instance_deploys[0]?.error).toContain('myapp:fail');
    const errored = (await events(path)).filter((e) => e.severity === 3).map((e) => String(e.message));
    expect(errored.some((m) => m.startsWith('Failed to deploy service instance staging/null/broken-1 to node '))).toBe(true);
    expect(errored).toContain('deploy of staging/null/broken errored: halting deploy of staging/null/broken, one or more instances failed');
  });

  it('errors when no node passes an affinity filter', async () => {
    t = await createTestMaster();
    await t.api('POST', '/v1/grids/production/services', {
      body: { name: 'pinned', image: 'nginx', stateful: false, affinity: ['label==az=a', 'node==nowhere-%s'] },
    });
    const path = '/v1/services/production/null/pinned';
    const d = obj((await t.api('POST', `${path}/deploy`)).body);
    const last = (await pollDeploy(path, String(d.id))).pop();
    expect(last?.reason).toBe(
      'Cannot find applicable node for service instance production/null/pinned-1: Did not find any nodes for affinity filter: node==nowhere-1',
    );
  });

  it('spreads daemon services over every matching node and honours label affinity', async () => {
    t = await createTestMaster();
    await t.api('POST', '/v1/grids/production/services', {
      body: { name: 'agent', image: 'busybox', stateful: false, strategy: 'daemon', instances: 2, affinity: ['label==role=worker'] },
    });
    const path = '/v1/services/production/null/agent';
    const d = obj((await t.api('POST', `${path}/deploy`)).body);
    const last = (await pollDeploy(path, String(d.id), 60_000)).pop();
    expect(last?.state).toBe('success');
    const list = await containers(path);
    expect(list).toHaveLength(6);
    expect(new Set(list.map((c) => obj(c.node).name))).toEqual(new Set(['prod-node-3', 'prod-node-4', 'prod-node-5']));
  });

  it('replaces no more instances at a time than min_health allows', async () => {
    t = await createTestMaster();
    await t.api('POST', '/v1/grids/production/services', {
      body: { name: 'many', image: 'nginx', stateful: false, instances: 5, deploy_opts: { min_health: 0.6 } },
    });
    const path = '/v1/services/production/null/many';
    const d = obj((await t.api('POST', `${path}/deploy`)).body);
    const seen = await pollDeploy(path, String(d.id), 60_000);
    const maxBusy = Math.max(...seen.map((s) => s.instance_deploys.filter((i) => i.state === 'created' || i.state === 'ongoing').length));
    expect(maxBusy).toBe(2);
    expect(seen[seen.length - 1]?.state).toBe('success');
  });
});

describe('the 20 s scheduler', () => {
  it('redeploys a running service after a PUT and writes a scheduler event', async () => {
    t = await createTestMaster();
    const path = '/v1/services/production/null/docs';
    const before = await containers(path);
    await t.api('PUT', path, { body: { env: ['NEW=1'] } });
    await t.clock.advanceAsync(25_000, 500);
    const log = await events(path);
    expect(log.some((e) => e.type === 'scheduler' && e.message === 'service production/null/docs does have older version running')).toBe(
      true,
    );
    const after = await containers(path);
    expect(after[0]?.container_id).not.toBe(before[0]?.container_id);
    expect(after[0]?.service_rev).toBe('2');
    expect(after[0]?.env).toContain('NEW=1');
  });

  it('does not redeploy stopped or initialized services', async () => {
    t = await createTestMaster();
    await t.api('PUT', '/v1/services/production/null/worker', { body: { env: ['X=1'] } });
    await t.clock.advanceAsync(45_000, 1000);
    expect((await events('/v1/services/production/null/worker')).some((e) => e.type === 'scheduler')).toBe(false);
    expect((await events('/v1/services/production/null/nightly-report')).length).toBe(0);
  });

  it('brings the instance count back after scaling with PUT', async () => {
    t = await createTestMaster();
    const path = '/v1/services/production/shop/web';
    await t.api('PUT', path, { body: { instances: 3 } });
    await t.clock.advanceAsync(30_000, 500);
    expect((await containers(path)).map((c) => c.name)).toEqual(['shop.web-1', 'shop.web-2', 'shop.web-3']);
  });
});

describe('start / stop / restart', () => {
  it('answers {} at once and moves state and containers shortly after, without a deploy', async () => {
    t = await createTestMaster();
    const path = '/v1/services/production/null/docs';
    const deploysBefore = (await events(path)).filter((e) => e.type === 'service:deploy').length;
    expect((await t.api('POST', `${path}/stop`)).body).toEqual({});
    expect(obj((await t.api('GET', path)).body).state).toBe('stopped');
    await t.clock.advanceAsync(1000, 250);
    expect((await containers(path)).map((c) => c.status)).toEqual(['stopped']);
    expect(obj((await t.api('GET', path)).body).instance_counts).toEqual({ total: 1, running: 0 });

    await t.api('POST', `${path}/start`);
    await t.clock.advanceAsync(1000, 250);
    expect((await containers(path)).map((c) => c.status)).toEqual(['running']);

    await t.api('POST', `${path}/restart`);
    expect(obj((await t.api('GET', path)).body).state).toBe('restarting');
    await t.clock.advanceAsync(400, 100);
    expect((await containers(path)).map((c) => c.status)).toEqual(['restarting']);
    await t.clock.advanceAsync(2500, 250);
    expect(obj((await t.api('GET', path)).body).state).toBe('running');
    expect((await containers(path)).map((c) => c.status)).toEqual(['running']);
    const log = await events(path);
    expect(log.filter((e) => e.type === 'service:deploy').length).toBe(deploysBefore);
    expect(log.map((e) => e.type)).toEqual(
      expect.arrayContaining(['service:stop_instance', 'service:start_instance', 'service:restart_instance']),
    );
  });
});
