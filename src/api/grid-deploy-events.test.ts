import { describe, expect, it } from 'vitest';
import { eventListSchema } from './schemas/event';
import type { EventLog } from './schemas/event';
import { createTestMaster } from '../../test/simulator/test-support';
import type { TestMaster } from '../../test/simulator/test-support';
import { createDeployTracker, DEPLOY_ACTIVE_MS, INITIAL_EVENT_LIMIT } from './grid-deploy-events';
import type { DeployTracker } from './grid-deploy-events';

function event(at: string, message: string, service = 'staging/null/web'): EventLog {
  return {
    created_at: at,
    severity: message.includes('errored') ? 3 : 1,
    type: 'service:deploy',
    message,
    meta: null,
    relationships: [
      { id: 'staging', type: 'grid' },
      { id: service, type: 'service' },
    ],
  };
}

/** One read of the grid's log as the wall does it, against the simulated master. */
async function poll(t: TestMaster, tracker: DeployTracker, grid: string): Promise<void> {
  const q = tracker.nextQuery();
  const params = new URLSearchParams({ limit: String(q.limit), ...(q.since ? { since: q.since } : {}) });
  const res = await t.api('GET', `/v1/grids/${grid}/event_logs?${params.toString()}`);
  tracker.apply(eventListSchema.parse(res.body).logs);
}

describe('deploy tracker', () => {
  it('follows a deploy from start to success or failure', () => {
    const tracker = createDeployTracker();
    const t0 = Date.parse('2017-04-06T12:00:00Z');
    tracker.apply([event('2017-04-06T12:00:00.000Z', 'service staging/null/web deploy started')]);
    expect(tracker.statuses(t0)).toEqual({ 'staging/null/web': { inProgress: true, failed: null } });
    tracker.apply([
      event(
        '2017-04-06T12:00:05.000Z',
        'deploy of staging/null/web errored: halting deploy of staging/null/web, one or more instances failed',
      ),
    ]);
    expect(tracker.statuses(t0)['staging/null/web']).toEqual({
      inProgress: false,
      failed: { reason: 'halting deploy of staging/null/web, one or more instances failed', atMs: t0 + 5_000 },
    });
    // A new deploy runs: the failure stays known until one succeeds.
    tracker.apply([event('2017-04-06T12:01:00.000Z', 'service staging/null/web deploy started')]);
    expect(tracker.statuses(t0)['staging/null/web']).toMatchObject({ inProgress: true, failed: { reason: /halting/ } });
    tracker.apply([event('2017-04-06T12:01:04.000Z', 'service staging/null/web deployed')]);
    expect(tracker.statuses(t0)).toEqual({});
  });

  it('asks for history first, then only for what came after the last event, without applying an event twice', () => {
    const tracker = createDeployTracker();
    expect(tracker.nextQuery()).toEqual({ limit: INITIAL_EVENT_LIMIT });
    const started = event('2017-04-06T12:00:00.000Z', 'service staging/null/web deploy started');
    tracker.apply([started]);
    // since is strictly-after, so the next read starts 1 ms before the last event.
    expect(tracker.nextQuery()).toEqual({ limit: 10_000, since: '2017-04-06T11:59:59.999Z' });
    const done = event('2017-04-06T12:00:00.000Z', 'service staging/null/web deployed');
    tracker.apply([started, done]);
    // The repeated "started" was skipped: the deploy is over, not running again.
    expect(tracker.statuses(Date.parse('2017-04-06T12:00:01Z'))).toEqual({});
  });

  it('forgets a deploy whose end it never saw after the master’s 30 minutes', () => {
    const tracker = createDeployTracker();
    tracker.apply([event('2017-04-06T12:00:00.000Z', 'service staging/null/web deploy started')]);
    const t0 = Date.parse('2017-04-06T12:00:00Z');
    expect(tracker.statuses(t0 + DEPLOY_ACTIVE_MS - 1)['staging/null/web']?.inProgress).toBe(true);
    expect(tracker.statuses(t0 + DEPLOY_ACTIVE_MS)).toEqual({});
  });

  it('answers the same object while nothing changed (so tiles do not re-render)', () => {
    const tracker = createDeployTracker();
    tracker.apply([event('2017-04-06T12:00:00.000Z', 'deploy of staging/null/web errored: x')]);
    const a = tracker.statuses(0);
    tracker.apply([event('2017-04-06T12:00:01.000Z', 'service instance web-1 is healthy')]);
    expect(tracker.statuses(0)).toBe(a);
  });

  it('keeps a bounded number of services', () => {
    const tracker = createDeployTracker(3);
    for (let i = 0; i < 10; i++)
      tracker.apply([event(`2017-04-06T12:00:0${i}.000Z`, `deploy of staging/null/s${i} errored: x`, `staging/null/s${i}`)]);
    expect(tracker.size()).toBe(3);
    expect(Object.keys(tracker.statuses(0)).sort()).toEqual(['staging/null/s7', 'staging/null/s8', 'staging/null/s9']);
  });

  it('reads the simulated master’s grid log: the demo’s failed deploy, then a deploy run and finish', async () => {
    const t = await createTestMaster();
    const tracker = createDeployTracker();
    await poll(t, tracker, 'staging');
    expect(tracker.statuses(t.clock.now())['staging/null/payments']?.failed?.reason).toMatch(/one or more instances failed/);

    expect(
      (await t.api('POST', '/v1/grids/staging/services', { body: { name: 'probe', image: 'nginx:1.11-alpine', stateful: false } })).status,
    ).toBe(201);
    expect((await t.api('POST', '/v1/services/staging/null/probe/deploy')).status).toBe(200);
    await t.clock.advanceAsync(1_000, 100);
    await poll(t, tracker, 'staging');
    expect(tracker.statuses(t.clock.now())['staging/null/probe']).toEqual({ inProgress: true, failed: null });
    await t.clock.advanceAsync(60_000, 500);
    await poll(t, tracker, 'staging');
    expect(tracker.statuses(t.clock.now())['staging/null/probe']).toBeUndefined();
    t.master.dispose();
  });
});
