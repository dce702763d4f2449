// The stack facts and deploy steps over the simulated master's own answers (demo scenario).
import { afterEach, describe, expect, it } from 'vitest';
import { serviceListSchema } from '../../api/schemas/service';
import { stackDeploySchema, stackSchema } from '../../api/schemas/stack';
import { createTestMaster } from '../../../test/simulator/test-support';
import type { TestMaster } from '../../../test/simulator/test-support';
import { failedStep, stackDeploySteps } from './stack-deploy-steps';
import { exposedPorts, linkersOf, stackAndVersion, stackStateLabel } from './stack-facts';

let t: TestMaster | null = null;
afterEach(() => {
  t?.master.dispose();
  t = null;
});

async function master(): Promise<TestMaster> {
  t = await createTestMaster({ live: false });
  return t;
}

describe('stack facts', () => {
  it('print the STACK and EXPOSED PORTS columns of `kontena stack ls`, 0.0.0.0 as *', async () => {
    const m = await master();
    const monitoring = stackSchema.parse((await m.api('GET', '/v1/stacks/production/monitoring')).body);
    expect(stackAndVersion(monitoring)).toBe('kontena/monitoring:0.3.1');
    expect(exposedPorts(monitoring)).toEqual(['*:3000->3000/tcp']);
    expect(stackStateLabel('partially_running')).toBe('partially running');
    const shop = stackSchema.parse((await m.api('GET', '/v1/stacks/production/shop')).body);
    expect(exposedPorts(shop)).toEqual([]);
  });

  it('find the services of other stacks that link to a stack, not its own links nor links elsewhere', async () => {
    const m = await master();
    const dash = { name: 'dash', image: 'nginx', stateful: false, links: [{ name: 'monitoring/grafana', alias: 'g' }] };
    expect((await m.api('POST', '/v1/grids/production/services', { body: dash })).status).toBe(201);
    const services = serviceListSchema.parse((await m.api('GET', '/v1/grids/production/services')).body).services;
    expect(linkersOf(services, 'production', 'monitoring')).toEqual([
      { from: 'dash', ref: { grid: 'production', stack: 'null', name: 'dash' }, to: ['grafana'] },
    ]);
    // shop's services link to null/redis: the default stack is linked from shop.
    expect(linkersOf(services, 'production', 'shop')).toEqual([]);
    expect(
      linkersOf(services, 'production', 'null')
        .map((l) => l.from)
        .sort(),
    ).toEqual(['shop/app', 'shop/sidekiq']);
  });
});

describe('stack deploy steps', () => {
  it('list the deployed services in the worker’s order, then the rest as waiting, or not deployed after a failure', async () => {
    const m = await master();
    const stack = stackSchema.parse((await m.api('GET', '/v1/stacks/production/shop')).body);
    const started = stackDeploySchema.parse({
      id: 'd1',
      stack_id: 'production/shop',
      created_at: '2017-01-01T00:00:00.000Z',
      state: 'ongoing',
      service_deploys: [],
    });
    const waiting = stackDeploySteps('production', 'shop', started, stack.services);
    expect(waiting.map((s) => [s.name, s.status])).toEqual(stack.services.map((s) => [s.name, 'waiting']));
    const stopped = stackDeploySteps('production', 'shop', { ...started, state: 'error' }, stack.services);
    expect(new Set(stopped.map((s) => s.status))).toEqual(new Set(['not-deployed']));
    expect(failedStep(stopped)).toBeUndefined();
  });
});
