// Request specs of the node endpoints (docs/kontena-api-grid.md G2).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arr, createTestMaster, obj, type TestMaster } from '../../../test/simulator/test-support';
import type { NodeRecord } from '../model/types';

let t: TestMaster;
beforeEach(async () => {
  t = await createTestMaster();
});
afterEach(() => t.master.dispose());

const NODE_KEYS = [
  'id',
  'connected',
  'created_at',
  'updated_at',
  'last_seen_at',
  'name',
  'os',
  'engine_root_dir',
  'driver',
  'network_drivers',
  'volume_drivers',
  'kernel_version',
  'labels',
  'mem_total',
  'mem_limit',
  'cpus',
  'public_ip',
  'private_ip',
  'overlay_ip',
  'agent_version',
  'docker_version',
  'peer_ips',
  'node_number',
  'initial_member',
  'grid',
  'resource_usage',
];

/** The live record behind a node: capture() hands out the store's own grids, which lets a test unplug an agent. */
function nodeRecord(grid: string, name: string): NodeRecord {
  const node = t.master.capture().grids.get(grid)?.nodes.get(name);
  if (!node) throw new Error(`no node ${grid}/${name}`);
  return node;
}

describe('GET /v1/grids/G/nodes and /v1/nodes/G/N (G2.1, G2.2)', () => {
  it('lists the nodes by name with every NodeJson key in order', async () => {
    const res = await t.api('GET', '/v1/grids/production/nodes');
    expect(res.status).toBe(200);
    const nodes = arr(obj(res.body).nodes).map(obj);
    expect(nodes.map((n) => n.name)).toEqual(['prod-node-1', 'prod-node-2', 'prod-node-3', 'prod-node-4', 'prod-node-5']);
    const first = nodes[0] ?? {};
    expect(Object.keys(first)).toEqual(NODE_KEYS);
    expect(Object.keys(obj(first.grid))).toEqual(['id', 'name', 'initial_size', 'token', 'stats', 'trusted_subnets', 'subnet', 'supernet']);
    const usage = obj(first.resource_usage);
    expect(Object.keys(usage)).toEqual(['memory', 'load', 'filesystem', 'usage', 'cpu']);
    expect(Object.keys(obj(usage.memory))).toEqual(['total', 'free', 'active', 'inactive', 'cached', 'buffers', 'used']);
    expect(Object.keys(obj(usage.cpu))).toEqual(['num_cores', 'system', 'user', 'nice', 'idle']);
    expect(Object.keys(obj(arr(usage.filesystem)[0]))).toEqual(['name', 'free', 'available', 'used', 'total']);
    expect(first.overlay_ip).toBe('10.81.0.1');
    // Same region: every other node's private address.
    expect(first.peer_ips).toEqual(['10.0.1.12', '10.0.1.13', '10.0.1.14', '10.0.1.15']);
  });

  it.each([
    ['by name', '/v1/nodes/production/prod-node-2', 200, null],
    ['unknown name', '/v1/nodes/production/nope', 404, { error: 'Not found' }],
    ['unknown grid', '/v1/nodes/nope/prod-node-2', 404, { error: 'Not found' }],
  ])('show %s', async (_, path, status, body) => {
    const res = await t.api('GET', path);
    expect(res.status).toBe(status);
    if (body) expect(res.body).toEqual(body);
    else expect(obj(res.body).name).toBe('prod-node-2');
  });

  it('looks a segment with a ":" up as the docker id, and only then', async () => {
    const node = obj((await t.api('GET', '/v1/nodes/production/prod-node-3')).body);
    const id = String(node.id);
    expect(id).toContain(':');
    expect(obj((await t.api('GET', `/v1/nodes/production/${id}`)).body).name).toBe('prod-node-3');
    expect((await t.api('GET', `/v1/nodes/production/${id.replace(/:/g, '')}`)).status).toBe(404);
  });

  it('has no containers route: the node containers come from /v1/containers/G (G2.6)', async () => {
    const res = await t.api('GET', '/v1/nodes/production/prod-node-1/containers');
    expect([res.status, res.text]).toEqual([404, '']);
  });

  it('refuses a request without a token with the route-level access_denied body (G2.2)', async () => {
    const res = await t.api('GET', '/v1/nodes/production/prod-node-1', { token: null });
    expect([res.status, res.body]).toEqual([403, { error: 'access_denied', error_description: null }]);
  });

  it('answers the deprecated agent route by grid token', async () => {
    const node = obj((await t.api('GET', '/v1/nodes/production/prod-node-1')).body);
    const token = String(obj(node.grid).token);
    const ok = await t.api('GET', `/v1/nodes/${String(node.id)}`, { token: null, headers: { 'Kontena-Grid-Token': token } });
    expect([ok.status, obj(ok.body).name]).toEqual([200, 'prod-node-1']);
    const badToken = await t.api('GET', `/v1/nodes/${String(node.id)}`, { token: null, headers: { 'Kontena-Grid-Token': 'x' } });
    expect([badToken.status, badToken.body]).toEqual([404, { error: 'Not found' }]);
    const badNode = await t.api('GET', '/v1/nodes/AAAA:BBBB', { token: null, headers: { 'Kontena-Grid-Token': token } });
    expect([badNode.status, badNode.body]).toEqual([404, { error: 'Node not found' }]);
  });

  it('keeps last_seen_at and resource usage moving while the agent is connected', async () => {
    const before = obj((await t.api('GET', '/v1/nodes/production/prod-node-1')).body);
    await t.clock.advanceAsync(180_000, 10_000);
    const after = obj((await t.api('GET', '/v1/nodes/production/prod-node-1')).body);
    expect(after.last_seen_at).not.toBe(before.last_seen_at);
    expect(after.resource_usage).not.toEqual(before.resource_usage);
  });
});

