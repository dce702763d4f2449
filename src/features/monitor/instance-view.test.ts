import { describe, expect, it } from 'vitest';
import type { Container } from '../../api/schemas/container';
import type { Node } from '../../api/schemas/node';
import type { Service } from '../../api/schemas/service';
import { serviceJson } from '../../../test/app/fixtures';
import { inferDeployActivity, knownDeployActivity } from './deploy-activity';
import { countByStatus, groupByNode, sameTile, tileModel } from './instance-view';
import { parseMonitorParams, writeMonitorParams } from './monitor-params';

function container(n: number, overrides: Partial<Container> = {}, node: string | null = 'node-1'): Container {
  return {
    id: node ? `g/${node}/web-${n}` : `web-${n}`,
    name: `web-${n}`,
    container_id: `c${n}`,
    grid_id: 'g',
    ...(node
      ? {
          node: {
            id: `ID:${node}`,
            connected: true,
            last_seen_at: '2017-04-06T12:00:00Z',
            name: node,
            labels: [],
            public_ip: null,
            private_ip: null,
            node_number: 1,
            grid: { id: 'g', name: 'g', initial_size: 1 },
          },
        }
      : {}),
    service_id: 'g/null/web',
    created_at: '2017-04-06T12:00:00Z',
    updated_at: '2017-04-06T12:00:00Z',
    started_at: '2017-04-06T12:00:00Z',
    finished_at: null,
    deleted_at: null,
    status: 'running',
    state: { running: true, exit_code: 0 },
    deploy_rev: '2017-04-06 12:00:00 UTC',
    service_rev: '3',
    instance_number: n,
    image: 'nginx',
    cmd: null,
    env: [],
    volumes: [],
    ip_address: null,
    hostname: null,
    domainname: null,
    network_settings: {},
    ...overrides,
  };
}

function node(name: string, connected = true): Node {
  return { name, connected, labels: ['az=a'], last_seen_at: '2017-04-06T11:00:00Z', public_ip: null } as unknown as Node;
}

describe('tiles', () => {
  it.each([
    [{ status: 'running', state: { running: true, exit_code: 0 } }, 'ok', 'running'],
    [{ status: 'stopped', state: { running: false, exit_code: 137 } }, 'neutral', 'exit 137'],
    [{ status: 'oom_killed', state: { oom_killed: true, exit_code: 137 } }, 'danger', 'OOM killed'],
    [{ status: 'restarting', state: { restarting: true } }, 'warn', 'restarting'],
    [{ status: 'dead', state: { dead: true, exit_code: 1 } }, 'danger', 'dead, exit 1'],
    [{ status: 'paused', state: { paused: true } }, 'info', 'paused'],
  ] as const)('%o → %s "%s"', (overrides, tone, label) => {
    const t = tileModel(container(1, overrides as Partial<Container>), 3);
    expect([t.tone, t.label]).toEqual([tone, label]);
  });

  it('carries health and an older revision, and compares only what it shows', () => {
    const a = tileModel(container(1, { health_status: { status: 'unhealthy', updated_at: 'x' }, service_rev: '2' }), 3);
    expect([a.health, a.outdated, a.serviceRev]).toEqual(['unhealthy', true, 2]);
    const b = tileModel(
      container(1, { health_status: { status: 'unhealthy', updated_at: 'y' }, service_rev: '2', updated_at: '2017-04-06T12:05:00Z' }),
      3,
    );
    expect(sameTile(a, b)).toBe(true);
    expect(sameTile(a, tileModel(container(1, { service_rev: '2' }), 3))).toBe(false);
  });
});

