import { QueryClient, QueryObserver, environmentManager } from '@tanstack/react-query';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureClient } from './client';
import { deployQuery, queryKeys, retryApiError } from './queries';
import { ApiError } from './errors';
import { configureSessionStorage, setSession } from './session';
import { createFakeFetch, json } from '../../test/api/fake-fetch';
import type { FakeFetch } from '../../test/api/fake-fetch';
import { ACCESS_TOKEN, deployJson } from '../../test/api/fixtures';
import { MemoryStorage } from '../../test/api/memory-storage';

const REF = { grid: 'terminal-a', stack: 'null', name: 'redis' };
const DEPLOY_PATH = '/v1/services/terminal-a/null/redis/deploys/58e65b2a8e9a1a0007e3c1c0';
let fake: FakeFetch;

// Without a window TanStack Query acts as a server and schedules no refetch timers.
beforeAll(() => environmentManager.setIsServer(() => false));
afterAll(() => environmentManager.setIsServer(() => typeof window === 'undefined'));

beforeEach(() => {
  vi.useFakeTimers();
  fake = createFakeFetch();
  configureClient({ fetch: fake.fetch });
  configureSessionStorage({ local: new MemoryStorage(), session: new MemoryStorage() });
  setSession({ accessToken: ACCESS_TOKEN, refreshToken: null, expiresAt: null, user: null, remember: false });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('deployQuery', () => {
  it('polls every second until finished_at is set', async () => {
    let polls = 0;
    fake.route('GET', DEPLOY_PATH, () => {
      polls++;
      return json(200, polls < 3 ? deployJson() : deployJson({ state: 'success', finished_at: '2017-04-06T15:41:09.000+00:00' }));
    });
    const client = new QueryClient();
    const observer = new QueryObserver(client, deployQuery(REF, '58e65b2a8e9a1a0007e3c1c0'));
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(polls).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(polls).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(polls).toBe(3);
    expect(observer.getCurrentResult().data?.state).toBe('success');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(polls).toBe(3);
    unsubscribe();
    client.clear();
  });

  it('stops polling when the deploy record is gone (404)', async () => {
    fake.route('GET', DEPLOY_PATH, () => json(404, { error: 'Not found' }));
    const client = new QueryClient();
    const observer = new QueryObserver(client, deployQuery(REF, '58e65b2a8e9a1a0007e3c1c0'));
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(observer.getCurrentResult().error).toMatchObject({ kind: 'notFound' });
    expect(fake.calls).toHaveLength(1);
    unsubscribe();
    client.clear();
  });
});

describe('queryKeys', () => {
  it('nest so a grid or a service prefix covers what belongs to it', () => {
    const grid = queryKeys.grid('terminal-a');
    for (const key of [
      queryKeys.services('terminal-a'),
      queryKeys.service(REF),
      queryKeys.secrets('terminal-a'),
      queryKeys.nodes('terminal-a'),
      queryKeys.stacks('terminal-a'),
    ]) {
      expect(key.slice(0, grid.length)).toEqual(grid);
    }
    const service = queryKeys.service(REF);
    for (const key of [
      queryKeys.containers(REF),
      queryKeys.containerSummaries(REF),
      queryKeys.stats(REF),
      queryKeys.metrics(REF, {}),
      queryKeys.deploy(REF, 'x'),
    ]) {
      expect(key.slice(0, service.length)).toEqual(service);
    }
    expect(queryKeys.service({ ...REF, stack: 'teststack' })).not.toEqual(service);
    // Invalidating a service's containers (after an action) refreshes the live views' summaries too.
    expect(queryKeys.containerSummaries(REF).slice(0, queryKeys.containers(REF).length)).toEqual(queryKeys.containers(REF));
  });

  it('retry only what can heal', () => {
    expect(retryApiError(0, new ApiError({ kind: 'network', message: 'down' }))).toBe(true);
    expect(retryApiError(3, new ApiError({ kind: 'network', message: 'down' }))).toBe(false);
    for (const kind of ['auth', 'forbidden', 'notFound', 'validation'] as const) {
      expect(retryApiError(0, new ApiError({ kind, message: kind }))).toBe(false);
    }
  });
});
