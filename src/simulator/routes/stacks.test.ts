// Stacks as `kontena stack install/upgrade/deploy/rm` drive them (docs/kontena-api-grid.md G3).
import { afterEach, describe, expect, it } from 'vitest';
import { arr, createTestMaster, obj, send, type TestMaster } from '../../../test/simulator/test-support';
import { createSimulatedMaster } from '../index';

const STACK_KEYS = [
  'id',
  'name',
  'state',
  'created_at',
  'updated_at',
  'stack',
  'registry',
  'version',
  'revision',
  'expose',
  'source',
  'variables',
  'services',
];
const DEPLOY_KEYS = ['id', 'stack_id', 'created_at', 'state', 'service_deploys'];

const SOURCE = 'stack: kontena/wordpress\nversion: 0.3.0\nservices:\n  wordpress: {}\n  mysql: {}\n';

/** What `kontena stack install kontena.yml` sends (ServiceGeneratorV2 output, null fields included). */
function installBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'wordpress',
    stack: 'kontena/wordpress',
    expose: 'wordpress',
    version: '0.3.0',
    source: SOURCE,
    registry: 'file://',
    services: [
      {
        name: 'wordpress',
        image: 'wordpress:4.6',
        stateful: false,
        instances: 2,
        env: ['WORDPRESS_DB_HOST=mysql'],
        links: [{ name: 'mysql', alias: 'mysql' }],
        external_links: [],
        ports: [{ ip: '0.0.0.0', protocol: 'tcp', node_port: 8181, container_port: 80 }],
        volumes: [],
        volumes_from: [],
        affinity: [],
        hooks: {},
        deploy_opts: {},
        strategy: 'ha',
        secrets: [],
        cmd: null,
        memory: null,
      },
      { name: 'mysql', image: 'mariadb:5.5', stateful: true, instances: null, env: ['MYSQL_ROOT_PASSWORD=x'], links: [] },
    ],
    volumes: [],
    variables: { wp_admin: 'admin' },
    ...overrides,
  };
}

let t: TestMaster;
afterEach(() => t.master.dispose());

async function stackState(path: string): Promise<Record<string, unknown>> {
  return obj((await t.api('GET', path)).body);
}

