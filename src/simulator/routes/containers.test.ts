// Request specs of the container endpoints (docs/kontena-api-grid.md G7).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { arr, createTestMaster, obj, type TestMaster } from '../../../test/simulator/test-support';

let t: TestMaster;
beforeEach(async () => {
  t = await createTestMaster();
});
afterEach(() => t.master.dispose());

/** A running container of a service with this name in production: its `G/node/name` path and record. */
async function running(service: string): Promise<{ path: string; json: Record<string, unknown> }> {
  const list = arr(obj((await t.api('GET', '/v1/containers/production')).body).containers).map(obj);
  const c = list.find((x) => String(x.service_id).endsWith(`/${service}`));
  if (!c) throw new Error(`no running ${service} container`);
  return { path: `/v1/containers/${String(c.id)}`, json: c };
}

async function exec(path: string, cmd: unknown): Promise<unknown> {
  const res = await t.api('POST', `${path}/exec`, { body: { cmd } });
  expect(res.status).toBe(200);
  return res.body;
}

describe('GET /v1/containers/G (G7.1)', () => {
  it('lists running containers oldest first; ?all adds the rest', async () => {
    const res = await t.api('GET', '/v1/containers/production');
    expect(res.status).toBe(200);
    const list = arr(obj(res.body).containers).map(obj);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((c) => obj(c.state).running === true)).toBe(true);
    const created = list.map((c) => String(c.created_at));
    expect([...created].sort()).toEqual(created);
    const all = arr(obj((await t.api('GET', '/v1/containers/production?all=1')).body).containers);
    expect(all.length).toBeGreaterThanOrEqual(list.length);
    expect((await t.api('GET', '/v1/containers/nope')).body).toEqual({ error: 'Not found' });
  });
});

describe('one container (G7.2)', () => {
  it.each([
    ['unknown node', '/v1/containers/production/nope/x'],
    ['unknown container', '/v1/containers/production/prod-node-1/nope'],
    ['unknown grid', '/v1/containers/nope/prod-node-1/x'],
  ])('%s → 404 Not found on every sub-route', async (_, path) => {
    for (const [method, suffix] of [
      ['GET', ''],
      ['GET', '/inspect'],
      ['GET', '/top'],
      ['POST', '/exec'],
    ] as const) {
      const res = await t.api(method, `${path}${suffix}`, method === 'POST' ? { body: { cmd: ['true'] } } : {});
      expect([res.status, res.body]).toEqual([404, { error: 'Not found' }]);
    }
  });

  it('shows a container and inspects it in docker shape', async () => {
    const { path, json } = await running('redis');
    expect(obj((await t.api('GET', path)).body).id).toBe(json.id);
    const res = await t.api('GET', `${path}/inspect`);
    expect(res.status).toBe(200);
    const body = obj(res.body);
    expect(Object.keys(body).slice(0, 5)).toEqual(['Id', 'Created', 'Path', 'Args', 'State']);
    expect(body.Id).toBe(json.container_id);
    expect(body.Name).toBe(`/${String(json.name)}`);
    expect(obj(body.State).Running).toBe(true);
    const config = obj(body.Config);
    expect(config.Image).toBe(json.image);
    expect(config.Hostname).toBe(json.hostname);
    expect(obj(config.Labels)['io.kontena.container.name']).toBe(json.name);
  });

  it('top fails as in 1.2: the agent answers an ArgumentError (G7.4)', async () => {
    const { path } = await running('redis');
    const res = await t.api('GET', `${path}/top`);
    expect(res.status).toBe(500);
    expect(Object.keys(obj(res.body))).toEqual(['code', 'message', 'backtrace']);
    expect(obj(res.body).message).toMatch(/^ArgumentError/);
  });
});

