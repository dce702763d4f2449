import { describe, expect, it } from 'vitest';
import type { ServiceCreateBody, ServiceUpdateBody } from '../../api/schemas/requests/service-body';
import { parseCommandLine } from '../../lib/cli-command';
import { canonicalCreateBody, canonicalUpdateBody } from '../../lib/options/canonical-body';
import type { ServiceCreateBody as LibCreateBody, ServiceUpdateBody as LibUpdateBody } from '../../lib/options/service-body';
import { describeChanges } from './describe-changes';
import { cliCommand } from './form-cli-command';
import { formFromService } from './form-from-service';
import { createBody, updateBody } from './form-to-body';
import { emptyServiceForm, type ServiceForm } from './service-form-model';
import { everyOptionForm, storedService } from '../../../test/features/service-form/test-fixtures';
import { validateServiceForm } from './validate-form';

const form = (patch: Partial<ServiceForm>): ServiceForm => ({ ...emptyServiceForm(), name: 'web', image: 'nginx:1', ...patch });

describe('createBody', () => {
  const cases: [string, Partial<ServiceForm>, ServiceCreateBody][] = [
    [
      'the least: name and image (the CLI’s :latest added)',
      { image: 'nginx' },
      { name: 'web', image: 'nginx:latest', stateful: false, privileged: false },
    ],
    [
      'defaults are not sent (bridge, ha, empty lists, blank rows)',
      { ports: [{ value: ' ' }], env: [{ key: '', value: '' }], netMode: 'bridge', strategy: 'ha', logOpts: [{ key: '', value: '' }] },
      { name: 'web', image: 'nginx:1', stateful: false, privileged: false },
    ],
    [
      'memory units, cpu shares and instances as numbers',
      { memory: '512m', memorySwap: '1G', cpuShares: '0', instances: '0' },
      {
        name: 'web',
        image: 'nginx:1',
        stateful: false,
        privileged: false,
        instances: 0,
        cpu_shares: 0,
        memory: 536870912,
        memory_swap: 1073741824,
      },
    ],
    [
      'ports with their defaults, links with the alias defaulting to the target',
      { ports: [{ value: '80:8080' }], links: [{ target: 'shop/db', alias: '' }] },
      {
        name: 'web',
        image: 'nginx:1',
        stateful: false,
        privileged: false,
        ports: [{ ip: '0.0.0.0', node_port: 80, container_port: 8080, protocol: 'tcp' }],
        links: [{ name: 'shop/db', alias: 'shop/db' }],
      },
    ],
    [
      'only the deploy options given',
      { deployMinHealth: '0.25', deployInterval: '0' },
      { name: 'web', image: 'nginx:1', stateful: false, privileged: false, deploy_opts: { min_health: 0.25 } },
    ],
    [
      'a tcp health check with only its port',
      { healthCheck: { protocol: 'tcp', port: '5432', uri: '/ignored', timeout: '', interval: '', initialDelay: '' } },
      { name: 'web', image: 'nginx:1', stateful: false, privileged: false, health_check: { port: 5432, protocol: 'tcp' } },
    ],
    [
      'net container and host mode',
      { netMode: 'container', netContainer: 'db-%s' },
      { name: 'web', image: 'nginx:1', stateful: false, privileged: false, net: 'container:db-%s' },
    ],
  ];

  it.each(cases)('%s', (_label, patch, body) => {
    expect(createBody(form(patch))).toStrictEqual(body);
  });

  it('sends every option of the form with every option', () => {
    expect(createBody(everyOptionForm())).toStrictEqual({
      name: 'form-every',
      image: 'nginx:1.13',
      stateful: false,
      instances: 2,
      cmd: ['nginx', '-g', 'daemon off;'],
      entrypoint: '/docker-entrypoint.sh',
      user: 'www-data',
      ports: [
        { ip: '0.0.0.0', node_port: 8080, container_port: 80, protocol: 'tcp' },
        { ip: '127.0.0.1', node_port: 5353, container_port: 53, protocol: 'udp' },
      ],
      links: [
        { name: 'redis', alias: 'cache' },
        { name: 'shop/postgres', alias: 'shop/postgres' },
      ],
      volumes: ['/data', '/var/log:/host-log:ro', 'form-vol:/srv'],
      volumes_from: ['data-%s'],
      env: ['A=1', 'MSG=hello world'],
      secrets: [{ secret: 'DB_PASSWORD', name: 'DATABASE_PASSWORD' }],
      cpu_shares: 512,
      memory: 536870912,
      memory_swap: 1073741824,
      privileged: true,
      cap_add: ['NET_ADMIN'],
      cap_drop: ['MKNOD'],
      pid: 'host',
      devices: ['/dev/fuse'],
      log_driver: 'syslog',
      log_opts: { tag: 'web' },
      strategy: 'random',
      deploy_opts: { wait_for_port: 80, min_health: 0.5, interval: 3600 },
      affinity: ['label==az=a'],
      health_check: { port: 80, protocol: 'http', uri: '/health', timeout: 5, interval: 30, initial_delay: 15 },
      hooks: { post_start: [{ name: 'warm', cmd: 'curl -s localhost/warm', instances: '*', oneshot: true }] },
    });
  });

  it('produces the api’s body type, which the lib’s CLI helpers take as is', () => {
    const body: ServiceCreateBody = createBody(everyOptionForm());
    const forLib: LibCreateBody = body;
    const update: ServiceUpdateBody = updateBody(storedService(), formFromService(storedService()));
    const updateForLib: LibUpdateBody = update;
    expect([forLib.name, updateForLib]).toEqual(['form-every', {}]);
  });
});

