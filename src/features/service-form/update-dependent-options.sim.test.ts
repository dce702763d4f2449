// Issue #14 item 7, "Update sends what the CLI would send": every pair of options where
// one constrains the other (memory & memory swap, privileged, pid, stateful & volumes /
// volumes-from, the health check's fields, the deploy options, net=host & ports, cap add
// & cap drop), from each starting state, each edit the form can make. For every case:
//  (a) the body the form sends equals what `kontena service update <flags>` sends. That
//      body is written out by hand from docs/kontena-api.md §6, as the CLI puts it on the wire,
//      never derived from the dashboard's own code;
//  (b) the form refuses exactly what the master refuses, in the master's words and at the
//      input they are about, and the master (simulated, through the real api client)
//      stores the same service from both bodies;
//  (c) the CLI line shown beside the form is those flags.
import { describe, expect, it } from 'vitest';
import type { FieldErrors } from '../../api/errors';
import type { Service } from '../../api/schemas/service';
import { createService, getService, updateService } from '../../api/services';
import { parseCommandLine } from '../../lib/cli-command';
import { obj } from '../../../test/simulator/test-support';
import { setupSimulatorForApiTests } from '../../../test/app/simulator-api-setup';
import { cliCommand } from './form-cli-command';
import { formFromService } from './form-from-service';
import { createBody, updateBody, updateChanges } from './form-to-body';
import { mapFieldErrors } from './map-field-errors';
import type { FieldIssue } from './option-groups';
import { emptyServiceForm, type ServiceForm } from './service-form-model';
import { validateServiceForm } from './validate-form';

const GRID = 'production';
const sim = setupSimulatorForApiTests();

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
type Wire = Record<string, unknown>;

/** The services the cases start from, as created through the API (beyond name, image and stateful: false). */
const STARTS = {
  neither: {},
  memory: { memory: 512 * MIB },
  swap: { memory_swap: GIB },
  both: { memory: 512 * MIB, memory_swap: GIB },
  privileged: { privileged: true },
  pidHost: { pid: 'host' },
  volumesFrom: { volumes_from: ['data-%s'] },
  stateful: { stateful: true, volumes: ['/data'] },
  ports: { ports: [{ node_port: 8080, container_port: 80 }] },
  healthCheck: { health_check: { protocol: 'http', port: 8080, uri: '/health', timeout: 5, interval: 30, initial_delay: 15 } },
  waitForPort: { deploy_opts: { wait_for_port: 8080 } },
} satisfies Record<string, Wire>;
type Start = keyof typeof STARTS;

type Outcome =
  /** The form and the master accept it; the form warns (never blocking) with these. */
  | { saves: FieldIssue[] }
  /** The form refuses it with the master's own 422, at the same input. */
  | { refused: FieldIssue }
  /**
   * The form refuses to empty a stored value: the CLI cannot send an empty value, and the
   * master ignores the only empty the JSON can carry (null) and keeps the value.
   */
  | { cannotEmpty: FieldIssue; masterGets: Wire };

interface Case {
  start: Start;
  edit: Partial<ServiceForm>;
  /**
   * The `kontena service update` options for the same edit, or null when the CLI has none
   * (volumes and volumes-from exist only on create). With `cannotEmpty`, the closest the
   * CLI can be asked, which it refuses.
   */
  flags: string | null;
  /**
   * What goes on the wire: the CLI's body for `flags` (§6: `privileged` always, numbers
   * where its parsers make numbers, strings where it sends strings), or the API body the
   * edit needs when there are no flags (§5).
   */
  sends: Wire;
  outcome: Outcome;
  /** With flags null: what the CLI line says it cannot write. */
  cliCannot?: string;
}