describe('groupByNode', () => {
  it('lists every node by name (empty and disconnected ones too), then instances without a node', () => {
    const groups = groupByNode(
      [node('node-10'), node('node-2', false), node('node-1')],
      [container(2, {}, 'node-1'), container(1, {}, 'node-1'), container(3, {}, 'node-9'), container(4, {}, null)],
    );
    expect(groups.map((g) => [g.name, g.connected, g.tiles.map((t) => t.instance)])).toEqual([
      ['node-1', true, [1, 2]],
      ['node-2', false, []],
      ['node-9', true, [3]],
      ['node-10', true, []],
      ['No node', null, [4]],
    ]);
  });

  it('carries each listed node’s load from its latest host sample; a node only the containers know has none', () => {
    const withSample = {
      ...node('node-1'),
      mem_total: 4096,
      resource_usage: { cpu: { user: 20, system: 2.5, nice: 0 }, memory: { total: 4000, used: 3000, cached: 500, buffers: 500 } },
    } as unknown as Node;
    const groups = groupByNode([withSample, node('node-2')], [container(1, {}, 'node-9')]);
    expect(groups.map((g) => [g.name, g.load])).toEqual([
      ['node-1', { cpuPercent: 22.5, memUsed: 2000, memTotal: 4000 }],
      ['node-2', { cpuPercent: null, memUsed: null, memTotal: null }],
      ['node-9', { cpuPercent: null, memUsed: null, memTotal: null }],
    ]);
  });

  it('falls back to the containers’ nodes when the node list is missing, and counts statuses', () => {
    const list = [
      container(1),
      container(2, { status: 'stopped', state: { exit_code: 1 } }),
      container(3, { status: 'stopped', state: { exit_code: 0 } }),
    ];
    expect(groupByNode(undefined, list).map((g) => g.name)).toEqual(['node-1']);
    expect(countByStatus(list)).toEqual([
      { tone: 'ok', label: 'running', count: 1 },
      { tone: 'neutral', label: 'stopped', count: 2 },
    ]);
  });
});

describe('deploy activity', () => {
  const service = (overrides: Partial<Service> = {}): Service => ({
    ...serviceJson({ grid: 'g', name: 'web', instances: 2 }),
    ...overrides,
  });

  it('infers a scale from placed vs desired instances, and a rolling update from mixed revisions', () => {
    expect(inferDeployActivity(service(), [container(1), container(2)])).toBeNull();
    expect(inferDeployActivity(service({ instances: 4 }), [container(1), container(2)])).toEqual({
      kind: 'inferred',
      reason: expect.stringContaining('2 of 4 instances placed'),
    });
    expect(inferDeployActivity(service(), [container(1), container(2, { service_rev: '2' })])).toEqual({
      kind: 'inferred',
      reason: expect.stringContaining('1 of 2 instances run the newest revision'),
    });
    // A daemon's count depends on the nodes that pass its filters: not judged.
    expect(inferDeployActivity(service({ strategy: 'daemon', instances: 1 }), [container(1), container(2)])).toBeNull();
    expect(inferDeployActivity(service({ state: 'stopped', instances: 5 }), [container(1)])).toBeNull();
  });

  it('reports a followed deploy’s progress', () => {
    const a = knownDeployActivity({
      id: 'd',
      created_at: 'x',
      started_at: 'y',
      finished_at: null,
      service_id: 'g/null/web',
      state: 'ongoing',
      reason: null,
      instance_count: 4,
      instance_deploys: [
        { instance_number: 1, node: 'n', state: 'success', error: null },
        { instance_number: 2, node: 'n', state: 'error', error: 'boom' },
        { instance_number: 3, node: 'n', state: 'ongoing', error: null },
      ],
    });
    expect(a).toMatchObject({ kind: 'known', done: 2, total: 4, failed: 1 });
  });
});

describe('monitor URL state', () => {
  it('defaults to every 2 s, keeps other params and drops defaults', () => {
    expect(parseMonitorParams(new URLSearchParams())).toEqual({ intervalS: 2, hideEmpty: false });
    expect(parseMonitorParams(new URLSearchParams('interval=7'))).toEqual({ intervalS: 2, hideEmpty: false });
    expect(parseMonitorParams(new URLSearchParams('interval=0&empty=hide'))).toEqual({ intervalS: 0, hideEmpty: true });
    expect(writeMonitorParams(new URLSearchParams('x=1&interval=5'), { intervalS: 2, hideEmpty: false }).toString()).toBe('x=1');
  });
});