describe('validateServiceForm (create): each rule of the CLI and the master, at its field', () => {
  const create = { mode: 'create' as const, secretNames: ['DB_PASSWORD'] };
  const cases: [string, Partial<ServiceForm>, string, string][] = [
    ['name required', { name: '' }, 'name', 'Name is required'],
    ['name format', { name: '-web' }, 'name', "Name isn't in the right format"],
    ['image required', { image: ' ' }, 'image', 'Image is required'],
    ['instances integer', { instances: 'two' }, 'instances', "Instances isn't an integer"],
    ['port without node port', { ports: [{ value: '80' }] }, 'ports.0.value', 'Invalid port value 80'],
    ['port protocol', { ports: [{ value: '80:80' }, { value: '53:53/sctp' }] }, 'ports.1.value', "Invalid protocol 'sctp'"],
    ['port range', { ports: [{ value: '70000:80' }] }, 'ports.0.value', 'Node port must be a port number from 1 to 65535'],
    ['memory b unit', { memory: '512b' }, 'memory', 'no b unit'],
    ['memory -1', { memorySwap: '-1' }, 'memorySwap', 'does not accept negative values'],
    ['memory garbage', { memory: '1.5g' }, 'memory', 'Invalid memory value: 1.5g'],
    ['cpu shares too big', { cpuShares: '1025' }, 'cpuShares', 'Cpu Shares is too big'],
    ['cpu shares too small', { cpuShares: '-1' }, 'cpuShares', 'Cpu Shares is too small'],
    ['min health above 1', { deployMinHealth: '1.5' }, 'deployMinHealth', 'Min health must be a number from 0.0 to 1.0'],
    ['min health not a number', { deployMinHealth: 'most' }, 'deployMinHealth', 'Min health must be a number from 0.0 to 1.0'],
    ['wait for port', { deployWaitForPort: '0' }, 'deployWaitForPort', 'Wait for port must be a port number'],
    ['interval 10m means seconds to the CLI', { deployInterval: '10m' }, 'deployInterval', 'write 10min for minutes'],
    [
      'stateful with volumes from',
      { stateful: true, volumesFrom: [{ value: 'data-%s' }] },
      'volumesFrom.root',
      'Cannot combine stateful & volumes_from',
    ],
    ['volume format', { volumes: [{ value: 'data' }] }, 'volumes.0.value', "Volume definition 'data' not in right format"],
    ['env without a name', { env: [{ key: '', value: 'x' }] }, 'env.0.key', "the name before '=' is empty"],
    ['env name with =', { env: [{ key: 'A=B', value: 'x' }] }, 'env.0.key', 'a name cannot contain ='],
    ['link without a target', { links: [{ target: '', alias: 'db' }] }, 'links.0.target', 'Pick the service to link to'],
    ['link alias', { links: [{ target: 'db', alias: '-x' }] }, 'links.0.alias', "Invalid link alias '-x'"],
    ['secret not in the vault', { secrets: [{ secret: 'NOPE', name: 'X' }] }, 'secrets.0.secret', 'Secret NOPE does not exist'],
    ['secret without a variable', { secrets: [{ secret: 'DB_PASSWORD', name: '' }] }, 'secrets.0.name', 'Give the environment variable'],
    [
      'affinity form',
      { affinity: [{ subject: '', operator: '==', value: 'somewhere' }] },
      'affinity.0.value',
      "Invalid affinity 'somewhere'",
    ],
    ['capability form', { capAdd: [{ value: 'NET ADMIN' }] }, 'capAdd.0.value', "Invalid capability 'NET ADMIN'"],
    ['net container without a name', { netMode: 'container' }, 'netContainer', 'Give the container'],
    ['log opt without a value', { logOpts: [{ key: 'max-size', value: '' }] }, 'logOpts.0.value', 'Log option max-size needs a value'],
    ['log opt without a key', { logOpts: [{ key: '', value: '1m' }] }, 'logOpts.0.key', 'Give the log option’s name'],
    [
      'health check without a port',
      { healthCheck: { protocol: 'http', port: '', uri: '', timeout: '', interval: '', initialDelay: '' } },
      'healthCheck.port',
      'Give the port',
    ],
    [
      'health check interval below timeout',
      { healthCheck: { protocol: 'http', port: '80', uri: '', timeout: '10', interval: '5', initialDelay: '' } },
      'healthCheck.interval',
      'Interval has to be bigger than timeout',
    ],
    [
      'health check interval below the default timeout',
      { healthCheck: { protocol: 'tcp', port: '80', uri: '', timeout: '', interval: '9', initialDelay: '' } },
      'healthCheck.interval',
      'Interval has to be bigger than timeout',
    ],
    [
      'health check uri',
      { healthCheck: { protocol: 'http', port: '80', uri: '/a b', timeout: '', interval: '', initialDelay: '' } },
      'healthCheck.uri',
      'a URI has no spaces',
    ],
    [
      'hook instances',
      { hooks: [{ name: 'x', cmd: 'y', instances: 'all', oneshot: false }] },
      'hooks.0.instances',
      "Invalid instances 'all'",
    ],
    ['hook without a command', { hooks: [{ name: 'x', cmd: '', instances: '*', oneshot: false }] }, 'hooks.0.cmd', "Cmd can't be blank"],
    ['device form', { devices: [{ value: 'fuse' }] }, 'devices.0.value', "Invalid device 'fuse'"],
    ['cmd quoting', { cmd: 'sh -c "echo' }, 'cmd', ''],
  ];

  it.each(cases)('%s', (_label, patch, path, message) => {
    const { errors } = validateServiceForm(form(patch), create);
    expect(errors.map((e) => e.path)).toEqual([path]);
    expect(errors[0]?.message).toContain(message);
  });

  it('accepts the form with every option', () => {
    expect(validateServiceForm(everyOptionForm(), create)).toEqual({ errors: [], warnings: [] });
  });

  it.each<[string, Partial<ServiceForm>, string, string]>([
    ['a non-portable env name', { env: [{ key: 'my-var', value: '1' }] }, 'env.0.key', 'not a portable variable name'],
    [
      'a repeated env name',
      {
        env: [
          { key: 'A', value: '1' },
          { key: 'A', value: '2' },
        ],
      },
      'env.1.key',
      'A is already set in row 1',
    ],
    ['an unknown capability', { capDrop: [{ value: 'FLY' }] }, 'capDrop.0.value', 'not a known Linux capability'],
    ['swap below memory', { memory: '1g', memorySwap: '512m' }, 'memorySwap', 'Docker refuses a value below Memory'],
    ['an uppercase repository', { image: 'MyOrg/app:1' }, 'image', 'Docker repository names are lowercase'],
  ])('warns, without blocking, about %s', (_label, patch, path, message) => {
    const check = validateServiceForm(form(patch), create);
    expect(check.errors).toEqual([]);
    expect(check.warnings.map((w) => w.path)).toEqual([path]);
    expect(check.warnings[0]?.message).toContain(message);
  });
});

