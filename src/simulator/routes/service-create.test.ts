import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestMaster, obj, type TestMaster } from '../../../test/simulator/test-support';

const KEYS = [
  'id',
  'created_at',
  'updated_at',
  'image',
  'affinity',
  'name',
  'stateful',
  'user',
  'instances',
  'cmd',
  'entrypoint',
  'net',
  'dns',
  'ports',
  'env',
  'secrets',
  'memory',
  'memory_swap',
  'cpu_shares',
  'volumes',
  'volumes_from',
  'cap_add',
  'cap_drop',
  'state',
  'grid',
  'stack',
  'links',
  'log_driver',
  'log_opts',
  'strategy',
  'deploy_opts',
  'pid',
  'instance_counts',
  'hooks',
  'revision',
  'stack_revision',
];

let t: TestMaster;
beforeEach(async () => {
  t = await createTestMaster({ live: false });
});
afterEach(() => t.master.dispose());

const base = { name: 'svc', image: 'nginx:latest', stateful: false };

describe('POST /v1/grids/G/services', () => {
  it('creates an initialized null-stack service with the defaults and the exact key order', async () => {
    const res = await t.api('POST', '/v1/grids/production/services', { body: base });
    expect(res.status).toBe(201);
    expect(res.headers.get('X-Kontena-Version')).toBe('1.2.0.dev');
    const s = obj(res.body);
    expect(Object.keys(s)).toEqual(KEYS);
    expect(s).toMatchObject({
      id: 'production/null/svc',
      state: 'initialized',
      revision: 1,
      instances: 1,
      strategy: 'ha',
      net: 'bridge',
      dns: 'svc.production.kontena.local',
      log_opts: {},
      env: [],
      stack: { id: 'production/null', name: 'null' },
      instance_counts: { total: 0, running: 0 },
      stack_revision: null,
    });
    expect(s.deploy_opts).toEqual({
      _id: { $oid: expect.stringMatching(/^[0-9a-f]{24}$/) as unknown },
      interval: null,
      min_health: 0.8,
      wait_for_port: null,
    });
    expect(s.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('coerces strings the way mutations does and shows a health check only with a protocol', async () => {
    const res = await t.api('POST', '/v1/grids/production/services', {
      body: {
        ...base,
        stateful: 'true',
        image: '  redis:3.2  ',
        container_count: '3',
        instances: '2abc',
        cpu_shares: '512',
        ports: [{ node_port: '6379', container_port: 6379 }],
        health_check: { port: '6379', protocol: 'tcp' },
        log_opts: { 'max-size': 10 },
      },
    });
    expect(res.status).toBe(201);
    const s = obj(res.body);
    expect(s).toMatchObject({ stateful: true, image: 'redis:3.2', instances: 2, cpu_shares: 512, log_opts: { 'max-size': '10' } });
    expect(s.ports).toEqual([{ ip: '0.0.0.0', protocol: 'tcp', node_port: 6379, container_port: 6379 }]);
    expect(s.health_check).toEqual({ protocol: 'tcp', uri: '/', port: 6379, timeout: 10, initial_delay: 10, interval: 60 });
    expect(s.health_status).toEqual({ healthy: 0, total: 0 });
    const hidden = await t.api('POST', '/v1/grids/production/services', {
      body: { ...base, name: 'nohc', health_check: { port: null, protocol: null } },
    });
    expect(Object.keys(obj(hidden.body))).toEqual(KEYS);
  });

  const cases: [string, Record<string, unknown>, unknown][] = [
    ['missing image', { name: 'x', stateful: false }, { image: 'Image is required' }],
    ['missing everything', {}, { image: 'Image is required', name: 'Name is required', stateful: 'Stateful is required' }],
    ['blank image', { ...base, image: '   ' }, { image: "Image can't be blank" }],
    ['null image', { ...base, image: null }, { image: "Image can't be nil" }],
    ['bad name', { ...base, name: '-web' }, { name: "Name isn't in the right format" }],
    ['stateful not boolean', { ...base, stateful: 'yes' }, { stateful: "Stateful isn't a boolean" }],
    ['cpu too big', { ...base, cpu_shares: 1025 }, { cpu_shares: 'Cpu Shares is too big' }],
    ['cpu too small', { ...base, cpu_shares: -1 }, { cpu_shares: 'Cpu Shares is too small' }],
    ['memory not integer', { ...base, memory: 'one' }, { memory: "Memory isn't an integer" }],
    ['memory float', { ...base, memory: 1.5 }, { memory: "Memory isn't an integer" }],
    ['instances blank', { ...base, instances: '' }, { instances: "Instances can't be blank" }],
    ['env not strings', { ...base, env: ['A=1', ['x']] }, { env: [null, "Env[1] isn't a string"] }],
    ['env not array', { ...base, env: 'A=1' }, { env: "Env isn't an array" }],
    [
      'port missing node_port',
      { ...base, ports: [{ node_port: 80, container_port: 80 }, { container_port: 81 }] },
      { ports: [null, { node_port: 'Node Port is required' }] },
    ],
    ['port null ip', { ...base, ports: [{ node_port: 80, container_port: 80, ip: null }] }, { ports: [{ ip: "Ip can't be nil" }] }],
    ['port not hash', { ...base, ports: ['80:80'] }, { ports: ["Ports[0] isn't a hash"] }],
    [
      'health check keys',
      { ...base, health_check: { uri: '/' } },
      { health_check: { port: 'Port is required', protocol: 'Protocol is required' } },
    ],
    [
      'health check protocol',
      { ...base, health_check: { port: 80, protocol: 'udp' } },
      { health_check: { protocol: "Protocol isn't in the right format" } },
    ],
    [
      'health interval',
      { ...base, health_check: { port: 80, protocol: 'http', interval: 5, timeout: 10 } },
      { health_check: 'Interval has to be bigger than timeout' },
    ],
    ['deploy_opts min_health', { ...base, deploy_opts: { min_health: 'lots' } }, { deploy_opts: { min_health: 'Min Health is invalid' } }],
    ['hooks as array', { ...base, hooks: [] }, { hooks: "Hooks isn't a hash" }],
    [
      'hook missing fields',
      { ...base, hooks: { post_start: [{ name: 'x' }] } },
      { hooks: { post_start: [{ cmd: 'Cmd is required', instances: 'Instances is required' }] } },
    ],
    ['strategy', { ...base, strategy: 'spread' }, { strategy: 'Strategy not supported' }],
    ['net format', { ...base, net: 'overlay' }, { net: "Net isn't in the right format" }],
    ['pid format', { ...base, pid: 'container' }, { pid: "Pid isn't in the right format" }],
    ['grid key', { ...base, grid: 'production' }, { grid: "Grid isn't the right class" }],
    ['stack key', { ...base, stack: 'x' }, { stack: "Stack isn't the right class" }],
    ['secret missing', { ...base, secrets: [{ secret: 'NOPE', name: 'X' }] }, { secrets: 'Secret NOPE does not exist' }],
    ['secret keys', { ...base, secrets: [{ secret: 'DB_PASSWORD' }] }, { secrets: [{ name: 'Name is required' }] }],
    [
      'link stack',
      { ...base, links: [{ name: 'nostack/redis', alias: 'r' }] },
      { links: 'Link nostack/redis points to non-existing stack' },
    ],
    ['link service', { ...base, links: [{ name: 'nope', alias: 'r' }] }, { links: 'Service null/nope does not exist' }],
    ['link service in stack', { ...base, links: [{ name: 'shop/nope', alias: 'r' }] }, { links: 'Service shop/nope does not exist' }],
    ['volume format', { ...base, volumes: ['data'] }, { volumes: "Volume definition 'data' not in right format" }],
    [
      'stateful volumes_from',
      { ...base, stateful: true, volumes_from: ['data-%s'] },
      { volumes_from: 'Cannot combine stateful & volumes_from' },
    ],
    ['name taken', { ...base, name: 'redis' }, { name: 'is already taken' }],
  ];

  it.each(cases)('422 for %s', async (_label, body, error) => {
    const res = await t.api('POST', '/v1/grids/production/services', { body });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ error });
  });

  it('runs custom checks only after every type check passed', async () => {
    const res = await t.api('POST', '/v1/grids/production/services', { body: { ...base, strategy: 'bogus', memory: 'x' } });
    expect(res.body).toEqual({ error: { memory: "Memory isn't an integer" } });
  });

  it('ignores unknown keys and optional nulls, resolves bare links in the null stack', async () => {
    const res = await t.api('POST', '/v1/grids/production/services', {
      body: {
        ...base,
        user: null,
        whatever: 1,
        links: [
          { name: 'redis', alias: 'cache' },
          { name: 'shop/postgres', alias: 'db' },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(obj(res.body).links).toEqual([
      { id: 'production/null/redis', alias: 'cache', name: 'redis' },
      { id: 'production/shop/postgres', alias: 'db', name: 'postgres' },
    ]);
  });

  it('answers body and lookup errors like the real routes', async () => {
    expect(
      (await t.api('POST', '/v1/grids/production/services', { raw: '{nope', headers: { 'Content-Type': 'application/json' } })).body,
    ).toEqual({ error: 'Invalid json' });
    const notObject = await t.api('POST', '/v1/grids/production/services', { raw: '[]' });
    expect(notObject.status).toBe(500);
    expect(notObject.body).toEqual({ message: 'Internal server error' });
    const missing = await t.api('POST', '/v1/grids/nogrid/services', { body: base });
    expect([missing.status, missing.body]).toEqual([404, { error: 'Not found' }]);
    const empty = await t.api('POST', '/v1/grids/production/services', { raw: '' });
    expect(empty.status).toBe(422);
  });
});

describe('GET /v1/grids/G/services', () => {
  it('lists every stack newest first, filters by stack, 404s an unknown stack', async () => {
    await t.api('POST', '/v1/grids/production/services', { body: base });
    const all = obj((await t.api('GET', '/v1/grids/production/services?stack=')).body).services as { id: string }[];
    expect(all[0]?.id).toBe('production/null/svc');
    expect(all.some((s) => s.id.startsWith('production/shop/'))).toBe(true);
    const shop = obj((await t.api('GET', '/v1/grids/production/services?stack=shop')).body).services as { id: string }[];
    expect(shop.length).toBeGreaterThan(0);
    expect(shop.every((s) => s.id.startsWith('production/shop/'))).toBe(true);
    const nullOnly = obj((await t.api('GET', '/v1/grids/production/services?stack=null')).body).services as { id: string }[];
    expect(nullOnly.every((s) => s.id.startsWith('production/null/'))).toBe(true);
    const unknown = await t.api('GET', '/v1/grids/production/services?stack=nope');
    expect([unknown.status, unknown.body]).toEqual([404, { error: 'Stack not found' }]);
  });

  it('answers unmatched routes with an empty 404', async () => {
    for (const path of ['/v1/services/production/redis', '/v1/grids/production/services/', '/v1/nothing']) {
      const res = await t.api('GET', path);
      expect([res.status, res.text, res.headers.get('Content-Type')]).toEqual([404, '', 'application/json']);
    }
    const wrongMethod = await t.api('PATCH', '/v1/services/production/null/redis');
    expect(wrongMethod.status).toBe(404);
  });
});