const swapWithoutMemory = {
  path: 'memorySwap',
  message: 'Memory swap is the total of memory and swap: Docker refuses it without a Memory limit when it deploys',
};
const swapBelowMemory = {
  path: 'memorySwap',
  message: 'Memory swap is the total of memory and swap: Docker refuses a value below Memory when it deploys',
};
const cannotEmpty = (path: string, label: string): FieldIssue => ({
  path,
  message: `${label} cannot be emptied by an update: the master keeps the stored value when none is sent`,
});
const storedCheck = { protocol: 'http', port: '8080', uri: '/health', timeout: '5', interval: '30', initialDelay: '15' } as const;
const noCheck = { protocol: '', port: '', uri: '', timeout: '', interval: '', initialDelay: '' } as const;

const CASES: [string, Case][] = [
  // Memory & memory swap: each start (neither / memory / swap / both) × each edit.
  [
    'neither · Memory 256M (the reported bug)',
    {
      start: 'neither',
      edit: { memory: '256M' },
      flags: '-m 256m',
      sends: { memory: 256 * MIB, privileged: false },
      outcome: { saves: [] },
    },
  ],
  [
    'neither · Memory swap 1g',
    {
      start: 'neither',
      edit: { memorySwap: '1g' },
      flags: '--memory-swap 1g',
      sends: { memory_swap: GIB, privileged: false },
      outcome: { saves: [swapWithoutMemory] },
    },
  ],
  [
    'neither · both',
    {
      start: 'neither',
      edit: { memory: '256m', memorySwap: '512m' },
      flags: '-m 256m --memory-swap 512m',
      sends: { memory: 256 * MIB, memory_swap: 512 * MIB, privileged: false },
      outcome: { saves: [] },
    },
  ],
  [
    'neither · both, swap below memory',
    {
      start: 'neither',
      edit: { memory: '512m', memorySwap: '256m' },
      flags: '-m 512m --memory-swap 256m',
      sends: { memory: 512 * MIB, memory_swap: 256 * MIB, privileged: false },
      outcome: { saves: [swapBelowMemory] },
    },
  ],
  [
    'memory · Memory 1g',
    { start: 'memory', edit: { memory: '1g' }, flags: '-m 1g', sends: { memory: GIB, privileged: false }, outcome: { saves: [] } },
  ],
  [
    'memory · Memory swap 1g',
    {
      start: 'memory',
      edit: { memorySwap: '1g' },
      flags: '--memory-swap 1g',
      sends: { memory_swap: GIB, privileged: false },
      outcome: { saves: [] },
    },
  ],
  [
    'memory · Memory swap below it',
    {
      start: 'memory',
      edit: { memorySwap: '256m' },
      flags: '--memory-swap 256m',
      sends: { memory_swap: 256 * MIB, privileged: false },
      outcome: { saves: [swapBelowMemory] },
    },
  ],
  [
    'memory · Memory emptied',
    {
      start: 'memory',
      edit: { memory: '' },
      flags: "-m ''",
      sends: {},
      outcome: { cannotEmpty: cannotEmpty('memory', 'Memory'), masterGets: { memory: null } },
    },
  ],
  [
    'swap · Memory 512m',
    { start: 'swap', edit: { memory: '512m' }, flags: '-m 512m', sends: { memory: 512 * MIB, privileged: false }, outcome: { saves: [] } },
  ],
  [
    'swap · Memory 2g, above the stored swap',
    {
      start: 'swap',
      edit: { memory: '2g' },
      flags: '-m 2g',
      sends: { memory: 2 * GIB, privileged: false },
      outcome: { saves: [swapBelowMemory] },
    },
  ],
  [
    'swap · Memory swap emptied',
    {
      start: 'swap',
      edit: { memorySwap: '' },
      flags: "--memory-swap ''",
      sends: {},
      outcome: { cannotEmpty: cannotEmpty('memorySwap', 'Memory swap'), masterGets: { memory_swap: null } },
    },
  ],
  [
    'both · Memory 256m',
    { start: 'both', edit: { memory: '256m' }, flags: '-m 256m', sends: { memory: 256 * MIB, privileged: false }, outcome: { saves: [] } },
  ],
  [
    'both · Memory swap 2g',
    {
      start: 'both',
      edit: { memorySwap: '2g' },
      flags: '--memory-swap 2g',
      sends: { memory_swap: 2 * GIB, privileged: false },
      outcome: { saves: [] },
    },
  ],
  [
    'both · both',
    {
      start: 'both',
      edit: { memory: '1g', memorySwap: '2g' },
      flags: '-m 1g --memory-swap 2g',
      sends: { memory: GIB, memory_swap: 2 * GIB, privileged: false },
      outcome: { saves: [] },
    },
  ],
  [
    'both · Memory 2g, above the stored swap',
    {
      start: 'both',
      edit: { memory: '2g' },
      flags: '-m 2g',
      sends: { memory: 2 * GIB, privileged: false },
      outcome: { saves: [swapBelowMemory] },
    },
  ],
  [
    'both · Memory emptied',
    {
      start: 'both',
      edit: { memory: '' },
      flags: "-m ''",
      sends: {},
      outcome: { cannotEmpty: cannotEmpty('memory', 'Memory'), masterGets: { memory: null } },
    },
  ],
  [
    'both · Memory swap emptied',
    {
      start: 'both',
      edit: { memorySwap: '' },
      flags: "--memory-swap ''",
      sends: {},
      outcome: { cannotEmpty: cannotEmpty('memorySwap', 'Memory swap'), masterGets: { memory_swap: null } },
    },
  ],

  // Privileged: never returned, so the form's "Leave as it is" sends nothing, where the
  // CLI always sends privileged (false without --privileged). See the `keep` rule below.
  [
    'privileged · Memory 256m, privileged left as it is',
    {
      start: 'privileged',
      edit: { memory: '256m' },
      flags: '-m 256m',
      sends: { memory: 256 * MIB, privileged: false },
      outcome: { saves: [] },
    },
  ],
  [
    'privileged · Memory 256m and privileged on',
    {
      start: 'privileged',
      edit: { memory: '256m', privileged: 'on' },
      flags: '-m 256m --privileged',
      sends: { memory: 256 * MIB, privileged: true },
      outcome: { saves: [] },
    },
  ],
  [
    'privileged · privileged off',
    { start: 'privileged', edit: { privileged: 'off' }, flags: '', sends: { privileged: false }, outcome: { saves: [] } },
  ],
  [
    'neither · privileged on',
    { start: 'neither', edit: { privileged: 'on' }, flags: '--privileged', sends: { privileged: true }, outcome: { saves: [] } },
  ],

  // Pid (create-only; the edit form shows it read-only): an update keeps it.
  [
    'pid host · Memory 256m',
    {
      start: 'pidHost',
      edit: { memory: '256m' },
      flags: '-m 256m',
      sends: { memory: 256 * MIB, privileged: false },
      outcome: { saves: [] },
    },
  ],

  // Stateful & volumes-from, stateful & volumes: `service update` has neither -v nor
  // --volumes-from, so the body is the API's (§5) and the line says what it cannot write.
  [
    'neither · volumes-from added',
    {
      start: 'neither',
      edit: { volumesFrom: [{ value: 'data-%s' }] },
      flags: null,
      sends: { volumes_from: ['data-%s'] },
      outcome: { saves: [] },
      cliCannot: 'volumes_from: kontena service update has no --volumes-from option',
    },
  ],
  [
    'volumes-from · removed',
    {
      start: 'volumesFrom',
      edit: { volumesFrom: [] },
      flags: null,
      sends: { volumes_from: [] },
      outcome: { saves: [] },
      cliCannot: 'volumes_from: kontena service update has no --volumes-from option',
    },
  ],
  [
    'stateful · volumes-from added',
    {
      start: 'stateful',
      edit: { volumesFrom: [{ value: 'data-%s' }] },
      flags: null,
      sends: { volumes_from: ['data-%s'] },
      outcome: { refused: { path: 'volumesFrom.root', message: 'Cannot combine stateful & volumes_from' } },
    },
  ],
  [
    'stateful · anonymous volume added',
    {
      start: 'stateful',
      edit: { volumes: [{ value: '/data' }, { value: '/more' }] },
      flags: null,
      sends: { volumes: ['/data', '/more'] },
      outcome: { refused: { path: 'volumes.root', message: 'Adding a non-named volume is not supported to a stateful service' } },
    },
  ],
  [
    'stateful · named volume added',
    {
      start: 'stateful',
      edit: { volumes: [{ value: '/data' }, { value: 'more:/more' }] },
      flags: null,
      sends: { volumes: ['/data', 'more:/more'] },
      outcome: { saves: [] },
      cliCannot: 'volumes: kontena service update has no -v option',
    },
  ],
  [
    'stateful · volumes removed',
    {
      start: 'stateful',
      edit: { volumes: [] },
      flags: null,
      sends: { volumes: [] },
      outcome: { saves: [] },
      cliCannot: 'volumes: kontena service update has no -v option',
    },
  ],
  [
    'neither · anonymous volume added',
    {
      start: 'neither',
      edit: { volumes: [{ value: '/more' }] },
      flags: null,
      sends: { volumes: ['/more'] },
      outcome: { saves: [] },
      cliCannot: 'volumes: kontena service update has no -v option',
    },
  ],

  // The health check: port and protocol always together; interval against timeout; sent whole.
  [
    'no check · tcp on 81',
    {
      start: 'neither',
      edit: { healthCheck: { ...noCheck, protocol: 'tcp', port: '81' } },
      flags: '--health-check-port 81 --health-check-protocol tcp',
      sends: { health_check: { port: '81', protocol: 'tcp' }, privileged: false },
      outcome: { saves: [] },
    },
  ],
  [
    'no check · tcp with an interval below the default timeout',
    {
      start: 'neither',
      edit: { healthCheck: { ...noCheck, protocol: 'tcp', port: '81', interval: '5' } },
      flags: '--health-check-port 81 --health-check-protocol tcp --health-check-interval 5',
      sends: { health_check: { port: '81', protocol: 'tcp', interval: '5' }, privileged: false },
      outcome: { refused: { path: 'healthCheck.interval', message: 'Interval has to be bigger than timeout' } },
    },
  ],
  [
    'check · timeout 10 (the whole check is sent)',
    {
      start: 'healthCheck',
      edit: { healthCheck: { ...storedCheck, timeout: '10' } },
      flags:
        '--health-check-port 8080 --health-check-protocol http --health-check-uri /health --health-check-timeout 10 --health-check-interval 30 --health-check-initial-delay 15',
      sends: {
        health_check: { port: '8080', protocol: 'http', uri: '/health', timeout: '10', interval: '30', initial_delay: '15' },
        privileged: false,
      },
      outcome: { saves: [] },
    },
  ],
  [
    'check · timeout 40, above the interval',
    {
      start: 'healthCheck',
      edit: { healthCheck: { ...storedCheck, timeout: '40' } },
      flags:
        '--health-check-port 8080 --health-check-protocol http --health-check-uri /health --health-check-timeout 40 --health-check-interval 30 --health-check-initial-delay 15',
      sends: {
        health_check: { port: '8080', protocol: 'http', uri: '/health', timeout: '40', interval: '30', initial_delay: '15' },
        privileged: false,
      },
      outcome: { refused: { path: 'healthCheck.interval', message: 'Interval has to be bigger than timeout' } },
    },
  ],
  [
    'check · removed',
    {
      start: 'healthCheck',
      edit: { healthCheck: noCheck },
      flags: '--health-check-port none --health-check-protocol none',
      sends: { health_check: { port: null, protocol: null }, privileged: false },
      outcome: { saves: [] },
    },
  ],

  // The deploy options replace each other: one is said by sending the others again.
  [
    'wait for port · min health 0.5',
    {
      start: 'waitForPort',
      edit: { deployMinHealth: '0.5' },
      flags: '--deploy-wait-for-port 8080 --deploy-min-health 0.5',
      sends: { deploy_opts: { wait_for_port: 8080, min_health: 0.5 }, privileged: false },
      outcome: { saves: [] },
    },
  ],
  [
    'wait for port · emptied',
    {
      start: 'waitForPort',
      edit: { deployWaitForPort: '' },
      flags: '--deploy-min-health 0.8',
      sends: { deploy_opts: { min_health: 0.8 }, privileged: false },
      outcome: { saves: [] },
    },
  ],

  // No rule ties these in §5 or §6: both the master and the form take them.
  [
    'ports · net host',
    { start: 'ports', edit: { netMode: 'host' }, flags: '--net host', sends: { net: 'host', privileged: false }, outcome: { saves: [] } },
  ],
  [
    'neither · the same capability added and dropped',
    {
      start: 'neither',
      edit: { capAdd: [{ value: 'NET_ADMIN' }], capDrop: [{ value: 'NET_ADMIN' }] },
      flags: '--cap-add NET_ADMIN --cap-drop NET_ADMIN',
      sends: { cap_add: ['NET_ADMIN'], cap_drop: ['NET_ADMIN'], privileged: false },
      outcome: { saves: [] },
    },
  ],
];

