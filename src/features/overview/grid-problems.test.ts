import { describe, expect, it } from 'vitest';
import type { DeployStatus } from '../../api/grid-deploy-events';
import type { Node } from '../../api/schemas/node';
import type { Service } from '../../api/schemas/service';
import { gridProblems } from './grid-problems';

type ServiceBits = Pick<Service, 'id' | 'name' | 'state' | 'instances' | 'strategy' | 'health_status'> & {
  running: number;
  stack?: string;
};

function service({ running, stack = 'null', ...bits }: ServiceBits): Service {
  return {
    ...bits,
    grid: { id: 'g' },
    stack: { id: `g/${stack}`, name: stack },
    instance_counts: { total: bits.instances, running },
  } as unknown as Service;
}

const base = { state: 'running', instances: 3, strategy: 'ha', health_status: undefined } as const;
const failed: DeployStatus = { inProgress: false, failed: { reason: 'image not found', atMs: 1 } };

describe('gridProblems', () => {
  it('puts offline nodes first, then the worst service problems, by name within a kind', () => {
    const nodes = [
      { id: 'A:1', name: 'node-1', connected: true, last_seen_at: null },
      { id: 'A:2', name: 'node-2', connected: false, last_seen_at: '2017-04-06T14:03:07.000Z' },
    ] as unknown as Node[];
    const services = [
      service({ id: 'g/null/zeta', name: 'zeta', ...base, running: 0 }),
      service({ id: 'g/null/beta', name: 'beta', ...base, running: 1 }),
      service({ id: 'g/shop/alpha', name: 'alpha', stack: 'shop', ...base, running: 0 }),
      service({ id: 'g/null/fine', name: 'fine', ...base, running: 3 }),
    ];
    const { problems } = gridProblems(services, nodes, { 'g/null/fine': failed });
    expect(problems.map((p) => `${p.kind} ${p.subject}`)).toEqual([
      'node-offline node-2',
      'down shop/alpha',
      'down zeta',
      'deploy-failed fine',
      'degraded beta',
    ]);
    expect(problems[0]?.lastSeenMs).toBe(Date.parse('2017-04-06T14:03:07.000Z'));
    expect(problems[1]?.service).toEqual({ grid: 'g', stack: 'shop', name: 'alpha' });
  });
});
