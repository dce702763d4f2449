// The other half of the contract (contract-schemas.test.ts checks the answers): the bodies
// the app's forms send. Each body is built with the app's own converters, checked against
// the client's request schema (src/api/schemas), and sent through the real api client to
// the simulated master, which must answer with success. Every request body that reaches
// the master on the way is checked against the schema of its route too, so a body cannot
// drift from the master without a schema saying so, nor a schema from the master.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeCode, createSignInCode } from '../api/auth';
import { configureClient, refreshSession } from '../api/client';
import { addEnv } from '../api/envs';
import { secretCreateBodySchema, secretUpdateBodySchema } from '../api/schemas/requests/secret-body';
import { deployBodySchema, envAddBodySchema, scaleBodySchema } from '../api/schemas/requests/service-action-body';
import { serviceCreateBodySchema, serviceUpdateBodySchema } from '../api/schemas/requests/service-body';
import { authorizeBodySchema, tokenRequestBodySchema } from '../api/schemas/requests/token-body';
import { nodeUpdateBodySchema } from '../api/schemas/requests/node-body';
import { stackBodySchema } from '../api/schemas/requests/stack-body';
import { volumeCreateBodySchema } from '../api/schemas/requests/volume-body';
import { updateNodeLabels } from '../api/nodes';
import { installStack, upgradeStack } from '../api/stacks';
import { createVolume } from '../api/volumes';
import { buildStackInstallBody, buildStackUpgradeBody } from '../lib/stack-file/build-stack-body';
import { parseStackFile } from '../lib/stack-file/parse-stack-file';
import type { Service } from '../api/schemas/service';
import type { z } from '../api/schemas/zod-mini';
import { createSecret, updateSecret } from '../api/secrets';
import { createService, deployService, getService, listServices, scaleService, updateService } from '../api/services';
import { getSession, setSession } from '../api/session';
import type { ServiceRef } from '../api/service-ref';
import { linkSecret, linkService, linksBody, secretsBody, unlinkSecret, unlinkService } from '../api/service-links';
import type { FormCheck } from '../components/use-checked-form';
import { checkSecretCreate, checkSecretValue } from '../features/secrets/secret-forms';
import { checkEnvAdd } from '../features/service-detail/env-add-form';
import { checkSecretLink } from '../features/service-detail/secret-link-form';
import { checkServiceLink } from '../features/service-detail/service-link-form';
import { formFromService } from '../features/service-form/form-from-service';
import { createBody, updateBody } from '../features/service-form/form-to-body';
import { BODY_KEYS, OPTION_GROUPS, type BodyKey } from '../features/service-form/option-groups';
import { emptyServiceForm, type ServiceForm } from '../features/service-form/service-form-model';
import { everyOptionForm } from '../../test/features/service-form/test-fixtures';
import { validateServiceForm } from '../features/service-form/validate-form';
import { parseScaleInput } from '../lib/scale-input';
import { createTestMaster, type TestMaster } from '../../test/simulator/test-support';

const GRID = 'production';
const ORIGIN = 'http://sim';
const ref = (name: string): ServiceRef => ({ grid: GRID, stack: 'null', name });

/** Which schema a request body of each route must pass. */
const REQUEST_ROUTES: { route: string; method: string; path: RegExp; schema: z.ZodMiniType }[] = [
  { route: 'service create', method: 'POST', path: /^\/v1\/grids\/[^/]+\/services$/, schema: serviceCreateBodySchema },
  { route: 'service update', method: 'PUT', path: /^\/v1\/services\/[^/]+\/[^/]+\/[^/]+$/, schema: serviceUpdateBodySchema },
  { route: 'deploy', method: 'POST', path: /^\/v1\/services\/[^/]+\/[^/]+\/[^/]+\/deploy$/, schema: deployBodySchema },
  { route: 'scale', method: 'POST', path: /^\/v1\/services\/[^/]+\/[^/]+\/[^/]+\/scale$/, schema: scaleBodySchema },
  { route: 'env add', method: 'POST', path: /^\/v1\/services\/[^/]+\/[^/]+\/[^/]+\/envs$/, schema: envAddBodySchema },
  { route: 'secret create', method: 'POST', path: /^\/v1\/grids\/[^/]+\/secrets$/, schema: secretCreateBodySchema },
  { route: 'secret update', method: 'PUT', path: /^\/v1\/secrets\/[^/]+\/[^/]+$/, schema: secretUpdateBodySchema },
  { route: 'token', method: 'POST', path: /^\/oauth2\/token$/, schema: tokenRequestBodySchema },
  { route: 'node labels', method: 'PUT', path: /^\/v1\/nodes\/[^/]+\/[^/]+$/, schema: nodeUpdateBodySchema },
  { route: 'volume create', method: 'POST', path: /^\/v1\/volumes\/[^/]+$/, schema: volumeCreateBodySchema },
  { route: 'stack install', method: 'POST', path: /^\/v1\/grids\/[^/]+\/stacks$/, schema: stackBodySchema },
  { route: 'stack upgrade', method: 'PUT', path: /^\/v1\/stacks\/[^/]+\/[^/]+$/, schema: stackBodySchema },
  { route: 'authorize', method: 'POST', path: /^\/oauth2\/authorize$/, schema: authorizeBodySchema },
];

