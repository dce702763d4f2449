import { describe, expect, it } from 'vitest';
import { healthFromInstances } from './service-health';
import { healthIsOpen, serviceProblems } from './service-problems';
import type { DeployRecord, ProblemService } from './service-problems';

interface Bits {
  state?: string;
  instances?: number;
  running: number;
  strategy?: string;
  health?: [number, number];
}

function service({ state = 'running', instances = 3, running, strategy = 'ha', health }: Bits): ProblemService {
  return {
    state,
    strategy,
    instances,
    instance_counts: { running },
    ...(health ? { health_status: { healthy: health[0], total: health[1] } } : {}),
  };
}

const failed: DeployRecord = { inProgress: false, failed: { reason: 'Cannot find applicable node' } };

describe('serviceProblems', () => {
  it.each([
    ['running as wanted', service({ running: 3 }), undefined, []],
    ['all running and healthy', service({ instances: 3, running: 3, health: [3, 3] }), undefined, []],
    ['running < desired', service({ instances: 3, running: 2 }), undefined, ['degraded']],
    ['degraded', service({ running: 1 }), undefined, ['degraded']],
    ['nothing running although it should', service({ instances: 2, running: 0 }), undefined, ['down']],
    ['stopped when it should run', service({ state: 'stopped', instances: 2, running: 0 }), undefined, ['stopped']],
    // From the list alone 0/2 or 2/3 may be instances that have not reported yet: no problem (and no red) on that.
    ['no healthy instance, from the list alone', service({ instances: 2, running: 2, health: [0, 2] }), undefined, []],
    ['some not healthy, from the list alone', service({ instances: 3, running: 3, health: [2, 3] }), undefined, []],
    ['last deploy failed', service({ instances: 1, running: 1 }), failed, ['deploy-failed']],
    ['down and failed: down first', service({ instances: 2, running: 0 }), failed, ['down', 'deploy-failed']],
    [
      'failed, and deploying again: the new deploy is the news',
      service({ instances: 2, running: 0 }),
      { ...failed, inProgress: true },
      ['down'],
    ],
    ['never deployed is not a problem', service({ state: 'initialized', instances: 1, running: 0 }), undefined, []],
    ['scaled to 0 is not down', service({ instances: 0, running: 0 }), undefined, []],
    ['daemon: per-node count is not compared', service({ strategy: 'daemon', instances: 1, running: 5 }), undefined, []],
    ['a daemon with fewer running than `instances` (per node)', service({ strategy: 'daemon', running: 1 }), undefined, []],
    ['daemon with nothing running is down', service({ strategy: 'daemon', instances: 1, running: 0 }), undefined, ['down']],
  ] as const)('%s', (_, svc, deploy, kinds) => {
    expect(serviceProblems(svc, deploy).map((p) => p.kind)).toEqual(kinds);
  });

  it('counts a failed deploy until a new one is under way', () => {
    const s = service({ running: 3 });
    const imageNotFound: DeployRecord = { inProgress: false, failed: { reason: 'image not found' } };
    expect(serviceProblems(s, imageNotFound).map((p) => [p.kind, p.detail])).toEqual([['deploy-failed', 'image not found']]);
    expect(serviceProblems(s, { ...imageNotFound, inProgress: true })).toEqual([]);
  });

  it('makes a problem of instances that reported unhealthy, never of pending ones', () => {
    const svc = service({ instances: 3, running: 3, health: [0, 3] });
    const reported = (healthy: number, unhealthy: number, pending: number) =>
      healthFromInstances(true, [
        ...Array.from({ length: healthy }, () => ({ health_status: { status: 'healthy' as const } })),
        ...Array.from({ length: unhealthy }, () => ({ health_status: { status: 'unhealthy' as const } })),
        ...Array.from({ length: pending }, () => ({})),
      ]);
    expect(serviceProblems(svc, undefined, reported(0, 0, 3))).toEqual([]);
    expect(serviceProblems(svc, undefined, reported(2, 0, 1))).toEqual([]);
    expect(serviceProblems(svc, undefined, reported(0, 3, 0))).toEqual([
      { kind: 'unhealthy', tone: 'danger', title: 'Unhealthy', detail: '3 of 3 unhealthy' },
    ]);
    expect(serviceProblems(svc, undefined, reported(2, 1, 0)).map((p) => p.kind)).toEqual(['partly-unhealthy']);
  });
});

describe('healthIsOpen', () => {
  it('is open only for running services some of whose instances did not report healthy', () => {
    const s = (health: [number, number] | undefined, running = 3) => healthIsOpen(service({ running, ...(health ? { health } : {}) }));
    expect(s([1, 3])).toBe(true);
    expect(s([3, 3])).toBe(false);
    expect(s(undefined)).toBe(false);
    expect(s([0, 3], 0)).toBe(false);
  });
});
