import { afterEach, describe, expect, it } from 'vitest';
import { arr, createTestMaster, obj, type TestMaster } from '../../../test/simulator/test-support';

let t: TestMaster;
afterEach(() => t.master.dispose());

interface Svc {
  id: string;
  state: string;
  stateful: boolean;
  links: unknown[];
  secrets: unknown[];
  env: unknown[];
  health_check?: unknown;
  instance_counts: { total: number; running: number };
}

async function services(grid: string): Promise<Svc[]> {
  return obj((await t.api('GET', `/v1/grids/${grid}/services`)).body).services as Svc[];
}

describe('demo', () => {
  it('has two grids with nodes in availability zones and a varied set of services', async () => {
    t = await createTestMaster();
    const grids = arr(obj((await t.api('GET', '/v1/grids')).body).grids).map(obj);
    expect(grids.map((g) => [g.name, g.node_count])).toEqual([
      ['production', 5],
      ['staging', 3],
    ]);
    const nodes = arr(obj((await t.api('GET', '/v1/grids/production/nodes')).body).nodes).map(obj);
    expect(new Set(nodes.flatMap((n) => (n.labels as string[]).filter((l) => l.startsWith('az='))))).toEqual(
      new Set(['az=a', 'az=b', 'az=c']),
    );
    expect(nodes.every((n) => 'resource_usage' in n)).toBe(true);
    const all = [...(await services('production')), ...(await services('staging'))];
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(all.length).toBeLessThanOrEqual(25);
    const states = all.map((s) => s.state);
    expect(states.filter((s) => s === 'running').length).toBeGreaterThan(all.length / 2);
    expect(states).toContain('stopped');
    expect(states).toContain('initialized');
    expect(all.some((s) => s.stateful)).toBe(true);
    expect(all.some((s) => s.health_check)).toBe(true);
    expect(all.some((s) => s.links.length > 0 && s.secrets.length > 0 && s.env.length > 0)).toBe(true);
    expect(new Set(all.map((s) => s.id.split('/')[1])).size).toBeGreaterThanOrEqual(3);
    const stacks = arr(obj((await t.api('GET', '/v1/grids/production/stacks')).body).stacks).map(obj);
    expect(stacks.map((s) => s.name)).toEqual(['shop', 'monitoring']);
    expect(Object.keys(stacks[0] ?? {})).toHaveLength(13);
    expect((await t.api('GET', '/v1/stacks/production/nope')).body).toEqual({});
  });

  it('has a service whose last deploy errored, retried by the scheduler', async () => {
    t = await createTestMaster();
    const path = '/v1/services/staging/null/payments';
    const logs = arr(obj((await t.api('GET', `${path}/event_logs`)).body).logs).map(obj);
    expect(logs.some((e) => e.severity === 3)).toBe(true);
    await t.clock.advanceAsync(30_000, 1000);
    const later = arr(obj((await t.api('GET', `${path}/event_logs?limit=1000`)).body).logs).map(obj);
    expect(later.some((e) => e.type === 'scheduler')).toBe(true);
    // Event logs come out oldest first.
    const times = later.map((e) => String(e.created_at));
    expect([...times].sort()).toEqual(times);
  });

  it('now and then loses a node for a while; the scheduler moves its instances', async () => {
    t = await createTestMaster();
    let disconnected: string | null = null;
    for (let i = 0; i < 8 * 60 && disconnected === null; i++) {
      await t.clock.advanceAsync(1000, 1000);
      for (const grid of ['production', 'staging']) {
        const nodes = arr(obj((await t.api('GET', `/v1/grids/${grid}/nodes`)).body).nodes).map(obj);
        const down = nodes.find((n) => n.connected === false);
        if (down) disconnected = `${grid}/${String(down.name)}`;
      }
    }
    expect(disconnected).not.toBeNull();
    await t.clock.advanceAsync(70_000, 1000);
    const [grid, name] = String(disconnected).split('/');
    const node = obj((await t.api('GET', `/v1/nodes/${String(grid)}/${String(name)}`)).body);
    expect(node.connected).toBe(true);
  });
});

describe('empty', () => {
  it('has no grids', async () => {
    t = await createTestMaster({ scenario: 'empty' });
    expect(obj((await t.api('GET', '/v1/grids')).body).grids).toEqual([]);
  });
});

describe('large', () => {
  it('has at least 5,000 services and 15,000 containers on 50+ nodes', async () => {
    t = await createTestMaster({ scenario: 'large', live: false });
    const grid = obj((await t.api('GET', '/v1/grids/large')).body);
    expect(grid.service_count).toBeGreaterThanOrEqual(5000);
    expect(grid.container_count).toBeGreaterThanOrEqual(15000);
    expect(grid.node_count).toBeGreaterThanOrEqual(50);
    const list = await services('large');
    expect(list.length).toBeGreaterThanOrEqual(5000);
    expect(list.reduce((n, s) => n + s.instance_counts.total, 0)).toBeGreaterThanOrEqual(15000);
  });
});