type Route = [method: string, path: string];

interface Sent {
  method: string;
  path: string;
  body: unknown;
  status: number;
}

let t: TestMaster;
const wire: Sent[] = [];

beforeAll(async () => {
  t = await createTestMaster({ live: false });
  // The client's fetch goes straight to the master's standard door, noting what it sends.
  configureClient({
    baseUrl: ORIGIN,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const text = await request.clone().text();
      const response = await t.master.handle(request);
      const url = new URL(request.url);
      wire.push({
        method: request.method,
        path: url.pathname,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
        status: response.status,
      });
      return response;
    },
  });
  setSession({ accessToken: t.token, refreshToken: null, expiresAt: null, user: null, remember: false });
});
afterAll(() => {
  setSession(null);
  configureClient({});
  t.master.dispose();
});

/** What a form sends once its check passes (the test fails with the check's messages otherwise). */
function sent<TValues, TSent>(check: FormCheck<TValues, TSent>): TSent {
  if (!check.ok) throw new Error(`the form refused it: ${JSON.stringify(check.errors)}`);
  return check.value;
}

/** The body passes the schema: null, or the first issues with their paths. */
function schemaProblems(schema: z.ZodMiniType, body: unknown): unknown {
  const parsed = schema.safeParse(body);
  return parsed.success ? null : parsed.error.issues.slice(0, 3).map(({ path, message }) => ({ path: path.join('.'), message }));
}

describe('service create: the form’s body passes the schema and the master', () => {
  const forms: [string, ServiceForm][] = [
    ['every option', everyOptionForm('contract-every')],
    ['the least: name and image', { ...emptyServiceForm(), name: 'contract-min', image: 'busybox' }],
    [
      'stateful with volumes',
      {
        ...emptyServiceForm(),
        name: 'contract-stateful',
        image: 'postgres:9.6',
        stateful: true,
        volumes: [{ value: '/var/lib/postgresql/data' }],
      },
    ],
    [
      'net container, tcp health check',
      {
        ...emptyServiceForm(),
        name: 'contract-sidecar',
        image: 'busybox',
        netMode: 'container',
        netContainer: 'contract-min-%s',
        healthCheck: { protocol: 'tcp', port: '80', uri: '', timeout: '', interval: '', initialDelay: '' },
      },
    ],
  ];

  it.each(forms)('%s', async (_label, form) => {
    expect(validateServiceForm(form, { mode: 'create' }).errors).toEqual([]);
    const body = createBody(form);
    expect(schemaProblems(serviceCreateBodySchema, body)).toBeNull();
    const created = await createService(GRID, body);
    expect(created.name).toBe(form.name);
  });
});