describe('POST /v1/grids/G/stacks and deploy', () => {
  it('installs a stack from a `kontena stack install` body and deploys its services one at a time', async () => {
    t = await createTestMaster();
    const created = await t.api('POST', '/v1/grids/staging/stacks', { body: installBody({ name: 'blog' }) });
    expect(created.status).toBe(201);
    const s = obj(created.body);
    expect(Object.keys(s)).toEqual(STACK_KEYS);
    expect(s).toMatchObject({
      id: 'staging/blog',
      name: 'blog',
      state: 'initialized',
      stack: 'kontena/wordpress',
      registry: 'file://',
      version: '0.3.0',
      revision: 1,
      expose: 'wordpress',
      // Strings are stripped by the mutations filters.
      source: SOURCE.trim(),
      variables: { wp_admin: 'admin' },
    });
    expect(s.updated_at).toBe(s.created_at);
    const services = arr(s.services).map(obj);
    // Linked-to services are created first.
    expect(services.map((x) => [x.id, x.state, x.revision, x.stack_revision])).toEqual([
      ['staging/blog/mysql', 'initialized', 1, null],
      ['staging/blog/wordpress', 'initialized', 1, null],
    ]);
    expect(services[1]).toMatchObject({
      dns: 'wordpress.blog.staging.kontena.local',
      instances: 2,
      links: [{ id: 'staging/blog/mysql', alias: 'mysql', name: 'mysql' }],
    });

    const deploy = await t.api('POST', '/v1/stacks/staging/blog/deploy', { body: {} });
    expect(deploy.status).toBe(200);
    const d = obj(deploy.body);
    expect(Object.keys(d)).toEqual(DEPLOY_KEYS);
    expect(d).toMatchObject({ stack_id: 'staging/blog', state: 'created', service_deploys: [] });
    expect((await stackState('/v1/stacks/staging/blog')).services).toMatchObject([{ stack_revision: 1 }, { stack_revision: 1 }]);

    // One at a time: mysql's deploy first, wordpress not yet.
    await t.clock.advanceAsync(2_000, 250);
    const midway = obj((await t.api('GET', `/v1/stacks/staging/blog/deploys/${String(d.id)}`)).body);
    expect(midway.state).toBe('ongoing');
    expect(arr(midway.service_deploys).map((x) => obj(x).service_id)).toEqual(['staging/blog/mysql']);

    await t.clock.advanceAsync(20_000, 250);
    const done = obj((await t.api('GET', `/v1/stacks/staging/blog/deploys/${String(d.id)}`)).body);
    expect(done.state).toBe('success');
    expect(arr(done.service_deploys).map((x) => [obj(x).service_id, obj(x).state])).toEqual([
      ['staging/blog/mysql', 'success'],
      ['staging/blog/wordpress', 'success'],
    ]);
    expect((await stackState('/v1/stacks/staging/blog')).state).toBe('running');
    const containers = arr(obj((await t.api('GET', '/v1/services/staging/blog/wordpress/containers')).body).containers).map(obj);
    expect(containers.map((c) => c.name).sort()).toEqual(['blog.wordpress-1', 'blog.wordpress-2']);
  });

  it('stops at the first failed service deploy and leaves the rest as they were', async () => {
    t = await createTestMaster();
    const body = installBody({ name: 'broken' });
    const services = arr(body.services).map(obj);
    const mysql = { ...services[1], image: 'mariadb:fail' };
    await t.api('POST', '/v1/grids/staging/stacks', { body: { ...body, services: [services[0], mysql] } });
    const d = obj((await t.api('POST', '/v1/stacks/staging/broken/deploy', { body: {} })).body);
    await t.clock.advanceAsync(20_000, 250);
    const done = obj((await t.api('GET', `/v1/stacks/staging/broken/deploys/${String(d.id)}`)).body);
    expect(done.state).toBe('error');
    expect(arr(done.service_deploys).map((x) => [obj(x).service_id, obj(x).state])).toEqual([['staging/broken/mysql', 'error']]);
    const stack = await stackState('/v1/stacks/staging/broken');
    expect(arr(stack.services).map((x) => [obj(x).name, obj(x).state])).toEqual([
      ['mysql', 'running'],
      ['wordpress', 'initialized'],
    ]);
    // A failed deploy leaves running + initialized: partially_running, never an error state.
    expect(stack.state).toBe('partially_running');
  });

  const invalid: [string, Record<string, unknown>, unknown][] = [
    [
      'missing inputs',
      { name: 'x' },
      { stack: 'Stack is required', version: 'Version is required', source: 'Source is required', services: 'Services is required' },
    ],
    ['bad name', installBody({ name: '-x' }), { name: "Name isn't in the right format" }],
    ['blank source', installBody({ name: 'x', source: ' ' }), { source: "Source can't be blank" }],
    ['name taken', installBody({ name: 'wordpress' }), { name: 'wordpress already exists' }],
    ['the null stack', installBody({ name: 'null' }), { name: 'null already exists' }],
    ['no services', installBody({ name: 'x', services: [] }), { services: 'stack does not specify any services' }],
    ['expose not a service', installBody({ name: 'x', expose: 'nope' }), { expose: 'nope is not defined in the services array' }],
    ['volume not external', installBody({ name: 'x', volumes: [{ name: 'data' }] }), { volumes: 'Only external volumes supported' }],
    [
      'external volume missing',
      installBody({ name: 'x', volumes: [{ name: 'data', external: 'nope' }] }),
      { volumes: 'External volume nope not found' },
    ],
    [
      'service errors nested by name',
      installBody({ name: 'x', expose: null, services: [{ name: 'app', image: 'nginx' }] }),
      { services: { app: { stateful: 'Stateful is required' } } },
    ],
    [
      'internal link to a missing service',
      installBody({
        name: 'x',
        expose: null,
        services: [{ name: 'app', image: 'nginx', stateful: false, links: [{ name: 'db', alias: 'db' }] }],
      }),
      { services: { app: { links: "Linked service 'db' does not exist" } } },
    ],
    [
      'cross-stack link to a missing stack',
      installBody({
        name: 'x',
        expose: null,
        services: [{ name: 'app', image: 'nginx', stateful: false, links: [{ name: 'nope/db', alias: 'db' }] }],
      }),
      { services: { app: { links: 'Link nope/db points to non-existing stack' } } },
    ],
  ];
  it.each(invalid)('422 for %s, and nothing is created', async (_name, body, error) => {
    t = await createTestMaster({ live: false });
    const before = arr(obj((await t.api('GET', '/v1/grids/staging/services')).body).services).length;
    const res = await t.api('POST', '/v1/grids/staging/stacks', { body });
    expect([res.status, res.body]).toEqual([422, { error }]);
    expect(arr(obj((await t.api('GET', '/v1/grids/staging/services')).body).services)).toHaveLength(before);
    expect((await t.api('GET', '/v1/stacks/staging/x')).status).toBe(404);
  });

  it('answers 500 for a nested service error (G3.3 quirk)', async () => {
    t = await createTestMaster({ live: false });
    const body = installBody({ name: 'x', services: [{ name: 'app', image: 'nginx', stateful: false, ports: [{ node_port: 'a' }] }] });
    expect((await t.api('POST', '/v1/grids/staging/stacks', { body })).status).toBe(500);
  });
});