describe('PUT /v1/nodes/G/N labels (G2.3)', () => {
  it.each([
    [{ labels: ['region=us', 'az=b'] }, 200, ['region=us', 'az=b']],
    [{ labels: [] }, 200, []],
    [{}, 422, { error: { labels: 'Labels is required' } }],
    [{ labels: null }, 422, { error: { labels: 'Labels is required' } }],
    [{ labels: 'x' }, 422, { error: { labels: "Labels isn't an array" } }],
  ])('%j → %i', async (body, status, expected) => {
    const before = obj((await t.api('GET', '/v1/nodes/staging/stage-node-1')).body);
    t.clock.advance(1000);
    const res = await t.api('PUT', '/v1/nodes/staging/stage-node-1', { body });
    expect(res.status).toBe(status);
    if (status === 200) {
      expect(Object.keys(obj(res.body))).toEqual(NODE_KEYS);
      expect(obj(res.body).labels).toEqual(expected);
      expect(obj(res.body).updated_at).not.toBe(before.updated_at);
    } else {
      expect(res.body).toEqual(expected);
      expect(obj((await t.api('GET', '/v1/nodes/staging/stage-node-1')).body).labels).toEqual(before.labels);
    }
  });
});

describe('labels and the agent', () => {
  it('the agent route takes a labels PUT with the grid token', async () => {
    const node = obj((await t.api('GET', '/v1/nodes/staging/stage-node-1')).body);
    const headers = { 'Kontena-Grid-Token': String(obj(node.grid).token) };
    const res = await t.api('PUT', `/v1/nodes/${String(node.id)}`, { token: null, headers, body: { labels: ['disk=ssd'] } });
    expect([res.status, obj(res.body).labels]).toEqual([200, ['disk=ssd']]);
    const refused = await t.api('PUT', `/v1/nodes/${String(node.id)}`, { token: null, headers, body: { labels: 'x' } });
    expect([refused.status, refused.body]).toEqual([422, { error: { labels: "Labels isn't an array" } }]);
    const stranger = await t.api('PUT', `/v1/nodes/${String(node.id)}`, { token: null, headers: { 'Kontena-Grid-Token': 'x' }, body: {} });
    expect([stranger.status, stranger.body]).toEqual([404, { error: 'Not found' }]);
  });

  it('cleared labels come back from the docker engine at the next connect; labels set stay (G2.3 quirk)', async () => {
    const engine = obj((await t.api('GET', '/v1/nodes/staging/stage-node-1')).body).labels;
    expect(engine).not.toEqual([]);
    await t.api('PUT', '/v1/nodes/staging/stage-node-1', { body: { labels: [] } });
    t.master.setNodeConnected('staging', 'stage-node-1', false);
    expect(obj((await t.api('GET', '/v1/nodes/staging/stage-node-1')).body)).toMatchObject({ connected: false, labels: [] });
    t.master.setNodeConnected('staging', 'stage-node-1', true);
    expect(obj((await t.api('GET', '/v1/nodes/staging/stage-node-1')).body)).toMatchObject({ connected: true, labels: engine });

    await t.api('PUT', '/v1/nodes/staging/stage-node-1', { body: { labels: ['region=mine'] } });
    t.master.setNodeConnected('staging', 'stage-node-1', false);
    t.master.setNodeConnected('staging', 'stage-node-1', true);
    expect(obj((await t.api('GET', '/v1/nodes/staging/stage-node-1')).body).labels).toEqual(['region=mine']);
  });

  it('a node taken away by the fault stays away until told, and last_seen_at stops moving meanwhile', async () => {
    expect(t.master.setNodeConnected('staging', 'nope', false)).toBe(false);
    t.master.setNodeConnected('staging', 'stage-node-2', false);
    const away = obj((await t.api('GET', '/v1/nodes/staging/stage-node-2')).body);
    await t.clock.advanceAsync(10 * 60_000, 30_000);
    const later = obj((await t.api('GET', '/v1/nodes/staging/stage-node-2')).body);
    expect([later.connected, later.last_seen_at]).toEqual([false, away.last_seen_at]);
    t.master.setNodeConnected('staging', 'stage-node-2', true);
    const back = obj((await t.api('GET', '/v1/nodes/staging/stage-node-2')).body);
    expect(back.connected).toBe(true);
    expect(back.last_seen_at).not.toBe(away.last_seen_at);
  });
});