describe('service update: an edit of each option group passes the schema and the master', () => {
  type EditableKey = Exclude<BodyKey, 'name' | 'stateful' | 'entrypoint' | 'pid'>;
  /** One edit per body field the edit form can change, from the service as created with every option. */
  const EDITS: Record<EditableKey, Partial<ServiceForm>> = {
    image: { image: 'nginx:1.14' },
    instances: { instances: '3' },
    cmd: { cmd: 'nginx -T' },
    user: { user: 'nobody' },
    ports: { ports: [{ value: '9090:90' }, { value: '10.0.0.1:5353:53/udp' }] },
    net: { netMode: 'host' },
    links: {
      links: [
        { target: 'redis', alias: 'redis' },
        { target: 'shop/web', alias: 'web' },
      ],
    },
    volumes: { volumes: [{ value: '/data' }, { value: '/extra' }] },
    volumes_from: { volumesFrom: [{ value: 'other-%s' }] },
    env: {
      env: [
        { key: 'A', value: '2' },
        { key: 'NEW', value: 'x y' },
        { key: 'EMPTY', value: '' },
      ],
    },
    secrets: { secrets: [{ secret: 'SMTP_PASSWORD', name: 'SMTP_PASSWORD' }] },
    cpu_shares: { cpuShares: '1024' },
    memory: { memory: '256m' },
    memory_swap: { memorySwap: '2g' },
    privileged: { privileged: 'off' },
    cap_add: { capAdd: [{ value: 'SYS_TIME' }] },
    cap_drop: { capDrop: [] },
    devices: { replaceDevices: true, devices: [{ value: '/dev/snd' }] },
    log_driver: { logDriver: 'json-file' },
    log_opts: {
      logOpts: [
        { key: 'max-size', value: '10m' },
        { key: 'max-file', value: '3' },
      ],
    },
    strategy: { strategy: 'daemon' },
    deploy_opts: { deployMinHealth: '0.9', deployWaitForPort: '', deployInterval: '' },
    affinity: { affinity: [{ subject: 'node', operator: '!=', value: 'prod-node-1' }] },
    health_check: { healthCheck: { protocol: 'tcp', port: '81', uri: '', timeout: '', interval: '', initialDelay: '' } },
    hooks: { hooks: [{ name: 'warm', cmd: 'true', instances: '1,2', oneshot: false }] },
  };
  /** Edits that take an option back to nothing, where the form can say so. */
  const CLEARS: [string, Partial<ServiceForm>][] = [
    [
      'no links, volumes, env, secrets, caps, log opts, affinity, hooks',
      { links: [], volumes: [], volumesFrom: [], env: [], secrets: [], capAdd: [], logOpts: [], affinity: [], hooks: [] },
    ],
    ['net back to bridge, ports none', { netMode: 'bridge', ports: [] }],
    ['health check removed', { healthCheck: { protocol: '', port: '', uri: '', timeout: '', interval: '', initialDelay: '' } }],
    ['deploy options back to the defaults', { deployMinHealth: '', deployWaitForPort: '', deployInterval: '' }],
    ['cmd back to the image’s own', { cmd: '' }],
  ];

  let current: Service;
  beforeAll(async () => {
    current = await createService(GRID, createBody(everyOptionForm('contract-update')));
  });

  it('has an edit for every option group the edit form can change', () => {
    const editable = BODY_KEYS.filter((key) => OPTION_GROUPS[key].update === 'editable');
    expect(Object.keys(EDITS).sort()).toEqual([...editable].sort());
  });

  async function sendEdit(patch: Partial<ServiceForm>): Promise<BodyKey[]> {
    const form = { ...formFromService(current), ...patch };
    expect(validateServiceForm(form, { mode: 'update', original: current }).errors).toEqual([]);
    const body = updateBody(current, form);
    expect(schemaProblems(serviceUpdateBodySchema, body)).toBeNull();
    const saved = await updateService(ref('contract-update'), body);
    expect(saved.revision).toBe(current.revision + 1);
    current = await getService(ref('contract-update'));
    return Object.keys(body) as BodyKey[];
  }

  it.each(Object.entries(EDITS))('%s', async (key, patch) => {
    expect(await sendEdit(patch)).toEqual([key]);
  });

  it.each(CLEARS)('%s', async (_label, patch) => {
    expect((await sendEdit(patch)).length).toBeGreaterThan(0);
  });
});