describe('updateBody', () => {
  const service = storedService();
  const edit = (patch: Partial<ServiceForm>): ServiceForm => ({ ...formFromService(service), ...patch });
  const cases: [string, Partial<ServiceForm>, ServiceUpdateBody][] = [
    ['nothing touched', {}, {}],
    ['the image', { image: 'myorg/api:2.5' }, { image: 'myorg/api:2.5' }],
    ['memory written another way is no change', { memory: '536870912' }, {}],
    ['memory', { memory: '1g' }, { memory: 1073741824 }],
    ['instances', { instances: '5' }, { instances: 5 }],
    ['cmd cleared: back to the image’s command', { cmd: '' }, { cmd: [] }],
    [
      'a port added: the whole list',
      { ports: [{ value: '8080:8080' }, { value: '9090:9090' }] },
      {
        ports: [
          { ip: '0.0.0.0', node_port: 8080, container_port: 8080, protocol: 'tcp' },
          { ip: '0.0.0.0', node_port: 9090, container_port: 9090, protocol: 'tcp' },
        ],
      },
    ],
    ['every port removed', { ports: [] }, { ports: [] }],
    [
      'an env value emptied: the master keeps it, so no change',
      {
        env: [
          { key: 'NODE_ENV', value: 'production' },
          { key: 'PORT', value: '' },
        ],
      },
      {},
    ],
    [
      'env changed: the whole list, K= included',
      {
        env: [
          { key: 'NODE_ENV', value: 'staging' },
          { key: 'PORT', value: '' },
        ],
      },
      { env: ['NODE_ENV=staging', 'PORT='] },
    ],
    ['min health: deploy_opts whole', { deployMinHealth: '0.5' }, { deploy_opts: { min_health: 0.5, wait_for_port: 8080 } }],
    ['deploy options back to the defaults', { deployMinHealth: '', deployWaitForPort: '' }, { deploy_opts: { min_health: 0.8 } }],
    ['min health written as 0.80 is no change', { deployMinHealth: '0.80' }, {}],
    [
      'health check timeout: the health check whole',
      { healthCheck: { protocol: 'http', port: '8080', uri: '/health', timeout: '10', interval: '30', initialDelay: '15' } },
      { health_check: { port: 8080, protocol: 'http', uri: '/health', timeout: 10, interval: 30, initial_delay: 15 } },
    ],
    [
      'health check removed',
      { healthCheck: { protocol: '', port: '8080', uri: '/health', timeout: '5', interval: '30', initialDelay: '15' } },
      { health_check: { port: null, protocol: null } },
    ],
    ['privileged left alone: not sent', { privileged: 'keep' }, {}],
    ['privileged turned off', { privileged: 'off' }, { privileged: false }],
    ['privileged turned on', { privileged: 'on' }, { privileged: true }],
    ['devices replaced', { replaceDevices: true, devices: [{ value: '/dev/fuse' }] }, { devices: ['/dev/fuse'] }],
    ['devices typed but not to be replaced', { devices: [{ value: '/dev/fuse' }] }, {}],
    ['devices cleared', { replaceDevices: true }, { devices: [] }],
    ['a link alias', { links: [{ target: 'redis', alias: 'cache' }] }, { links: [{ name: 'redis', alias: 'cache' }] }],
    ['a secret renamed', { secrets: [{ secret: 'DB_PASSWORD', name: 'DB_PW' }] }, { secrets: [{ secret: 'DB_PASSWORD', name: 'DB_PW' }] }],
    [
      'log opts',
      {
        logOpts: [
          { key: 'max-size', value: '10m' },
          { key: 'max-file', value: '3' },
        ],
      },
      { log_opts: { 'max-size': '10m', 'max-file': '3' } },
    ],
    ['log opts cleared', { logOpts: [] }, { log_opts: {} }],
    ['the strategy', { strategy: 'daemon' }, { strategy: 'daemon' }],
    ['net host', { netMode: 'host' }, { net: 'host' }],
    ['affinity', { affinity: [] }, { affinity: [] }],
    [
      'hooks with their instances given again',
      { hooks: [{ name: 'migrate', cmd: 'npm run migrate', instances: '1', oneshot: true }] },
      {
        hooks: { post_start: [{ name: 'migrate', cmd: 'npm run migrate', instances: '1', oneshot: true }] },
      },
    ],
    ['the create-only fields are never sent', { name: 'other', stateful: true, entrypoint: '/x', pid: true }, {}],
    ['user set', { user: 'node' }, { user: 'node' }],
    ['cap add', { capAdd: [{ value: 'SYS_TIME' }] }, { cap_add: ['SYS_TIME'] }],
  ];

  it.each(cases)('%s', (_label, patch, body) => {
    const next = edit(patch);
    expect(validateServiceForm(next, { mode: 'update', original: service }).errors).toEqual([]);
    expect(updateBody(service, next)).toStrictEqual(body);
  });

  it.each<[string, Partial<ServiceForm>, string, string]>([
    ['memory emptied', { memory: '' }, 'memory', 'cannot be emptied by an update'],
    ['log driver emptied', { logDriver: '' }, 'logDriver', 'cannot be emptied by an update'],
    [
      'a known hook without its instances',
      { hooks: [{ name: 'migrate', cmd: 'npm run migrate --force', instances: '', oneshot: true }] },
      'hooks.0.instances',
      'does not return a hook’s instances',
    ],
  ])('refuses %s', (_label, patch, path, message) => {
    const { errors } = validateServiceForm(edit(patch), { mode: 'update', original: service });
    expect(errors.map((e) => e.path)).toEqual([path]);
    expect(errors[0]?.message).toContain(message);
  });

  it('follows the stateful rules of the stored service', () => {
    const db = storedService({ stateful: true, volumes: ['/data'] });
    const ctx = { mode: 'update' as const, original: db };
    const base = formFromService(db);
    const anonymous = validateServiceForm({ ...base, volumes: [{ value: '/data' }, { value: '/more' }] }, ctx);
    expect(anonymous.errors).toEqual([
      { path: 'volumes.root', message: 'Adding a non-named volume is not supported to a stateful service' },
    ]);
    const named = validateServiceForm({ ...base, volumes: [{ value: '/data' }, { value: 'more:/more' }] }, ctx);
    expect(named.errors).toEqual([]);
    const from = validateServiceForm({ ...base, volumesFrom: [{ value: 'x-%s' }] }, ctx);
    expect(from.errors).toEqual([{ path: 'volumesFrom.root', message: 'Cannot combine stateful & volumes_from' }]);
  });

  it('does not check what the user did not touch', () => {
    const odd = storedService({ affinity: ['whatever'], env: ['BROKEN'] });
    expect(validateServiceForm(formFromService(odd), { mode: 'update', original: odd }).errors).toEqual([]);
    expect(updateBody(odd, { ...formFromService(odd), image: 'a:1' })).toEqual({ image: 'a:1' });
  });

  it('warns when an emptied env value will be kept', () => {
    const check = validateServiceForm(
      edit({
        env: [
          { key: 'NODE_ENV', value: 'staging' },
          { key: 'PORT', value: '' },
        ],
      }),
      { mode: 'update', original: service },
    );
    expect(check.warnings).toEqual([{ path: 'env.1.value', message: expect.stringContaining('PORT keeps its current value') as unknown }]);
  });
});

