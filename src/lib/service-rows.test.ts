import { describe, expect, it } from 'vitest';
import { formatPorts } from './format-ports';
import { healthLevel } from './service-health';
import { countStates, filterServiceRows, sortServiceRows, stacksOf, toServiceRow, toServiceRows, type ListedService } from './service-rows';

function svc(over: Partial<Omit<ListedService, 'stack'>> & { name: string; stack?: string }): ListedService {
  const stack = over.stack ?? 'null';
  return {
    id: `g/${stack}/${over.name}`,
    image: 'nginx:1.11',
    state: 'running',
    instances: 1,
    instance_counts: { running: 1, total: 1 },
    strategy: 'ha',
    stateful: false,
    ports: [],
    updated_at: '2017-04-06T12:00:00.000Z',
    ...over,
    stack: { name: stack },
  };
}

const services = [
  svc({ name: 'web', stack: 'shop', image: 'nginx:1.11', updated_at: '2017-04-06T12:00:03.000Z', health_status: { healthy: 1, total: 2 } }),
  svc({ name: 'api-10', image: 'myorg/api:2', instances: 3, updated_at: '2017-04-06T12:00:01.000Z', state: 'stopped' }),
  svc({
    name: 'api-9',
    image: 'myorg/api:2',
    instances: 2,
    updated_at: '2017-04-06T12:00:02.000Z',
    health_status: { healthy: 0, total: 2 },
  }),
  svc({
    name: 'db',
    stack: 'shop',
    image: 'postgres:9.6',
    stateful: true,
    ports: [{ ip: '0.0.0.0', protocol: 'tcp', node_port: 5432, container_port: 5432 }],
  }),
];
const rows = toServiceRows(services);
const labels = (rs: readonly { label: string }[]) => rs.map((r) => r.label);

describe('service rows', () => {
  it('labels default-stack services by name and others as stack/name', () => {
    expect(labels(rows)).toEqual(['shop/web', 'api-10', 'api-9', 'shop/db']);
  });

  it('sorts names naturally, and every column both ways', () => {
    expect(labels(sortServiceRows(rows, 'name', 'asc'))).toEqual(['api-9', 'api-10', 'shop/db', 'shop/web']);
    expect(labels(sortServiceRows(rows, 'name', 'desc'))).toEqual(['shop/web', 'shop/db', 'api-10', 'api-9']);
    expect(labels(sortServiceRows(rows, 'updated', 'desc'))).toEqual(['shop/web', 'api-9', 'api-10', 'shop/db']);
    expect(labels(sortServiceRows(rows, 'instances', 'desc'))).toEqual(['api-10', 'api-9', 'shop/db', 'shop/web']);
    expect(labels(sortServiceRows(rows, 'health', 'asc'))).toEqual(['api-9', 'shop/web', 'api-10', 'shop/db']);
    expect(labels(sortServiceRows(rows, 'stateful', 'desc'))).toEqual(['shop/db', 'api-9', 'api-10', 'shop/web']);
    expect(labels(sortServiceRows(rows, 'ports', 'asc'))).toEqual(['shop/db', 'api-9', 'api-10', 'shop/web']);
    expect(labels(sortServiceRows(rows, 'ports', 'desc'))[0]).toBe('shop/db');
    expect(labels(sortServiceRows(rows, 'state', 'desc'))).toEqual(['api-10', 'api-9', 'shop/db', 'shop/web']);
    expect(labels(sortServiceRows(rows, 'image', 'asc'))).toEqual(['api-9', 'api-10', 'shop/web', 'shop/db']);
  });

  it('filters by text in name, stack/name, image and stack, by state and by stack', () => {
    const f = (q: string, states: string[] = [], stack: string | null = null) => labels(filterServiceRows(rows, { q, states, stack }));
    expect(f('API')).toEqual(['api-10', 'api-9']);
    expect(f('shop/')).toEqual(['shop/web', 'shop/db']);
    expect(f('postgres')).toEqual(['shop/db']);
    expect(f('', ['stopped'])).toEqual(['api-10']);
    expect(f('', [], 'null')).toEqual(['api-10', 'api-9']);
    expect(f('web', [], 'null')).toEqual([]);
    expect(filterServiceRows(rows, { q: '  ', states: [], stack: null })).toBe(rows);
  });

  it('makes a row of its service alone: the same service object shows the same, a changed one anew', () => {
    const first = toServiceRows(services);
    const changed = { ...services[1], state: 'running' } as ListedService;
    const next = toServiceRows([services[0] as ListedService, changed]);
    expect(next[0]?.service).toBe(first[0]?.service);
    expect(next[0]).toEqual(first[0]);
    expect(next[1]).not.toEqual(first[1]);
    expect(next[1]?.service.state).toBe('running');
  });

  it('counts states and lists stacks, the default stack first', () => {
    expect(Object.fromEntries(countStates(rows))).toEqual({ running: 3, stopped: 1 });
    expect(stacksOf(rows)).toEqual(['null', 'shop']);
  });

  it('formats ports like the CLI and reads health like the CLI', () => {
    expect(toServiceRow(services[3] as ListedService).ports).toBe('0.0.0.0:5432->5432/tcp');
    expect(
      formatPorts([
        { ip: '0.0.0.0', protocol: 'tcp', node_port: 80, container_port: 80 },
        { ip: '10.0.0.1', protocol: 'udp', node_port: 53, container_port: 5353 },
      ]),
    ).toBe('0.0.0.0:80->80/tcp, 10.0.0.1:53->5353/udp');
    expect(healthLevel(undefined)).toBe('none');
    expect(healthLevel({ healthy: 0, total: 0 })).toBe('unknown');
    // Not all healthy: pending or unhealthy, which the JSON alone does not tell (lib/service-health).
    expect(healthLevel({ healthy: 0, total: 3 })).toBe('unresolved');
    expect(healthLevel({ healthy: 2, total: 3 })).toBe('unresolved');
    expect(healthLevel({ healthy: 3, total: 3 })).toBe('healthy');
  });
});