// ---------------------------------------------------------------------------------------

/** The body as the master reads it (§3.1): an integer input given as a digit string is that integer. */
function asMasterReads(body: Wire): Wire {
  const check = body.health_check;
  if (typeof check !== 'object' || check === null) return body;
  const digits = (value: unknown): unknown => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
  return {
    ...body,
    health_check: Object.fromEntries(Object.entries(check).map(([key, value]) => [key, key === 'uri' ? value : digits(value)])),
  };
}

function without(body: Wire, key: string): Wire {
  return Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
}

const PRIVILEGED_NOTE =
  'privileged: kontena service update always sends privileged, so this line also turns it off (add --privileged to keep it on)';
const ref = (name: string) => ({ grid: GRID, stack: 'null', name });
const path = (name: string) => `/v1/services/${GRID}/null/${name}`;

async function start(name: string, from: Start): Promise<Service> {
  const res = await sim
    .master()
    .api('POST', `/v1/grids/${GRID}/services`, { body: { name, image: 'nginx:1.13', stateful: false, ...STARTS[from] } });
  expect(res.status, res.text).toBe(201);
  return getService(ref(name));
}

async function put(name: string, body: Wire): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await sim.master().api('PUT', path(name), { body });
  return { status: res.status, body: obj(res.body) };
}