describe('the overview’s and the secrets page’s forms', () => {
  let service: Service;
  beforeAll(async () => {
    service = await createService(
      GRID,
      createBody({
        ...emptyServiceForm(),
        name: 'contract-panels',
        image: 'busybox',
        secrets: [{ secret: 'DB_PASSWORD', name: 'DB_PASSWORD' }],
      }),
    );
  });

  it.each(['NEW_VAR=some value', 'EMPTY=', 'URL=postgres://u:p@db/app?ssl=1'])('env add %s', async (typed) => {
    const entry = sent(checkEnvAdd({ env: typed }));
    expect(schemaProblems(envAddBodySchema, { env: entry })).toBeNull();
    await addEnv(ref('contract-panels'), entry);
    expect((await getService(ref('contract-panels'))).env).toContain(entry);
  });

  it('secret link and unlink', async () => {
    const spec = sent(checkSecretLink({ secret: ' SMTP_PASSWORD ', name: 'MAIL_PASSWORD' }, ['DB_PASSWORD', 'SMTP_PASSWORD']));
    expect(schemaProblems(serviceUpdateBodySchema, { secrets: [...secretsBody(service.secrets), { ...spec, type: 'env' }] })).toBeNull();
    const linked = await linkSecret(ref('contract-panels'), spec);
    expect(linked.secrets.map((s) => s.name).sort()).toEqual(['DB_PASSWORD', 'MAIL_PASSWORD']);
    const unlinked = await unlinkSecret(ref('contract-panels'), spec);
    expect(unlinked.secrets.map((s) => s.name)).toEqual(['DB_PASSWORD']);
  });

  it('service link and unlink, in the default stack and across stacks', async () => {
    for (const typed of [
      { target: 'redis', alias: 'cache' },
      { target: 'shop/web', alias: '' },
    ]) {
      const before = await getService(ref('contract-panels'));
      const spec = sent(checkServiceLink(typed, { service: before, services: await listServices(GRID) }));
      expect(
        schemaProblems(serviceUpdateBodySchema, { links: [...linksBody(before.links), { name: spec.target, alias: spec.alias }] }),
      ).toBeNull();
      await linkService(ref('contract-panels'), spec);
    }
    const linked = await getService(ref('contract-panels'));
    expect(linked.links.map((l) => l.id).sort()).toEqual(['production/null/redis', 'production/shop/web']);
    const unlinked = await unlinkService(ref('contract-panels'), 'production/null/redis');
    expect(unlinked.links.map((l) => l.id)).toEqual(['production/shop/web']);
  });

  it.each(['0', '3', '+2'])('scale to %s', async (typed) => {
    const parsed = parseScaleInput(typed);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(schemaProblems(scaleBodySchema, { instances: parsed.instances })).toBeNull();
    const deploy = await scaleService(ref('contract-panels'), parsed.instances);
    expect(deploy.service_id).toBe('production/null/contract-panels');
  });

  it('deploy, and deploy with force', async () => {
    await deployService(ref('contract-panels'));
    await deployService(ref('contract-panels'), { force: true });
  });

  it('secret create and update, with the values the secrets page takes', async () => {
    for (const typed of [
      { name: ' CONTRACT_SECRET', value: 's3cret value' },
      { name: 'contract-multi_line', value: 'line one\nline two' },
    ]) {
      const { name, value } = sent(checkSecretCreate(typed));
      expect(schemaProblems(secretCreateBodySchema, { name, value })).toBeNull();
      expect((await createSecret(GRID, name, value)).value).toBe(value);
    }
    const value = sent(checkSecretValue({ value: 'rotated' }));
    expect(schemaProblems(secretUpdateBodySchema, { value })).toBeNull();
    expect((await updateSecret(GRID, 'CONTRACT_SECRET', value)).value).toBe('rotated');
  });

  it('signing in with a code, minting a sign-in code, refreshing the session', async () => {
    const session = await exchangeCode(t.master.mintAdminCode(600_000));
    expect(session.refreshToken).not.toBeNull();
    const minted = await createSignInCode(300);
    expect(minted.code).toMatch(/^[0-9a-f]+$/);
    const current = getSession();
    if (current === null) throw new Error('no session after the sign-in');
    await refreshSession(current);
  });
});

describe('the grid’s pages', () => {
  it('node labels, a volume, and a stack installed and upgraded from a kontena.yml', async () => {
    await updateNodeLabels(GRID, 'prod-node-1', ['region=eu', 'az=a']);
    await createVolume(GRID, { name: 'contract-data', scope: 'grid', driver: 'local', driver_opts: {} });
    const file = parseStackFile(
      'stack: contract/blog\nversion: 1.0.0\nvariables:\n  tag:\n    type: string\n    default: "1.13"\n' +
        'services:\n  web:\n    image: nginx:${tag}\n    ports:\n      - "8088:80"\n',
    );
    if (!file.ok) throw new Error(JSON.stringify(file.problems));
    const install = buildStackInstallBody(file.value, {}, { grid: GRID, name: 'contract-blog' });
    if (!install.ok) throw new Error(JSON.stringify(install));
    expect((await installStack(GRID, install.body)).name).toBe('contract-blog');
    const upgrade = buildStackUpgradeBody(file.value, { tag: '1.14' }, { grid: GRID, name: 'contract-blog', previousValues: null });
    if (!upgrade.ok) throw new Error(JSON.stringify(upgrade));
    expect((await upgradeStack(GRID, 'contract-blog', upgrade.body)).revision).toBe(2);
  });
});