describe('round trips', () => {
  it('service → form → create body describes the same service', () => {
    const service = storedService({ hooks: [] });
    const body = createBody({ ...formFromService(service), privileged: 'off' });
    expect(body).toMatchObject({
      name: 'api',
      image: service.image,
      instances: 3,
      cmd: service.cmd,
      ports: service.ports,
      env: service.env,
      secrets: [{ secret: 'DB_PASSWORD', name: 'DATABASE_PASSWORD' }],
      links: [{ name: 'redis', alias: 'redis' }],
      memory: service.memory,
      memory_swap: service.memory_swap,
      cpu_shares: service.cpu_shares,
      log_driver: 'json-file',
      log_opts: service.log_opts,
      deploy_opts: { wait_for_port: 8080, min_health: 0.8 },
      affinity: service.affinity,
      health_check: { port: 8080, protocol: 'http', uri: '/health', timeout: 5, interval: 30, initial_delay: 15 },
    });
  });

  it('service → form → update body is empty', () => {
    for (const service of [
      storedService(),
      storedService({ health_check: undefined, net: 'container:x-%s', cmd: null, user: 'u', pid: 'host' }),
    ]) {
      expect(updateBody(service, formFromService(service))).toEqual({});
    }
  });

  const createForms: [string, ServiceForm][] = [
    ['the least', form({})],
    ['every CLI option', { ...everyOptionForm(), entrypoint: '', devices: [], hooks: [] }],
    ['odd values', form({ env: [{ key: 'Q', value: `it's "x" $HOME` }], cmd: `sh -c 'echo "a b"'`, deployInterval: '45', memory: '1000' })],
  ];

  it.each(createForms)('create, %s: form → CLI line → the same body', (_label, f) => {
    const rendered = cliCommand(f, { mode: 'create', grid: 'production' });
    expect(rendered.notExpressible).toEqual([]);
    const parsed = parseCommandLine(rendered.line);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.kind).toBe('create');
    expect(parsed.grid).toBe('production');
    expect(canonicalCreateBody(parsed.body as LibCreateBody)).toStrictEqual(canonicalCreateBody(createBody(f)));
  });

  it('create: says what the CLI cannot send, and the rest still round-trips', () => {
    const f = everyOptionForm();
    const rendered = cliCommand(f, { mode: 'create', grid: 'production' });
    expect(rendered.notExpressible.map((line) => line.split(':')[0])).toEqual(['entrypoint', 'hooks', 'devices']);
    const parsed = parseCommandLine(rendered.line);
    if ('error' in parsed || parsed.kind !== 'create') throw new Error('not a create line');
    const { entrypoint: _e, hooks: _h, devices: _d, ...expressible } = createBody(f);
    expect(canonicalCreateBody(parsed.body)).toStrictEqual(canonicalCreateBody(expressible));
  });

  const service = storedService();
  const updates: [string, Partial<ServiceForm>][] = [
    ['nothing', {}],
    ['image and memory', { image: 'myorg/api:2.5', memory: '1g' }],
    [
      'env with a kept value',
      {
        env: [
          { key: 'NODE_ENV', value: 'staging' },
          { key: 'PORT', value: '' },
        ],
      },
    ],
    ['deploy options', { deployMinHealth: '0.5', deployInterval: '30min' }],
    ['health check', { healthCheck: { protocol: 'tcp', port: '8080', uri: '', timeout: '', interval: '', initialDelay: '' } }],
    ['health check removed', { healthCheck: { ...formFromService(service).healthCheck, protocol: '' } }],
    [
      'lists',
      {
        ports: [{ value: '80:8080/udp' }],
        links: [{ target: 'redis', alias: 'cache' }],
        secrets: [{ secret: 'B', name: 'B_VAR' }],
        affinity: [{ subject: 'node', operator: '==', value: 'n1' }],
      },
    ],
    ['privileged on', { privileged: 'on', strategy: 'random', netMode: 'host', user: 'app' }],
  ];

  it.each(updates)('update, %s: form → CLI line → the same body', (_label, patch) => {
    const next = { ...formFromService(service), ...patch };
    const rendered = cliCommand(next, { mode: 'update', grid: 'production', original: service });
    expect(rendered.notExpressible).toEqual([]);
    const parsed = parseCommandLine(rendered.line);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.kind).toBe('update');
    expect(parsed.name).toBe('api');
    expect(canonicalUpdateBody(parsed.body)).toStrictEqual(canonicalUpdateBody(updateBody(service, next)));
  });

  it('update: says that the CLI cannot empty a list', () => {
    const rendered = cliCommand(
      { ...formFromService(service), ports: [], secrets: [] },
      { mode: 'update', grid: 'production', original: service },
    );
    expect(rendered.notExpressible).toEqual([
      'ports: the CLI cannot send an empty list (it sends ports only when -p is given)',
      'secrets: the CLI cannot send an empty list (it sends secrets only when --secret is given)',
    ]);
  });

  it('update: warns that the CLI line turns privileged off unless the form says on', () => {
    const keep = cliCommand({ ...formFromService(service), image: 'x:1' }, { mode: 'update', grid: 'production', original: service });
    expect(keep.warnings.join('\n')).toContain('also turns it off');
    const on = cliCommand({ ...formFromService(service), privileged: 'on' }, { mode: 'update', grid: 'production', original: service });
    expect(on.line).toContain('--privileged');
    expect(on.warnings.join('\n')).not.toContain('also turns it off');
  });

  it('update of a service in a stack names it stack/name', () => {
    const inStack = storedService({ id: 'production/shop/app', name: 'app', stack: { id: 'production/shop', name: 'shop' } });
    const rendered = cliCommand({ ...formFromService(inStack), instances: '4' }, { mode: 'update', grid: 'production', original: inStack });
    expect(rendered.line).toBe('kontena service update --grid production --instances 4 shop/app');
  });
});