/** What the master stores, without what names the service or stamps it. */
async function stored(name: string): Promise<Record<string, unknown>> {
  const {
    id: _id,
    name: _name,
    dns: _dns,
    created_at: _c,
    updated_at: _u,
    deploy_opts,
    ...rest
  } = obj((await sim.master().api('GET', path(name))).body);
  const { _id: _oid, ...opts } = obj(deploy_opts);
  return { ...rest, deploy_opts: opts };
}

/** Privileged is never returned: a PUT of privileged: true changes the service only if it was off. */
async function privilegedOf(name: string): Promise<boolean> {
  const before = (await stored(name)).revision;
  return (await put(name, { privileged: true })).body.revision === before;
}

describe('update: what the form sends, refuses and shows equals kontena service update (docs/kontena-api.md §6)', () => {
  it.each(CASES.map(([label, c], index) => [label, c, index] as const))('%s', async (_label, c, index) => {
    const name = `dep-${index}`;
    const original = await start(name, c.start);
    const form: ServiceForm = { ...formFromService(original), ...c.edit };
    const check = validateServiceForm(form, { mode: 'update', original });
    const line = cliCommand(form, { mode: 'update', grid: GRID, original });
    const { outcome } = c;

    if ('saves' in outcome) {
      // (b) nothing blocks saving; the warnings are about what Docker does later.
      expect(check.errors).toEqual([]);
      expect(check.warnings).toEqual(outcome.saves);
      // (a) The one difference: "Leave as it is" keeps privileged, which the CLI cannot say.
      const body = updateBody(original, form);
      const keeps = form.privileged === 'keep' && c.flags !== null;
      expect(body).toEqual(asMasterReads(keeps ? without(c.sends, 'privileged') : c.sends));
      // (c) the line beside the form, and what our reading of it gives back.
      if (c.flags === null) {
        expect(line.line).toBe(`kontena service update --grid ${GRID} ${name}`);
        expect(line.notExpressible).toEqual([c.cliCannot]);
      } else {
        expect(line.line).toBe(['kontena service update --grid', GRID, c.flags, name].filter((part) => part !== '').join(' '));
        expect(line.notExpressible).toEqual([]);
        const parsed = parseCommandLine(`kontena service update ${c.flags} ${name}`);
        expect('body' in parsed ? parsed.body : parsed).toEqual(asMasterReads(c.sends));
      }
      expect(line.warnings.includes(PRIVILEGED_NOTE)).toBe(form.privileged === 'keep');

      // The master: the form's body through the api client, the CLI's on the wire to a twin.
      const saved = await updateService(ref(name), body);
      expect(saved.revision).toBe(original.revision + 1);
      const twin = `${name}-cli`;
      await start(twin, c.start);
      expect((await put(twin, c.sends)).status).toBe(200);
      expect(await stored(name)).toEqual(await stored(twin));
      const startedPrivileged = 'privileged' in STARTS[c.start];
      expect(await privilegedOf(name)).toBe(form.privileged === 'keep' ? startedPrivileged : form.privileged === 'on');
      expect(await privilegedOf(twin)).toBe(c.sends.privileged ?? startedPrivileged);
      return;
    }

    if ('refused' in outcome) {
      // (b) the form blocks it, with the words the master answers the same body with.
      expect(check.errors).toEqual([outcome.refused]);
      const res = await put(name, c.sends);
      expect(res.status).toBe(422);
      expect(mapFieldErrors(res.body.error as FieldErrors, form, { ownStack: 'null' })).toEqual({ fields: [outcome.refused], general: [] });
      return;
    }

    // Emptying: the form says it cannot be done, the CLI refuses the empty value, and the
    // master keeps the value when given the only empty JSON can say.
    expect(check.errors).toEqual([outcome.cannotEmpty]);
    const parsed = parseCommandLine(`kontena service update ${c.flags ?? ''} ${name}`);
    expect(parsed).toEqual({ error: expect.stringMatching(/Invalid memory value/) as unknown });
    const before = await stored(name);
    const res = await put(name, outcome.masterGets);
    expect(res.status).toBe(200);
    expect(await stored(name)).toEqual(before);
  });

  it('pid cannot be edited by an update: the form sends nothing, and the master ignores the CLI’s --pid', async () => {
    const original = await start('dep-pid', 'neither');
    const form: ServiceForm = { ...formFromService(original), pid: true };
    expect(validateServiceForm(form, { mode: 'update', original }).errors).toEqual([]);
    expect(updateChanges(original, form)).toEqual([]);
    expect(updateBody(original, form)).toEqual({});
    expect(cliCommand(form, { mode: 'update', grid: GRID, original }).line).toBe(`kontena service update --grid ${GRID} dep-pid`);

    // kontena service update --pid host dep-pid: sent (§6), ignored (§4.4).
    const parsed = parseCommandLine('kontena service update --pid host dep-pid');
    expect(parsed).toMatchObject({ body: { pid: 'host', privileged: false }, warnings: ['--pid: the master ignores pid on update'] });
    const res = await put('dep-pid', { pid: 'host', privileged: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ pid: null, revision: original.revision });
  });

  it('stateful cannot be edited by an update either: the master keeps it, so volumes-from stays refused', async () => {
    const original = await start('dep-stateful', 'stateful');
    const form: ServiceForm = { ...formFromService(original), stateful: false, volumesFrom: [{ value: 'data-%s' }] };
    expect(validateServiceForm(form, { mode: 'update', original }).errors).toEqual([
      { path: 'volumesFrom.root', message: 'Cannot combine stateful & volumes_from' },
    ]);
    const res = await put('dep-stateful', { stateful: false, volumes_from: ['data-%s'] });
    expect(res.body).toEqual({ error: { volumes_from: 'Cannot combine stateful & volumes_from' } });
    expect((await put('dep-stateful', { stateful: false })).body).toMatchObject({ stateful: true, revision: original.revision });
  });

  it('a stored swap the CLI cannot write (-1, set through the API) does not block a Memory change', async () => {
    const res = await sim
      .master()
      .api('POST', `/v1/grids/${GRID}/services`, { body: { name: 'dep-swap-off', image: 'nginx:1.13', stateful: false, memory_swap: -1 } });
    expect(res.status).toBe(201);
    const original = await getService(ref('dep-swap-off'));
    const form: ServiceForm = { ...formFromService(original), memory: '256m' };
    expect(validateServiceForm(form, { mode: 'update', original })).toEqual({ errors: [], warnings: [] });
    expect(updateBody(original, form)).toEqual({ memory: 256 * MIB });
    expect(cliCommand(form, { mode: 'update', grid: GRID, original }).line).toBe(
      `kontena service update --grid ${GRID} -m 256m dep-swap-off`,
    );
    expect(await updateService(ref('dep-swap-off'), updateBody(original, form))).toMatchObject({ memory: 256 * MIB, memory_swap: -1 });
  });

  it('the same memory written another way is no change (so no body), as the master would store nothing new', async () => {
    const original = await start('dep-same', 'both');
    const form: ServiceForm = { ...formFromService(original), memory: '524288k', memorySwap: '1024M' };
    expect(validateServiceForm(form, { mode: 'update', original })).toEqual({ errors: [], warnings: [] });
    expect(updateBody(original, form)).toEqual({});
    // kontena service update -m 524288k --memory-swap 1024M: the same bytes, no new revision.
    expect((await put('dep-same', { memory: 512 * MIB, memory_swap: GIB, privileged: false })).body.revision).toBe(original.revision);
  });
});

