// What a stack or volume change refreshes (api/stack-mutations, api/stack-queries), against a fake master.
import { QueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { configureClient } from './client';
import { queryKeys } from './queries';
import { configureSessionStorage, setSession } from './session';
import { runMutation } from './service-mutations';
import { stackDeployMutation, stackRemoveMutation, volumeRemoveMutation } from './stack-mutations';
import { stackDeployQuery } from './stack-queries';
import type { StackDeploy } from './stacks';
import { createFakeFetch, json } from '../../test/api/fake-fetch';
import type { FakeFetch } from '../../test/api/fake-fetch';
import { ACCESS_TOKEN, stackJson } from '../../test/api/fixtures';
import { MemoryStorage } from '../../test/api/memory-storage';

const GRID = 'terminal-a';
let fake: FakeFetch;

function stackDeployJson(state: StackDeploy['state']): StackDeploy {
  return { id: 'sd1', stack_id: `${GRID}/blog`, created_at: '2026-12-07T10:00:00.000Z', state, service_deploys: [] };
}

beforeEach(() => {
  fake = createFakeFetch();
  configureClient({ baseUrl: 'http://master.test', fetch: fake.fetch });
  configureSessionStorage({ local: new MemoryStorage(), session: new MemoryStorage() });
  setSession({ accessToken: ACCESS_TOKEN, refreshToken: null, expiresAt: null, user: null, remember: false });
});

const isStale = (client: QueryClient, key: QueryKey) => client.getQueryState(key)?.isInvalidated === true;

function clientWithListsRead(): QueryClient {
  const client = new QueryClient();
  client.setQueryData(queryKeys.stacks(GRID), [
    { ...stackJson(), name: 'blog' },
    { ...stackJson(), name: 'shop' },
  ]);
  client.setQueryData(queryKeys.services(GRID), []);
  client.setQueryData(queryKeys.stack(GRID, 'blog'), { ...stackJson(), name: 'blog' });
  client.setQueryData(queryKeys.volumes(GRID), []);
  client.setQueryData(queryKeys.secrets(GRID), []);
  return client;
}

describe('stack changes', () => {
  it('a deploy accepted keeps the stack deploy as the first read to follow and refreshes the stack and both lists, nothing else', async () => {
    fake.route('POST', `/v1/stacks/${GRID}/blog/deploy`, () => json(200, stackDeployJson('created')));
    const client = clientWithListsRead();
    const deploy = await runMutation(client, stackDeployMutation(GRID, 'blog'), undefined);
    expect(client.getQueryData(queryKeys.stackDeploy(GRID, 'blog', deploy.id))).toEqual(deploy);
    expect([queryKeys.stack(GRID, 'blog'), queryKeys.stacks(GRID), queryKeys.services(GRID)].map((k) => isStale(client, k))).toEqual([
      true,
      true,
      true,
    ]);
    expect(isStale(client, queryKeys.secrets(GRID))).toBe(false);
  });

  it('the poll that first sees a stack deploy finish refreshes the stack and the lists; later reads do not', async () => {
    let state: StackDeploy['state'] = 'ongoing';
    fake.route('GET', `/v1/stacks/${GRID}/blog/deploys/sd1`, () => json(200, stackDeployJson(state)));
    const client = clientWithListsRead();
    await client.fetchQuery(stackDeployQuery(GRID, 'blog', 'sd1'));
    expect(isStale(client, queryKeys.stacks(GRID))).toBe(false);
    state = 'success';
    await client.fetchQuery({ ...stackDeployQuery(GRID, 'blog', 'sd1'), staleTime: 0 });
    expect([isStale(client, queryKeys.stack(GRID, 'blog')), isStale(client, queryKeys.services(GRID))]).toEqual([true, true]);
    client.setQueryData(queryKeys.services(GRID), []);
    await client.fetchQuery({ ...stackDeployQuery(GRID, 'blog', 'sd1'), staleTime: 0 });
    expect(isStale(client, queryKeys.services(GRID))).toBe(false);
  });

  it('a removal settles when the master answers 404 for the stack, which then leaves the list', async () => {
    let reads = 0;
    fake.route('DELETE', `/v1/stacks/${GRID}/blog`, () => json(200, {}));
    fake.route('GET', `/v1/stacks/${GRID}/blog`, () => {
      reads += 1;
      return reads < 3 ? json(200, { ...stackJson(), name: 'blog' }) : json(404, {});
    });
    const client = clientWithListsRead();
    await runMutation(client, stackRemoveMutation(GRID, 'blog', { sleep: () => Promise.resolve() }), undefined);
    expect(reads).toBe(3);
    expect(client.getQueryData<{ name: string }[]>(queryKeys.stacks(GRID))?.map((s) => s.name)).toEqual(['shop']);
    expect(client.getQueryState(queryKeys.stack(GRID, 'blog'))).toBeUndefined();
  });
});

describe('volume changes', () => {
  it('a removal refused while in use fails with the master’s reason keyed by service, and the list is read again', async () => {
    fake.route('DELETE', `/v1/volumes/${GRID}/data`, () => json(422, { error: { mysql: 'Volume still in use in service mysql' } }));
    const client = clientWithListsRead();
    await expect(runMutation(client, volumeRemoveMutation(GRID), 'data')).rejects.toMatchObject({ kind: 'validation' });
    expect(isStale(client, queryKeys.volumes(GRID))).toBe(true);
  });
});