describe('POST …/exec (G7.4)', () => {
  it.each([
    [
      ['sh', '-c', 'echo hi'],
      [['hi\n'], [], 0],
    ],
    [
      ['echo', '-n', 'a', 'b'],
      [['a b'], [], 0],
    ],
    [
      ['sh', '-c', 'nosuch --flag'],
      [[], ['sh: nosuch: command not found\n'], 127],
    ],
    [
      ['sh', '-c', 'false && echo no'],
      [[], [], 1],
    ],
    [
      ['sh', '-c', 'false || echo yes; echo two'],
      [['yes\n', 'two\n'], [], 0],
    ],
    [
      ['cat', '/nope'],
      [[], ['cat: /nope: No such file or directory\n'], 1],
    ],
    [
      ['ls', '/nope'],
      [[], ["ls: cannot access '/nope': No such file or directory\n"], 2],
    ],
    ['echo hi', [[], ['sh: echo hi: command not found\n'], 127]],
  ])('%j → %j', async (cmd, expected) => {
    const { path } = await running('redis');
    expect(await exec(path, cmd)).toEqual(expected);
  });

  it('without a cmd docker refuses the exec: the agent error is a 500', async () => {
    const { path } = await running('redis');
    const res = await t.api('POST', `${path}/exec`, { body: {} });
    expect(res.status).toBe(500);
    expect(obj(res.body).message).toBe('Docker::Error::ClientError: No exec command specified');
  });

  it('answers hostname, env, ls and cat from the container', async () => {
    const { path, json } = await running('redis');
    expect(await exec(path, ['hostname'])).toEqual([[`${String(json.hostname)}\n`], [], 0]);
    const env = (await exec(path, ['sh', '-c', 'env'])) as [string[], string[], number];
    const lines = (env[0][0] ?? '').split('\n');
    expect(lines).toContain(`HOSTNAME=${String(json.hostname)}`);
    for (const e of json.env as string[]) expect(lines).toContain(e);
    const ls = (await exec(path, ['ls', '/'])) as [string[], string[], number];
    expect(ls[0][0]?.split('\n')).toEqual(expect.arrayContaining(['data', 'etc', 'usr']));
    expect(await exec(path, ['cat', '/etc/hostname'])).toEqual([[`${String(json.hostname)}\n`], [], 0]);
    const name = await exec(path, ['sh', '-c', 'echo $HOSTNAME']);
    expect(name).toEqual([[`${String(json.hostname)}\n`], [], 0]);
  });

  it('an nginx container has its config file', async () => {
    const list = arr(obj((await t.api('GET', '/v1/containers/production')).body).containers).map(obj);
    const c = list.find((x) => String(x.image).includes('nginx'));
    if (!c) throw new Error('no nginx container in the demo');
    const out = (await exec(`/v1/containers/${String(c.id)}`, ['cat', '/etc/nginx/nginx.conf'])) as [string[], string[], number];
    expect(out[2]).toBe(0);
    expect(out[0][0]).toContain('worker_processes');
  });
});

describe('RPC to a disconnected agent (G7.3)', () => {
  it('inspect, top and exec wait 300 s, then fail with the RPC timeout body', async () => {
    // A still world: no scheduler moving the container off the unplugged node meanwhile.
    t.master.dispose();
    t = await createTestMaster({ live: false });
    const { path, json } = await running('redis');
    const nodeName = String(obj(json.node).name);
    const node = t.master.capture().grids.get('production')?.nodes.get(nodeName);
    if (!node) throw new Error('no node');
    // capture() hands out the live grids: unplug the agent without waiting for churn.
    node.connected = false;
    for (const [method, suffix] of [
      ['GET', '/inspect'],
      ['GET', '/top'],
      ['POST', '/exec'],
    ] as const) {
      let done = false;
      const pending = t.api(method, `${path}${suffix}`, method === 'POST' ? { body: { cmd: ['true'] } } : {}).then((r) => {
        done = true;
        return r;
      });
      // The exec body is read before the RPC is sent: wait until the master is waiting for the agent.
      await vi.waitFor(() => expect(t.master.pendingTimers()).toBe(1));
      await t.clock.advanceAsync(299_000, 10_000);
      expect(done).toBe(false);
      await t.clock.advanceAsync(2_000, 1_000);
      const res = await pending;
      expect(res.status).toBe(500);
      const body = obj(res.body);
      expect(Object.keys(body)).toEqual(['code', 'message', 'backtrace']);
      expect([body.code, body.message]).toEqual([503, 'Connection timeout (300s)']);
    }
  });
});
