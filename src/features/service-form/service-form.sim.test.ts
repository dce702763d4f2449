// The converters against the simulated master's Node door, through the real api client:
// what the form sends is what the master stores, read back field by field.
import { beforeAll, describe, expect, it } from 'vitest';
import { isApiError, type FieldErrors } from '../../api/errors';
import type { Service } from '../../api/schemas/service';
import type { ServiceCreateBody, ServiceUpdateBody } from '../../api/schemas/requests/service-body';
import { createService, getService, updateService } from '../../api/services';
import { setupSimulatorForApiTests } from '../../../test/app/simulator-api-setup';
import { formFromService } from './form-from-service';
import { createBody, updateBody } from './form-to-body';
import { mapFieldErrors } from './map-field-errors';
import { emptyServiceForm, type ServiceForm } from './service-form-model';
import { everyOptionForm } from '../../../test/features/service-form/test-fixtures';
import { validateServiceForm } from './validate-form';

const sim = setupSimulatorForApiTests();

const ref = (name: string) => ({ grid: 'production', stack: 'null', name });

async function masterError(call: Promise<unknown>): Promise<FieldErrors> {
  try {
    await call;
  } catch (error) {
    if (isApiError(error) && error.kind === 'validation' && error.fieldErrors !== null) return error.fieldErrors;
    throw error;
  }
  throw new Error('the master accepted it');
}

describe('create with every option, read back field by field', () => {
  it('stores what the form says', async () => {
    const form = everyOptionForm('form-sim-every');
    expect(validateServiceForm(form, { mode: 'create' }).errors).toEqual([]);
    // The form names the volume form-vol: the grid must have it, or the master makes the
    // mount anonymous (docs/kontena-api-grid.md G4).
    const volume = await sim
      .master()
      .api('POST', '/v1/volumes/production', { body: { name: 'form-vol', scope: 'instance', driver: 'local' } });
    expect(volume.status).toBe(201);
    const created = await createService('production', createBody(form));
    const back = formFromService(await getService(ref('form-sim-every')));
    expect(created.revision).toBe(1);
    // What the master never returns (privileged, devices, hook instances) starts neutral
    // on the edit form; links read back with their alias; cmd in the CLI's quoting.
    const expected: ServiceForm = {
      ...form,
      cmd: `nginx -g 'daemon off;'`,
      links: [
        { target: 'redis', alias: 'cache' },
        { target: 'shop/postgres', alias: 'shop/postgres' },
      ],
      privileged: 'keep',
      devices: [],
      hooks: [{ name: 'warm', cmd: 'curl -s localhost/warm', instances: '', oneshot: true }],
    };
    for (const key of Object.keys(expected) as (keyof ServiceForm)[]) {
      expect(back[key], key).toEqual(expected[key]);
    }
    // …and the edit form of the new service would send nothing.
    expect(updateBody(created, back)).toEqual({});
  });

  it('a minimal service gets the master’s defaults, which the edit form shows', async () => {
    await createService('production', createBody({ ...emptyServiceForm(), name: 'form-sim-min', image: 'busybox' }));
    const back = formFromService(await getService(ref('form-sim-min')));
    expect(back).toMatchObject({
      image: 'busybox:latest',
      instances: '1',
      strategy: 'ha',
      netMode: 'bridge',
      deployMinHealth: '0.8',
      healthCheck: { protocol: '' },
    });
  });
});