describe('PUT /v1/stacks/G/S', () => {
  it('saves a new revision, creates new services at once and drops old ones only at deploy', async () => {
    t = await createTestMaster();
    const created = obj((await t.api('POST', '/v1/grids/staging/stacks', { body: installBody({ name: 'blog' }) })).body);
    const base = installBody({ name: 'ignored' });
    const [wordpress] = arr(base.services).map(obj);
    const upgrade = {
      ...base,
      version: '0.4.0',
      services: [
        { ...wordpress, links: [] },
        { name: 'cache', image: 'redis:3.2', stateful: false },
      ],
    };
    const res = await t.api('PUT', '/v1/stacks/staging/blog', { body: upgrade });
    expect(res.status).toBe(200);
    const s = obj(res.body);
    expect(Object.keys(s)).toEqual(STACK_KEYS);
    // The revision is a dup of the previous one: updated_at stays (G3.4 quirk).
    expect(s).toMatchObject({ name: 'blog', version: '0.4.0', revision: 2, updated_at: created.updated_at });
    expect(arr(s.services).map((x) => [obj(x).name, obj(x).state])).toEqual([
      ['mysql', 'initialized'],
      ['wordpress', 'initialized'],
      ['cache', 'initialized'],
    ]);
    // Existing services are not changed by the PUT.
    expect(obj(arr(s.services)[1]).links).toHaveLength(1);

    const same = obj((await t.api('PUT', '/v1/stacks/staging/blog', { body: upgrade })).body);
    expect(same.revision).toBe(2);

    const d = obj((await t.api('POST', '/v1/stacks/staging/blog/deploy', { body: {} })).body);
    await t.clock.advanceAsync(20_000, 250);
    const status = obj((await t.api('GET', `/v1/stacks/staging/blog/deploys/${String(d.id)}`)).body);
    expect([status.state, arr(status.service_deploys).map((x) => obj(x).reason)]).toEqual(['success', [null, null]]);
    const after = await stackState('/v1/stacks/staging/blog');
    expect(arr(after.services).map((x) => [obj(x).name, obj(x).state, obj(x).stack_revision])).toEqual([
      ['wordpress', 'running', 2],
      ['cache', 'running', 2],
    ]);
    expect(obj(arr(after.services)[0]).links).toEqual([]);
    expect((await t.api('GET', '/v1/services/staging/blog/mysql')).status).toBe(404);
  });

  const cases: [string, string, Record<string, unknown>, number, unknown][] = [
    ['unknown stack', '/v1/stacks/staging/nope', installBody(), 404, {}],
    ['the null stack', '/v1/stacks/staging/null', installBody(), 422, { error: { stack: 'Cannot update null stack' } }],
    [
      'no services',
      '/v1/stacks/staging/wordpress',
      installBody({ services: [] }),
      422,
      { error: { services: 'stack does not specify any services' } },
    ],
    [
      'missing source',
      '/v1/stacks/staging/wordpress',
      installBody({ source: undefined }),
      422,
      { error: { source: 'Source is required' } },
    ],
    [
      'a service error',
      '/v1/stacks/staging/wordpress',
      installBody({ services: [{ name: 'mysql', image: 'mariadb', strategy: 'x' }] }),
      422,
      { error: { services: { mysql: { strategy: 'Strategy not supported' } } } },
    ],
  ];
  it.each(cases)('%s', async (_name, path, body, status, answer) => {
    t = await createTestMaster({ live: false });
    const res = await t.api('PUT', path, { body });
    expect([res.status, res.body]).toEqual([status, answer]);
  });
});