describe('create: stateful & volumes-from (the only place stateful can be chosen)', () => {
  const volumesFrom = [{ value: 'data-%s' }];

  it('stateless with volumes-from: the body is the CLI’s, less the defaults it always sends', async () => {
    const form: ServiceForm = { ...emptyServiceForm(), name: 'dep-create', image: 'nginx:1.13', volumesFrom };
    expect(validateServiceForm(form, { mode: 'create' }).errors).toEqual([]);
    // kontena service create --volumes-from data-%s dep-create nginx:1.13 (§6: create
    // always sends stateful, privileged, log_opts and secrets; the last two are the defaults).
    const cli = {
      name: 'dep-create',
      image: 'nginx:1.13',
      stateful: false,
      volumes_from: ['data-%s'],
      privileged: false,
      log_opts: {},
      secrets: [],
    };
    expect(createBody(form)).toEqual(without(without(cli, 'log_opts'), 'secrets'));
    expect(cliCommand(form, { mode: 'create', grid: GRID }).line).toBe(
      `kontena service create --grid ${GRID} --volumes-from data-%s dep-create nginx:1.13`,
    );
    await createService(GRID, createBody(form));
    const twin = await sim.master().api('POST', `/v1/grids/${GRID}/services`, { body: { ...cli, name: 'dep-create-cli' } });
    expect(twin.status).toBe(201);
    expect(await stored('dep-create')).toEqual(await stored('dep-create-cli'));
  });

  it('stateful with volumes-from: refused by both, in the master’s words, at volumes-from', async () => {
    const form: ServiceForm = { ...emptyServiceForm(), name: 'dep-create-sf', image: 'nginx:1.13', stateful: true, volumesFrom };
    const refused = { path: 'volumesFrom.root', message: 'Cannot combine stateful & volumes_from' };
    expect(validateServiceForm(form, { mode: 'create' }).errors).toEqual([refused]);
    const cli = {
      name: 'dep-create-sf',
      image: 'nginx:1.13',
      stateful: true,
      volumes_from: ['data-%s'],
      privileged: false,
      log_opts: {},
      secrets: [],
    };
    const res = await sim.master().api('POST', `/v1/grids/${GRID}/services`, { body: cli });
    expect(res.status).toBe(422);
    expect(mapFieldErrors(obj(res.body).error as FieldErrors, form, { ownStack: 'null' })).toEqual({ fields: [refused], general: [] });
  });
});