describe('formFromService', () => {
  it('fills every input from the service, and leaves what the master does not return neutral', () => {
    const f = formFromService(storedService({ net: 'container:db-%s', pid: 'host' }));
    expect(f).toMatchObject({
      name: 'api',
      image: 'myorg/api:2.4.1',
      instances: '3',
      cmd: 'npm start',
      user: '',
      ports: [{ value: '8080:8080' }],
      netMode: 'container',
      netContainer: 'db-%s',
      links: [{ target: 'redis', alias: 'redis' }],
      env: [
        { key: 'NODE_ENV', value: 'production' },
        { key: 'PORT', value: '8080' },
      ],
      secrets: [{ secret: 'DB_PASSWORD', name: 'DATABASE_PASSWORD' }],
      memory: '512m',
      memorySwap: '1g',
      cpuShares: '512',
      privileged: 'keep',
      replaceDevices: false,
      devices: [],
      pid: true,
      logDriver: 'json-file',
      logOpts: [{ key: 'max-size', value: '10m' }],
      deployWaitForPort: '8080',
      deployMinHealth: '0.8',
      deployInterval: '',
      affinity: [{ subject: 'node', operator: '!=', value: 'prod-node-1' }],
      healthCheck: { protocol: 'http', port: '8080', uri: '/health', timeout: '5', interval: '30', initialDelay: '15' },
      hooks: [{ name: 'migrate', cmd: 'npm run migrate', instances: '', oneshot: true }],
    });
  });

  it('names links in other stacks stack/name and keeps unknown affinity text', () => {
    const f = formFromService(
      storedService({
        stack: { id: 'production/shop', name: 'shop' },
        links: [
          { id: 'production/shop/postgres', alias: 'db', name: 'postgres' },
          { id: 'production/null/redis', alias: 'redis', name: 'redis' },
        ],
        affinity: ['oddity'],
      }),
    );
    expect(f.links).toEqual([
      { target: 'postgres', alias: 'db' },
      { target: 'null/redis', alias: 'redis' },
    ]);
    expect(f.affinity).toEqual([{ subject: '', operator: '==', value: 'oddity' }]);
  });
});