describe('stack show, deploy status, remove', () => {
  it('shows the demo stacks with their revisions and the null stack as G3.2 says', async () => {
    t = await createTestMaster({ live: false });
    const list = arr(obj((await t.api('GET', '/v1/grids/production/stacks')).body).stacks).map(obj);
    expect(list.map((s) => [s.name, s.stack, s.revision, s.state])).toEqual([
      ['shop', 'myorg/shop', 4, 'running'],
      ['monitoring', 'kontena/monitoring', 2, 'running'],
    ]);
    const nullStack = await stackState('/v1/stacks/production/null');
    expect(Object.keys(nullStack)).toEqual(STACK_KEYS);
    expect(nullStack).toMatchObject({ revision: 1, updated_at: null, stack: null, version: null, state: 'partially_running' });
  });

  it('redeploys a demo stack from its latest revision', async () => {
    t = await createTestMaster();
    const d = obj((await t.api('POST', '/v1/stacks/production/monitoring/deploy', { body: {} })).body);
    await t.clock.advanceAsync(30_000, 500);
    const done = obj((await t.api('GET', `/v1/stacks/production/monitoring/deploys/${String(d.id)}`)).body);
    expect(done.state).toBe('success');
    expect(arr(done.service_deploys).map((x) => obj(x).service_id)).toEqual([
      'production/monitoring/prometheus',
      'production/monitoring/node-exporter',
      'production/monitoring/grafana',
      'production/monitoring/alertmanager',
    ]);
  });

  const cases: [string, string, string, number, unknown][] = [
    ['deploy through any action segment (quirk)', 'POST', '/v1/stacks/staging/wordpress/anything', 200, undefined],
    ['POST with no action segment', 'POST', '/v1/stacks/staging/wordpress', 404, undefined],
    ['deploys without an id', 'GET', '/v1/stacks/staging/wordpress/deploys', 404, undefined],
    ['unknown deploy', 'GET', '/v1/stacks/staging/wordpress/deploys/0123456789abcdef01234567', 404, { error: 'Not found' }],
    ['unknown stack', 'GET', '/v1/stacks/staging/nope', 404, {}],
    ['deploy unknown stack', 'POST', '/v1/stacks/staging/nope/deploy', 404, {}],
    ['unknown grid', 'GET', '/v1/stacks/nope/wordpress', 404, { error: 'Not found' }],
    ['deploy the null stack', 'POST', '/v1/stacks/staging/null/deploy', 422, { error: { stack: 'Cannot deploy null stack' } }],
    ['delete the null stack', 'DELETE', '/v1/stacks/staging/null', 422, { error: { stack: 'Cannot delete default stack' } }],
    ['delete unknown stack', 'DELETE', '/v1/stacks/staging/nope', 404, {}],
  ];
  it.each(cases)('%s', async (_name, method, path, status, body) => {
    t = await createTestMaster({ live: false });
    const res = await t.api(method, path, { body: method === 'POST' ? {} : undefined });
    expect(res.status).toBe(status);
    if (body === undefined && status === 404) expect(res.text).toBe('');
    else if (body !== undefined) expect(res.body).toEqual(body);
    else expect(Object.keys(obj(res.body))).toEqual(DEPLOY_KEYS);
  });

  it('refuses to remove a stack linked from another stack, and removes others in the background', async () => {
    t = await createTestMaster();
    await t.api('POST', '/v1/grids/staging/stacks', { body: installBody({ name: 'blog' }) });
    const linker = installBody({
      name: 'linker',
      expose: null,
      services: [{ name: 'app', image: 'nginx', stateful: false, links: [{ name: 'blog/mysql', alias: 'db' }] }],
    });
    expect((await t.api('POST', '/v1/grids/staging/stacks', { body: linker })).status).toBe(201);
    const refused = await t.api('DELETE', '/v1/stacks/staging/blog');
    expect([refused.status, refused.body]).toEqual([
      422,
      { error: { service: 'Cannot delete service that is linked from another stack (linker/app)' } },
    ]);

    expect((await t.api('DELETE', '/v1/stacks/staging/linker')).body).toEqual({});
    // Until the worker is done the stack still answers.
    expect((await t.api('GET', '/v1/stacks/staging/linker')).status).toBe(200);
    await t.clock.advanceAsync(5_000, 250);
    const gone = await t.api('GET', '/v1/stacks/staging/linker');
    expect([gone.status, gone.body]).toEqual([404, {}]);
    expect((await t.api('GET', '/v1/services/staging/linker/app')).status).toBe(404);
    expect((await t.api('DELETE', '/v1/stacks/staging/blog')).status).toBe(200);
  });
});