describe('DELETE /v1/nodes/G/N (G2.4)', () => {
  it('removes the node at once, connected or not, with its containers', async () => {
    const all = arr(obj((await t.api('GET', '/v1/containers/production?all=1')).body).containers).map(obj);
    const onNode = all.filter((c) => obj(c.node).name === 'prod-node-2');
    expect(onNode.length).toBeGreaterThan(0);
    const res = await t.api('DELETE', '/v1/nodes/production/prod-node-2');
    expect([res.status, res.body]).toEqual([200, {}]);
    expect((await t.api('GET', '/v1/nodes/production/prod-node-2')).body).toEqual({ error: 'Not found' });
    const names = arr(obj((await t.api('GET', '/v1/grids/production/nodes')).body).nodes).map((n) => obj(n).name);
    expect(names).not.toContain('prod-node-2');
    const left = arr(obj((await t.api('GET', '/v1/containers/production?all=1')).body).containers).map(obj);
    expect(left.filter((c) => c.node !== undefined && obj(c.node).name === 'prod-node-2')).toEqual([]);
    expect((await t.api('DELETE', '/v1/nodes/production/prod-node-2')).status).toBe(404);
  });
});

describe('node stats, metrics and health (G2.5)', () => {
  it.each([
    ['', 'all'],
    ['?sort=memory&limit=2', 2],
    ['?limit=0', 0],
    ['?limit=abc', 0],
  ])('stats%s → %s rows', async (query, rows) => {
    const res = await t.api('GET', `/v1/nodes/production/prod-node-1/stats${query}`);
    expect(res.status).toBe(200);
    const stats = arr(obj(res.body).stats).map(obj);
    if (rows === 'all') expect(stats.length).toBeGreaterThan(2);
    else expect(stats.length).toBe(rows);
    for (const row of stats) expect(Object.keys(row)).toEqual(['container_id', 'cpu', 'memory', 'network']);
  });

  it('stats with a negative limit crash as the master does', async () => {
    expect((await t.api('GET', '/v1/nodes/production/prod-node-1/stats?limit=-1')).status).toBe(500);
  });

  it('metrics: one entry per minute of host samples, keys in order; an empty window is empty', async () => {
    const res = await t.api('GET', '/v1/nodes/production/prod-node-1/metrics');
    expect(res.status).toBe(200);
    const body = obj(res.body);
    expect(Object.keys(body)).toEqual(['from', 'to', 'stats']);
    const stats = arr(body.stats).map(obj);
    expect(stats.length).toBeGreaterThanOrEqual(59);
    const first = stats[0] ?? {};
    expect(Object.keys(first)).toEqual(['timestamp', 'cpu', 'memory', 'filesystem', 'network']);
    expect(String(first.timestamp)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000\+00:00$/);
    expect(Object.keys(obj(first.memory))).toEqual(['used', 'total', 'free', 'active', 'inactive', 'cached', 'buffers']);
    expect(Object.keys(obj(first.filesystem))).toEqual(['used', 'total']);
    const empty = await t.api('GET', '/v1/nodes/production/prod-node-1/metrics?from=2017-01-01T12:00:00Z&to=2017-01-01T12:15:00Z');
    expect(empty.body).toEqual({ from: '2017-01-01T12:00:00.000Z', to: '2017-01-01T12:15:00.000Z', stats: [] });
  });

  it('health asks the agent; an unplugged agent times out after 10 s', async () => {
    const ok = await t.api('GET', '/v1/nodes/production/prod-node-1/health');
    expect(Object.keys(obj(ok.body))).toEqual(['id', 'name', 'node_number', 'initial_member', 'connected', 'etcd_health']);
    expect(obj(ok.body).etcd_health).toEqual({ health: true, error: null });

    nodeRecord('production', 'prod-node-4').connected = false;
    let done = false;
    const pending = t.api('GET', '/v1/nodes/production/prod-node-4/health').then((r) => {
      done = true;
      return r;
    });
    await t.clock.advanceAsync(9_000, 1_000);
    expect(done).toBe(false);
    await t.clock.advanceAsync(2_000, 1_000);
    const res = await pending;
    expect(res.status).toBe(200);
    expect(obj(res.body).connected).toBe(false);
    expect(obj(res.body).etcd_health).toEqual({ health: null, error: 'Connection timeout (10s)' });
  });
});