describe('update each option', () => {
  let current: Service;
  beforeAll(async () => {
    current = await createService('production', createBody({ ...everyOptionForm('form-sim-update'), volumesFrom: [] }));
  });

  const steps: [string, Partial<ServiceForm>, Partial<ServiceForm>?][] = [
    ['image', { image: 'nginx:1.14' }],
    ['instances', { instances: '4' }],
    ['cmd', { cmd: 'nginx -T' }],
    ['user', { user: 'nobody' }],
    ['ports', { ports: [{ value: '9090:90' }] }],
    ['net', { netMode: 'host' }],
    ['links', { links: [{ target: 'redis', alias: 'redis' }] }],
    ['volumes', { volumes: [{ value: '/data' }] }],
    ['volumes from', { volumesFrom: [{ value: 'other-%s' }] }],
    [
      'env',
      {
        env: [
          { key: 'A', value: '2' },
          { key: 'MSG', value: '' },
          { key: 'NEW', value: 'x' },
        ],
      },
      {
        env: [
          { key: 'A', value: '2' },
          { key: 'MSG', value: 'hello world' },
          { key: 'NEW', value: 'x' },
        ],
      },
    ],
    ['secrets', { secrets: [{ secret: 'SMTP_PASSWORD', name: 'SMTP_PASSWORD' }] }],
    ['cpu shares', { cpuShares: '100' }],
    ['memory', { memory: '256m' }],
    ['memory swap', { memorySwap: '2g' }],
    ['cap add', { capAdd: [{ value: 'SYS_TIME' }, { value: 'NET_ADMIN' }] }],
    ['cap drop', { capDrop: [] }],
    ['log driver', { logDriver: 'json-file' }],
    ['log opts', { logOpts: [{ key: 'max-size', value: '10m' }] }],
    ['strategy', { strategy: 'daemon' }],
    ['deploy options (sent whole)', { deployMinHealth: '0.9' }, { deployMinHealth: '0.9', deployWaitForPort: '80', deployInterval: '1h' }],
    [
      'deploy options back to defaults',
      { deployMinHealth: '', deployWaitForPort: '', deployInterval: '' },
      { deployMinHealth: '0.8', deployWaitForPort: '', deployInterval: '' },
    ],
    ['affinity', { affinity: [{ subject: 'node', operator: '!=', value: 'prod-node-1' }] }],
    [
      'health check (sent whole)',
      { healthCheck: { protocol: 'tcp', port: '81', uri: '', timeout: '', interval: '', initialDelay: '' } },
      { healthCheck: { protocol: 'tcp', port: '81', uri: '/', timeout: '10', interval: '60', initialDelay: '10' } },
    ],
    ['health check removed', { healthCheck: { protocol: '', port: '', uri: '', timeout: '', interval: '', initialDelay: '' } }],
    [
      'hooks',
      { hooks: [{ name: 'warm', cmd: 'true', instances: '1,2', oneshot: false }] },
      { hooks: [{ name: 'warm', cmd: 'true', instances: '', oneshot: false }] },
    ],
  ];

  it.each(steps)('%s', async (_label, patch, expected = patch) => {
    const form = { ...formFromService(current), ...patch };
    const check = validateServiceForm(form, { mode: 'update', original: current });
    expect(check.errors).toEqual([]);
    const body = updateBody(current, form);
    expect(Object.keys(body).length).toBeGreaterThan(0);
    const saved = await updateService(ref('form-sim-update'), body);
    expect(saved.revision).toBe(current.revision + 1);
    current = await getService(ref('form-sim-update'));
    expect(formFromService(current)).toMatchObject(expected);
  });

  it('privileged and devices are accepted when sent (the master never returns them)', async () => {
    const form = { ...formFromService(current), privileged: 'off' as const, replaceDevices: true, devices: [{ value: '/dev/snd' }] };
    expect(updateBody(current, form)).toEqual({ privileged: false, devices: ['/dev/snd'] });
    const saved = await updateService(ref('form-sim-update'), updateBody(current, form));
    expect(saved.revision).toBe(current.revision + 1);
    expect('privileged' in saved).toBe(false);
  });
});