describe('services deployed through their dependencies (G3.5 step 3)', () => {
  it('skips a service with volumes_from in the stack run; the deploy of what it leans on brings it along', async () => {
    t = await createTestMaster();
    const body = installBody({
      name: 'backed',
      expose: null,
      services: [
        { name: 'db', image: 'postgres:9.6', stateful: true, links: [] },
        { name: 'backup', image: 'alpine:3.5', stateful: false, volumes_from: ['db-%s'], links: [] },
      ],
    });
    expect((await t.api('POST', '/v1/grids/staging/stacks', { body })).status).toBe(201);
    const d = obj((await t.api('POST', '/v1/stacks/staging/backed/deploy', { body: {} })).body);
    await t.clock.advanceAsync(30_000, 250);
    const done = obj((await t.api('GET', `/v1/stacks/staging/backed/deploys/${String(d.id)}`)).body);
    expect(done.state).toBe('success');
    // Only db's deploy belongs to the stack deploy …
    expect(arr(done.service_deploys).map((x) => obj(x).service_id)).toEqual(['staging/backed/db']);
    // … and backup was deployed after it, by the service deploy worker.
    const backup = obj((await t.api('GET', '/v1/services/staging/backed/backup')).body);
    expect(backup.state).toBe('running');
    const containers = arr(obj((await t.api('GET', '/v1/services/staging/backed/backup/containers')).body).containers);
    expect(containers).toHaveLength(1);
  });
});

describe('stack work in a restored world', () => {
  async function restored(): Promise<TestMaster> {
    const world = structuredClone(t.master.capture());
    t.master.dispose();
    const master = createSimulatedMaster({ clock: t.clock, restore: world });
    const token = t.token;
    return { master, clock: t.clock, token, api: (method, path, opts = {}) => send(master, method, path, { ...opts, token }) };
  }

  it('a stack deploy saved midway goes on with the next service', async () => {
    t = await createTestMaster();
    await t.api('POST', '/v1/grids/staging/stacks', { body: installBody({ name: 'blog' }) });
    const d = obj((await t.api('POST', '/v1/stacks/staging/blog/deploy', { body: {} })).body);
    await t.clock.advanceAsync(2_000, 250);
    t = await restored();
    const path = `/v1/stacks/staging/blog/deploys/${String(d.id)}`;
    expect(obj((await t.api('GET', path)).body).state).toBe('ongoing');
    await t.clock.advanceAsync(30_000, 250);
    const done = obj((await t.api('GET', path)).body);
    expect(arr(done.service_deploys).map((x) => [obj(x).service_id, obj(x).state])).toEqual([
      ['staging/blog/mysql', 'success'],
      ['staging/blog/wordpress', 'success'],
    ]);
    expect(done.state).toBe('success');
  });

  it('a stack deploy saved before it was picked up runs', async () => {
    t = await createTestMaster();
    await t.api('POST', '/v1/grids/staging/stacks', { body: installBody({ name: 'blog' }) });
    const d = obj((await t.api('POST', '/v1/stacks/staging/blog/deploy', { body: {} })).body);
    t = await restored();
    await t.clock.advanceAsync(30_000, 250);
    expect(obj((await t.api('GET', `/v1/stacks/staging/blog/deploys/${String(d.id)}`)).body).state).toBe('success');
  });

  it('a removal saved before the worker finished still removes the stack', async () => {
    t = await createTestMaster();
    await t.api('POST', '/v1/grids/staging/stacks', { body: installBody({ name: 'blog' }) });
    expect((await t.api('DELETE', '/v1/stacks/staging/blog')).status).toBe(200);
    t = await restored();
    expect((await t.api('GET', '/v1/stacks/staging/blog')).status).toBe(200);
    await t.clock.advanceAsync(5_000, 250);
    expect((await t.api('GET', '/v1/stacks/staging/blog')).status).toBe(404);
    expect((await t.api('GET', '/v1/services/staging/blog/mysql')).status).toBe(404);
  });
});

describe('a service deploy brings along its dependants (GridServiceDeployWorker)', () => {
  it('deploys the services with volumes_from db-%s or affinity service==db after db, and no other', async () => {
    t = await createTestMaster();
    const create = (body: Record<string, unknown>) => t.api('POST', '/v1/grids/staging/services', { body: { stateful: false, ...body } });
    expect((await create({ name: 'db', image: 'postgres:9.6' })).status).toBe(201);
    expect((await create({ name: 'backup', image: 'alpine:3.5', volumes_from: ['db-%s'] })).status).toBe(201);
    expect((await create({ name: 'near', image: 'alpine:3.5', affinity: ['service==db'] })).status).toBe(201);
    expect((await create({ name: 'apart', image: 'alpine:3.5', affinity: ['service==dbx'] })).status).toBe(201);
    expect((await t.api('POST', '/v1/services/staging/null/db/deploy', { body: {} })).status).toBe(200);
    await t.clock.advanceAsync(30_000, 250);
    const states = await Promise.all(
      ['db', 'backup', 'near', 'apart'].map(async (name) => obj((await t.api('GET', `/v1/services/staging/null/${name}`)).body).state),
    );
    expect(states).toEqual(['running', 'running', 'running', 'initialized']);
  });
});