describe('every request body the master got', () => {
  it('passes the schema of its route, and the master took it', () => {
    const withBody = wire.filter((request) => request.body !== undefined);
    const problems = withBody.flatMap((request) => {
      const route = REQUEST_ROUTES.find((candidate) => candidate.method === request.method && candidate.path.test(request.path));
      if (route === undefined) return [{ request: `${request.method} ${request.path}`, problem: 'no request schema for this route' }];
      const issues = schemaProblems(route.schema, request.body);
      if (issues !== null) return [{ request: `${request.method} ${request.path}`, problem: issues }];
      return request.status >= 200 && request.status < 300
        ? []
        : [{ request: `${request.method} ${request.path}`, problem: `answered ${request.status}` }];
    });
    expect(problems).toEqual([]);
  });

  it('covers every request schema', () => {
    const used = new Set(
      wire.flatMap((request) =>
        REQUEST_ROUTES.filter((route) => route.method === request.method && route.path.test(request.path)).map((route) => route.route),
      ),
    );
    expect([...used].sort()).toEqual(REQUEST_ROUTES.map((route) => route.route).sort());
  });
});

describe('the schemas refuse what the master refuses', () => {
  const UPDATE: Route = ['PUT', '/v1/services/production/null/contract-min'];
  const CREATE: Route = ['POST', '/v1/grids/production/services'];
  /** The schema, the body, and where the master refuses it too (null: the schema is stricter on purpose). */
  const refused: [string, z.ZodMiniType, unknown, Route | null][] = [
    ['grid in a body', serviceUpdateBodySchema, { grid: 'production' }, UPDATE],
    ['a key the master does not know (it would ignore it: a typo)', serviceUpdateBodySchema, { instance: 2 }, null],
    ['create without stateful', serviceCreateBodySchema, { name: 'x', image: 'busybox' }, CREATE],
    ['a name with a leading dash', serviceCreateBodySchema, { name: '-x', image: 'busybox', stateful: false }, CREATE],
    ['a blank image', serviceUpdateBodySchema, { image: '  ' }, UPDATE],
    [
      'a port as a string (the master converts it; the dashboard sends numbers)',
      serviceUpdateBodySchema,
      { ports: [{ node_port: '80', container_port: 80 }] },
      null,
    ],
    ['cpu shares over 1024', serviceUpdateBodySchema, { cpu_shares: 1025 }, UPDATE],
    ['an unknown strategy', serviceUpdateBodySchema, { strategy: 'spread' }, UPDATE],
    ['net other than bridge, host or container:', serviceUpdateBodySchema, { net: 'none' }, UPDATE],
    ['a health check without its protocol key', serviceUpdateBodySchema, { health_check: { port: 80 } }, UPDATE],
    [
      'a health check interval below its timeout',
      serviceUpdateBodySchema,
      { health_check: { port: 80, protocol: 'tcp', timeout: 30, interval: 20 } },
      UPDATE,
    ],
    ['a volume in no known form', serviceUpdateBodySchema, { volumes: ['data'] }, UPDATE],
    [
      'stateful with volumes_from',
      serviceCreateBodySchema,
      { name: 'x', image: 'busybox', stateful: true, volumes_from: ['a-%s'] },
      CREATE,
    ],
    ['a blank env entry', envAddBodySchema, { env: ' ' }, ['POST', '/v1/services/production/null/contract-min/envs']],
    ['a fractional scale', scaleBodySchema, { instances: 1.5 }, null],
    ['a secret without a value', secretCreateBodySchema, { name: 'A' }, ['POST', '/v1/grids/production/secrets']],
    ['an unknown grant', tokenRequestBodySchema, { grant_type: 'password', code: 'x' }, ['POST', '/oauth2/token']],
  ];

  it.each(refused)('%s', async (_label, schema, body, route) => {
    expect(schemaProblems(schema, body)).not.toBeNull();
    if (route === null) return;
    const [method, path] = route;
    const answer = await t.api(method, path, { body });
    expect(answer.status).toBeGreaterThanOrEqual(400);
  });
});
