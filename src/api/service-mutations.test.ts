import { QueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { configureClient } from './client';
import { claimDeployFinish, followedDeployFilter, followedDeployOf, MAX_FOLLOWED } from './deploys-in-flight';
import type { FollowedDeploy } from './deploys-in-flight';
import { queryKeys } from './queries';
import { configureSessionStorage, setSession } from './session';
import { runMutation, runServiceAction, secretLinkMutation, serviceEnvAddMutation } from './service-mutations';
import type { ServiceRef } from './service-ref';
import { createFakeFetch, json } from '../../test/api/fake-fetch';
import type { FakeFetch } from '../../test/api/fake-fetch';
import { ACCESS_TOKEN, deployJson, serviceJson } from '../../test/api/fixtures';
import { MemoryStorage } from '../../test/api/memory-storage';

const REF: ServiceRef = { grid: 'terminal-a', stack: 'null', name: 'redis' };
let fake: FakeFetch;
let deploys = 0;

beforeEach(() => {
  fake = createFakeFetch();
  configureClient({ baseUrl: 'http://master.test', fetch: fake.fetch });
  configureSessionStorage({ local: new MemoryStorage(), session: new MemoryStorage() });
  setSession({ accessToken: ACCESS_TOKEN, refreshToken: null, expiresAt: null, user: null, remember: false });
  fake.route('POST', /\/(deploy|scale)$/, (call) => {
    const [, , , grid, stack, name] = call.url.pathname.split('/');
    // "gone": a service the master does not know.
    if (name === 'gone') return json(404, { error: 'Not found' });
    deploys += 1;
    return json(
      200,
      deployJson({ id: `d${deploys}`, service_id: `${grid}/${stack}/${name}`, state: 'created', started_at: null, instance_deploys: [] }),
    );
  });
});

/** A client that has read the service, its list, its containers (full and summaries) and its stats. */
function clientWithEverythingRead(): QueryClient {
  const client = new QueryClient();
  for (const key of [
    queryKeys.services(REF.grid),
    queryKeys.service(REF),
    queryKeys.containers(REF),
    queryKeys.containerSummaries(REF),
    queryKeys.stats(REF),
  ]) {
    client.setQueryData(key, []);
  }
  return client;
}

const isStale = (client: QueryClient, key: QueryKey) => client.getQueryState(key)?.isInvalidated === true;

function staleOf(client: QueryClient) {
  return {
    list: isStale(client, queryKeys.services(REF.grid)),
    service: isStale(client, queryKeys.service(REF)),
    containers: isStale(client, queryKeys.containers(REF)),
    summaries: isStale(client, queryKeys.containerSummaries(REF)),
    stats: isStale(client, queryKeys.stats(REF)),
  };
}

function followed(client: QueryClient): FollowedDeploy[] {
  return client
    .getMutationCache()
    .findAll(followedDeployFilter)
    .flatMap((m) => followedDeployOf(m) ?? []);
}

describe('what a change to a service refreshes', () => {
  it('an env change: the service and the list, never the containers (3 MB at 2,000 instances) or the stats', async () => {
    fake.route('POST', '/v1/services/terminal-a/null/redis/envs', () => json(200, {}));
    const client = clientWithEverythingRead();
    await runMutation(client, serviceEnvAddMutation(REF), 'A=1');
    expect(staleOf(client)).toEqual({ list: true, service: true, containers: false, summaries: false, stats: false });
  });

  it('an accepted change makes the grid audit log stale (the "changed by" line); a refused one does not', async () => {
    fake.route('POST', '/v1/services/terminal-a/null/redis/envs', (call) =>
      call.body === JSON.stringify({ env: 'BAD' }) ? json(422, { env: 'is invalid' }) : json(200, {}),
    );
    const client = clientWithEverythingRead();
    const audit = [...queryKeys.auditLog(REF.grid), { limit: 500 }];
    client.setQueryData(audit, []);
    await expect(runMutation(client, serviceEnvAddMutation(REF), 'BAD')).rejects.toThrow();
    expect(isStale(client, audit)).toBe(false);
    await runMutation(client, serviceEnvAddMutation(REF), 'A=1');
    expect(isStale(client, audit)).toBe(true);
  });

  it('a change the master answers with the service: shown at once, not read again', async () => {
    fake.route('GET', '/v1/services/terminal-a/null/redis', () => json(200, serviceJson()));
    fake.route('PUT', '/v1/services/terminal-a/null/redis', () => json(200, serviceJson({ revision: 4 })));
    const client = clientWithEverythingRead();
    await runMutation(client, secretLinkMutation(REF), { secret: 'TOKEN', name: 'API_TOKEN' });
    expect(client.getQueryData(queryKeys.service(REF))).toMatchObject({ revision: 4 });
    expect(staleOf(client)).toEqual({ list: true, service: false, containers: false, summaries: false, stats: false });
  });

  it('a refused change: the service only, which may have changed or gone', async () => {
    fake.route('POST', '/v1/services/terminal-a/null/redis/envs', () => json(422, { env: 'is invalid' }));
    const client = clientWithEverythingRead();
    await expect(runMutation(client, serviceEnvAddMutation(REF), 'A=1')).rejects.toThrow();
    expect(staleOf(client)).toEqual({ list: false, service: true, containers: false, summaries: false, stats: false });
  });

  it('a deploy: its record is the first read of the deploy, and the list, the service and its containers are read again', async () => {
    const client = clientWithEverythingRead();
    const deploy = await runServiceAction(client, REF, { kind: 'deploy', force: false });
    expect(deploy?.id).toMatch(/^d\d+$/);
    expect(client.getQueryData(queryKeys.deploy(REF, deploy?.id ?? ''))).toEqual(deploy);
    expect(staleOf(client)).toEqual({ list: true, service: true, containers: true, summaries: true, stats: false });
  });

  it('a removal: the service leaves the list at once, with its followed deploys', async () => {
    fake.route('DELETE', '/v1/services/terminal-a/null/redis', () => json(200, {}));
    fake.route('GET', '/v1/services/terminal-a/null/redis', () => json(404, { error: 'Not found' }));
    const client = clientWithEverythingRead();
    client.setQueryData(queryKeys.services(REF.grid), [serviceJson(), serviceJson({ id: 'terminal-a/null/other', name: 'other' })]);
    await runServiceAction(client, REF, { kind: 'deploy', force: false });
    await runServiceAction(client, REF, { kind: 'remove' }, { sleep: async () => undefined });
    expect(client.getQueryData<{ id: string }[]>(queryKeys.services(REF.grid))?.map((s) => s.id)).toEqual(['terminal-a/null/other']);
    expect(followed(client)).toEqual([]);
  });
});

describe('deploys in flight', () => {
  it('follows each deploy and scale started, whatever started it: one per service, the latest', async () => {
    const client = new QueryClient();
    const other = { ...REF, name: 'web' };
    await runServiceAction(client, REF, { kind: 'deploy', force: true });
    await runServiceAction(client, other, { kind: 'scale', instances: 3 }, { quiet: true });
    expect(followed(client).map(({ serviceId, title, quiet }) => ({ serviceId, title, quiet }))).toEqual([
      { serviceId: 'terminal-a/null/redis', title: 'Force deploy', quiet: false },
      { serviceId: 'terminal-a/null/web', title: 'Scale to 3', quiet: true },
    ]);
    const latest = await runServiceAction(client, REF, { kind: 'deploy', force: false });
    expect(followed(client).map((f) => [f.serviceId, f.deployId, f.title])).toEqual([
      ['terminal-a/null/web', expect.any(String), 'Scale to 3'],
      ['terminal-a/null/redis', latest?.id, 'Deploy'],
    ]);
  });

  it('a refused deploy follows nothing', async () => {
    const client = new QueryClient();
    await expect(runServiceAction(client, { ...REF, name: 'gone' }, { kind: 'deploy', force: false })).rejects.toThrow();
    await runServiceAction(client, REF, { kind: 'deploy', force: false });
    expect(followed(client).map((f) => f.serviceId)).toEqual(['terminal-a/null/redis']);
    expect(client.getMutationCache().findAll({ status: 'error' })).toEqual([]);
  });

  it(`keeps at most ${MAX_FOLLOWED}: the finished go first, then the oldest`, async () => {
    const client = new QueryClient();
    const ref = (i: number) => ({ ...REF, name: `s${i}` });
    for (let i = 0; i < MAX_FOLLOWED; i++) await runServiceAction(client, ref(i), { kind: 'deploy', force: false });
    // s7's deploy finished; the others still run.
    const s7 = followed(client).find((f) => f.serviceId === 'terminal-a/null/s7');
    client.setQueryData(
      queryKeys.deploy(ref(7), s7?.deployId ?? ''),
      deployJson({ id: s7?.deployId, finished_at: '2017-04-06T15:42:00.000+00:00', state: 'success' }),
    );
    await runServiceAction(client, ref(MAX_FOLLOWED), { kind: 'deploy', force: false });
    await runServiceAction(client, ref(MAX_FOLLOWED + 1), { kind: 'deploy', force: false });
    const names = followed(client).map((f) => f.ref.name);
    expect(names).toHaveLength(MAX_FOLLOWED);
    expect(names).not.toContain('s7');
    expect(names).not.toContain('s0');
    expect(names.slice(0, 2)).toEqual(['s1', 's2']);
    expect(names.at(-1)).toBe(`s${MAX_FOLLOWED + 1}`);
  });

  it('an outcome is claimed once per client: the first reader to see a finish tells it', () => {
    const a = new QueryClient();
    const b = new QueryClient();
    expect(claimDeployFinish(a, 'd1')).toBe(true);
    expect(claimDeployFinish(a, 'd1')).toBe(false);
    expect(claimDeployFinish(b, 'd1')).toBe(true);
  });

  it('forgets the claims of deploys that left the cache (a sign-out clears it), so a tab left open stays bounded', () => {
    const client = new QueryClient();
    expect(claimDeployFinish(client, 'gone-0')).toBe(true);
    for (let i = 1; i <= MAX_FOLLOWED; i++) claimDeployFinish(client, `gone-${i}`);
    // None of them is followed any more: the first claim was let go, not kept for the tab's life.
    expect(claimDeployFinish(client, 'gone-0')).toBe(true);
  });
});
