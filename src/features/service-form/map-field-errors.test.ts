import { describe, expect, it } from 'vitest';
import type { FieldErrors } from '../../api/errors';
import { mapFieldErrors, type MappedErrors } from './map-field-errors';
import { emptyServiceForm, type ServiceForm } from './service-form-model';

const form = (patch: Partial<ServiceForm>): ServiceForm => ({ ...emptyServiceForm(), name: 'web', image: 'nginx:1', ...patch });
const fields = (...pairs: [string, string][]): MappedErrors => ({
  fields: pairs.map(([path, message]) => ({ path, message })),
  general: [],
});

describe('mapFieldErrors: each 422 shape of the master lands on its field and row', () => {
  const cases: [string, FieldErrors, Partial<ServiceForm>, MappedErrors][] = [
    ['a plain field', { image: 'Image is required' }, {}, fields(['image', 'Image is required'])],
    ['the bare uniqueness message', { name: 'is already taken' }, {}, fields(['name', 'is already taken'])],
    [
      'several plain fields',
      { cpu_shares: 'Cpu Shares is too big', memory: "Memory isn't an integer" },
      {},
      fields(['cpuShares', 'Cpu Shares is too big'], ['memory', "Memory isn't an integer"]),
    ],
    [
      'container_count goes to Instances',
      { container_count: "Container Count isn't an integer" },
      {},
      fields(['instances', "Container Count isn't an integer"]),
    ],
    [
      'net in container mode',
      { net: "Net isn't in the right format" },
      { netMode: 'container', netContainer: 'x' },
      fields(['netContainer', "Net isn't in the right format"]),
    ],
    [
      'per-element hashes (ports), skipping blank rows',
      { ports: [null, { node_port: 'Node Port is required', protocol: "Protocol can't be nil" }] },
      { ports: [{ value: '80:80' }, { value: '' }, { value: ':81' }] },
      fields(['ports.2.value', "Node Port is required · Protocol can't be nil"]),
    ],
    [
      'per-element strings (env)',
      { env: [null, "Env[1] isn't a string"] },
      {
        env: [
          { key: 'A', value: '1' },
          { key: 'B', value: '2' },
        ],
      },
      fields(['env.1.key', "Env[1] isn't a string"]),
    ],
    ['a whole-list message (env)', { env: "Env isn't an array" }, {}, fields(['env.root', "Env isn't an array"])],
    [
      'per-element hashes (links)',
      { links: [{ alias: 'Alias is required' }] },
      { links: [{ target: 'redis', alias: '' }] },
      fields(['links.0.alias', 'Alias is required']),
    ],
    [
      'a missing linked service, at its row (bare name resolved in the own stack)',
      { links: 'Service null/nope does not exist' },
      {
        links: [
          { target: 'redis', alias: '' },
          { target: 'nope', alias: 'n' },
        ],
      },
      fields(['links.1.target', 'Service null/nope does not exist']),
    ],
    [
      'a missing stack, at its row',
      { links: 'Link nostack/db points to non-existing stack' },
      { links: [{ target: 'nostack/db', alias: '' }] },
      fields(['links.0.target', 'Link nostack/db points to non-existing stack']),
    ],
    [
      'a missing secret, at its row',
      { secrets: 'Secret NOPE does not exist' },
      {
        secrets: [
          { secret: 'DB_PASSWORD', name: 'A' },
          { secret: 'NOPE', name: 'B' },
        ],
      },
      fields(['secrets.1.secret', 'Secret NOPE does not exist']),
    ],
    [
      'per-element hashes (secrets)',
      { secrets: [{ name: 'Name is required' }] },
      { secrets: [{ secret: 'X', name: '' }] },
      fields(['secrets.0.name', 'Name is required']),
    ],
    [
      'a volume in the wrong format, at its row',
      { volumes: "Volume definition 'data' not in right format" },
      { volumes: [{ value: '/ok' }, { value: 'data' }] },
      fields(['volumes.1.value', "Volume definition 'data' not in right format"]),
    ],
    [
      'a volume rule about the list',
      { volumes: 'Adding a non-named volume is not supported to a stateful service' },
      { volumes: [{ value: '/x' }] },
      fields(['volumes.root', 'Adding a non-named volume is not supported to a stateful service']),
    ],
    [
      'stateful & volumes_from',
      { volumes_from: 'Cannot combine stateful & volumes_from' },
      { volumesFrom: [{ value: 'a' }] },
      fields(['volumesFrom.root', 'Cannot combine stateful & volumes_from']),
    ],
    [
      'nested hash: health_check',
      { health_check: { port: 'Port is required', protocol: 'Protocol is required' } },
      {},
      fields(['healthCheck.port', 'Port is required'], ['healthCheck.protocol', 'Protocol is required']),
    ],
    [
      'health_check custom message',
      { health_check: 'Interval has to be bigger than timeout' },
      {},
      fields(['healthCheck.interval', 'Interval has to be bigger than timeout']),
    ],
    [
      'nested hash: deploy_opts',
      { deploy_opts: { min_health: 'Min Health is invalid' } },
      {},
      fields(['deployMinHealth', 'Min Health is invalid']),
    ],
    [
      'nested hash with per-element hashes: hooks',
      { hooks: { post_start: [null, { cmd: 'Cmd is required', instances: 'Instances is required' }] } },
      {
        hooks: [
          { name: 'a', cmd: 'x', instances: '*', oneshot: false },
          { name: 'b', cmd: '', instances: '', oneshot: false },
        ],
      },
      fields(['hooks.1.cmd', 'Cmd is required'], ['hooks.1.instances', 'Instances is required']),
    ],
    ['hooks not a hash', { hooks: "Hooks isn't a hash" }, {}, fields(['hooks.root', "Hooks isn't a hash"])],
    [
      'log_opts by key',
      { log_opts: { tag: "Tag isn't a string" } },
      {
        logOpts: [
          { key: 'max-size', value: '1m' },
          { key: 'tag', value: 'x' },
        ],
      },
      fields(['logOpts.1.value', "Tag isn't a string"]),
    ],
    ['the strategy’s custom message', { strategy: 'Strategy not supported' }, {}, fields(['strategy', 'Strategy not supported'])],
    [
      'per-element strings of a text list (affinity)',
      { affinity: ["Affinity[0] isn't a string"] },
      { affinity: [{ subject: 'node', operator: '==', value: 'x' }] },
      fields(['affinity.0.value', "Affinity[0] isn't a string"]),
    ],
    [
      'an element without a row goes to the list',
      { cap_add: [null, "Cap Add[1] isn't a string"] },
      { capAdd: [{ value: 'A' }] },
      fields(['capAdd.root', "Cap Add[1] isn't a string"]),
    ],
  ];

  it.each(cases)('%s', (_label, errors, patch, expected) => {
    expect(mapFieldErrors(errors, form(patch), { ownStack: 'null' })).toEqual(expected);
  });

  it('keeps what belongs to no input as general messages', () => {
    expect(
      mapFieldErrors({ grid: "Grid isn't the right class", service: 'Cannot delete service' }, form({}), { ownStack: 'null' }),
    ).toEqual({
      fields: [],
      general: ["grid: Grid isn't the right class", 'service: Cannot delete service'],
    });
  });

  it('resolves bare link targets in the service’s own stack', () => {
    const mapped = mapFieldErrors({ links: 'Service shop/db does not exist' }, form({ links: [{ target: 'db', alias: '' }] }), {
      ownStack: 'shop',
    });
    expect(mapped.fields).toEqual([{ path: 'links.0.target', message: 'Service shop/db does not exist' }]);
  });
});
