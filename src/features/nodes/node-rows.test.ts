import { describe, expect, it } from 'vitest';
import type { Node } from '../../api/schemas/node';
import { nodeRow, viewRows } from './node-rows';
import { DEFAULT_NODES_VIEW, parseNodesView, writeNodesView } from './nodes-view';

const NOW = Date.UTC(2017, 3, 6, 12, 0, 0);

function node(name: string, cpu: number | null, extra: Partial<Node> = {}): Node {
  return {
    id: `${name}:ID`,
    connected: true,
    created_at: '2017-04-01T00:00:00.000Z',
    updated_at: '2017-04-01T00:00:00.000Z',
    last_seen_at: new Date(NOW - 10_000).toISOString(),
    name,
    os: null,
    engine_root_dir: null,
    driver: null,
    network_drivers: [],
    volume_drivers: [],
    kernel_version: null,
    labels: [],
    mem_total: null,
    mem_limit: null,
    cpus: 2,
    public_ip: null,
    private_ip: null,
    overlay_ip: '10.81.0.1',
    agent_version: '1.2.0',
    docker_version: '1.12.6',
    peer_ips: [],
    node_number: 1,
    initial_member: true,
    grid: { id: 'g', name: 'g', initial_size: 3, token: 't', stats: { statsd: null }, trusted_subnets: [], subnet: '', supernet: '' },
    ...(cpu === null
      ? {}
      : {
          resource_usage: {
            memory: { total: 1000, used: 600, cached: 100, buffers: 100 },
            load: { '1m': 0.5, '5m': 0.4, '15m': 0.3 },
            filesystem: [{ name: '/var/lib/docker', used: 10, total: 100 }],
            usage: {},
            cpu: { user: cpu, system: 1, nice: 0, idle: 99 - cpu },
          },
        }),
    ...extra,
  };
}

describe('the nodes list rows', () => {
  const rows = [node('b-2', 10), node('a-10', 50), node('a-9', null), node('c', 30, { connected: false, labels: ['az=c'] })].map((n) =>
    nodeRow(n, NOW),
  );
  const names = (view: Partial<typeof DEFAULT_NODES_VIEW>) => viewRows(rows, { ...DEFAULT_NODES_VIEW, ...view }).map((r) => r.name);

  it('works out the figures `node show` prints', () => {
    const row = rows[0];
    expect(row?.usage).toMatchObject({ cpuPercent: 11, memUsed: 400, memTotal: 1000, diskUsed: 10, diskTotal: 100, load1: 0.5 });
    expect(row?.memPercent).toBe(40);
  });

  it('sorts names naturally, usage busiest first with unknowns last, state trouble first', () => {
    expect(names({})).toEqual(['a-9', 'a-10', 'b-2', 'c']);
    expect(names({ sort: 'cpu', dir: 'desc' })).toEqual(['a-10', 'c', 'b-2', 'a-9']);
    expect(names({ sort: 'cpu', dir: 'asc' })).toEqual(['b-2', 'c', 'a-10', 'a-9']);
    expect(names({ sort: 'state' })).toEqual(['c', 'a-9', 'a-10', 'b-2']);
  });

  it('filters by text (name, label, IP) and state', () => {
    expect(names({ q: 'AZ=C' })).toEqual(['c']);
    expect(names({ state: 'offline' })).toEqual(['c']);
    expect(names({ state: 'online', q: 'a-' })).toEqual(['a-9', 'a-10']);
  });

  it('keeps its view in the URL, defaults left out, junk ignored', () => {
    expect(writeNodesView({ q: 'x', state: 'offline', sort: 'cpu', dir: 'desc' }).toString()).toBe('q=x&state=offline&sort=cpu');
    expect(writeNodesView(DEFAULT_NODES_VIEW).toString()).toBe('');
    expect(parseNodesView(new URLSearchParams('sort=bogus&dir=up&state=gone'))).toEqual(DEFAULT_NODES_VIEW);
    expect(parseNodesView(new URLSearchParams('sort=load'))).toEqual({ ...DEFAULT_NODES_VIEW, sort: 'load', dir: 'desc' });
  });
});