describe('describeChanges', () => {
  const service = storedService();
  const edit = (patch: Partial<ServiceForm>): ServiceForm => ({ ...formFromService(service), ...patch });

  it('lists each changed field with before and after, the way the CLI writes values', () => {
    const changes = describeChanges(
      service,
      edit({ image: 'myorg/api:2.5', memory: '1g', ports: [{ value: '8080:8080' }, { value: '53:53/udp' }] }),
    );
    expect(changes.map((c) => [c.label, c.kind, c.before, c.after, c.removed, c.added])).toEqual([
      ['Image', 'scalar', ['myorg/api:2.4.1'], ['myorg/api:2.5'], ['myorg/api:2.4.1'], ['myorg/api:2.5']],
      ['Ports', 'list', ['8080:8080'], ['8080:8080', '53:53/udp'], [], ['53:53/udp']],
      ['Memory', 'scalar', ['512 MiB'], ['1 GiB'], ['512 MiB'], ['1 GiB']],
    ]);
  });

  it('shows the env the master will store, and says which values it keeps', () => {
    const [env] = describeChanges(
      service,
      edit({
        env: [
          { key: 'NODE_ENV', value: 'staging' },
          { key: 'PORT', value: '' },
        ],
      }),
    );
    expect(env?.after).toEqual(['NODE_ENV=staging', 'PORT=8080']);
    expect(env?.removed).toEqual(['NODE_ENV=production']);
    expect(env?.added).toEqual(['NODE_ENV=staging']);
    expect(env?.notes[0]).toContain('PORT keeps its current value');
  });

  it('says when a value cannot be known, and when an object is replaced whole', () => {
    const changes = describeChanges(service, edit({ privileged: 'off', deployMinHealth: '0.5' }));
    expect(changes.map((c) => c.label)).toEqual(['Privileged', 'Deploy options']);
    expect(changes[0]?.before).toEqual(['not known (the master does not return it)']);
    expect(changes[0]?.after).toEqual(['off']);
    expect(changes[1]?.removed).toEqual(['min health: 0.8']);
    expect(changes[1]?.added).toEqual(['min health: 0.5']);
    expect(changes[1]?.notes[0]).toContain('replaced as a whole');
  });

  it('is empty when nothing would change', () => {
    expect(describeChanges(service, edit({ memory: '536870912', deployMinHealth: '0.80' }))).toEqual([]);
  });
});