describe('the master’s 422s land on the form', () => {
  const base = { ...emptyServiceForm(), image: 'nginx:1' };
  const cases: [string, () => Promise<unknown>, Partial<ServiceForm>, { path: string; message: string }[]][] = [
    [
      'a taken name',
      () => createService('production', createBody({ ...base, name: 'redis' })),
      { name: 'redis' },
      [{ path: 'name', message: 'is already taken' }],
    ],
    [
      'a secret that is not in the vault, at its row',
      () =>
        createService(
          'production',
          createBody({
            ...base,
            name: 'form-sim-e1',
            secrets: [
              { secret: 'A', name: 'A' },
              { secret: 'NOPE', name: 'N' },
            ],
          }),
        ),
      {
        secrets: [
          { secret: 'A', name: 'A' },
          { secret: 'NOPE', name: 'N' },
        ],
      },
      [{ path: 'secrets.1.secret', message: 'Secret NOPE does not exist' }],
    ],
    [
      'a link to a service that does not exist, at its row',
      () => createService('production', createBody({ ...base, name: 'form-sim-e2', links: [{ target: 'nope', alias: '' }] })),
      { links: [{ target: 'nope', alias: '' }] },
      [{ path: 'links.0.target', message: 'Service null/nope does not exist' }],
    ],
    [
      'per-element port hashes',
      () =>
        createService('production', {
          name: 'form-sim-e3',
          image: 'x:1',
          stateful: false,
          ports: [{ node_port: 80, container_port: 80 }, { container_port: 81 }],
        } as unknown as ServiceCreateBody),
      { ports: [{ value: '80:80' }, { value: ':81' }] },
      [{ path: 'ports.1.value', message: 'Node Port is required' }],
    ],
    [
      'per-element env strings',
      () =>
        createService('production', {
          name: 'form-sim-e4',
          image: 'x:1',
          stateful: false,
          env: ['A=1', ['x']],
        } as unknown as ServiceCreateBody),
      {
        env: [
          { key: 'A', value: '1' },
          { key: 'B', value: 'x' },
        ],
      },
      [{ path: 'env.1.key', message: "Env[1] isn't a string" }],
    ],
    [
      'a nested health check',
      () =>
        createService('production', {
          name: 'form-sim-e5',
          image: 'x:1',
          stateful: false,
          health_check: { uri: '/' },
        } as unknown as ServiceCreateBody),
      {},
      [
        { path: 'healthCheck.port', message: 'Port is required' },
        { path: 'healthCheck.protocol', message: 'Protocol is required' },
      ],
    ],
    [
      'the health check interval rule',
      () =>
        createService('production', {
          name: 'form-sim-e6',
          image: 'x:1',
          stateful: false,
          health_check: { port: 80, protocol: 'http', interval: 5 },
        }),
      {},
      [{ path: 'healthCheck.interval', message: 'Interval has to be bigger than timeout' }],
    ],
    [
      'nested deploy options',
      () =>
        createService('production', {
          name: 'form-sim-e7',
          image: 'x:1',
          stateful: false,
          deploy_opts: { min_health: 'lots' },
        } as unknown as ServiceCreateBody),
      {},
      [{ path: 'deployMinHealth', message: 'Min Health is invalid' }],
    ],
    [
      'nested hooks with per-element hashes',
      () =>
        createService('production', {
          name: 'form-sim-e8',
          image: 'x:1',
          stateful: false,
          hooks: { post_start: [{ name: 'x' }] },
        } as unknown as ServiceCreateBody),
      { hooks: [{ name: 'x', cmd: '', instances: '', oneshot: false }] },
      [
        { path: 'hooks.0.cmd', message: 'Cmd is required' },
        { path: 'hooks.0.instances', message: 'Instances is required' },
      ],
    ],
    [
      'stateful & volumes_from on update',
      () => updateService(ref('redis'), { volumes_from: ['data-%s'] }),
      { volumesFrom: [{ value: 'data-%s' }] },
      [{ path: 'volumesFrom.root', message: 'Cannot combine stateful & volumes_from' }],
    ],
    [
      'an anonymous volume added to a stateful service',
      () => updateService(ref('redis'), { volumes: ['/data', '/more'] }),
      { volumes: [{ value: '/data' }, { value: '/more' }] },
      [{ path: 'volumes.root', message: 'Adding a non-named volume is not supported to a stateful service' }],
    ],
    [
      'cpu shares out of range',
      () => updateService(ref('redis'), { cpu_shares: 2000 } as ServiceUpdateBody),
      {},
      [{ path: 'cpuShares', message: 'Cpu Shares is too big' }],
    ],
  ];

  it.each(cases)('%s', async (_label, send, patch, expected) => {
    const errors = await masterError(send());
    expect(mapFieldErrors(errors, { ...base, ...patch }, { ownStack: 'null' })).toEqual({ fields: expected, general: [] });
  });

  it('what the form cannot show stays a general message', async () => {
    // The api client drops grid/stack from bodies, so this goes to the master directly.
    const res = await sim.master().api('PUT', '/v1/services/production/null/redis', { body: { grid: 'production' } });
    const errors = (res.body as { error: FieldErrors }).error;
    expect(mapFieldErrors(errors, base, { ownStack: 'null' })).toEqual({ fields: [], general: ["grid: Grid isn't the right class"] });
  });
});
