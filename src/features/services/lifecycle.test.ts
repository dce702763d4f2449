import { beforeEach, describe, expect, it } from 'vitest';
import { configureClient } from '../../api/client';
import { ApiError, isTransientApiError } from '../../api/errors';
import { configureSessionStorage, setSession } from '../../api/session';
import { createFakeFetch } from '../../../test/api/fake-fetch';
import { serviceJson } from '../../../test/app/fixtures';
import { MemoryStorage } from '../../../test/api/memory-storage';
import { QueryClient } from '@tanstack/react-query';
import { serviceActionTitle as actionTitle } from '../../api/service-actions';
import type { ServiceAction } from '../../api/service-actions';
import { runServiceAction } from '../../api/service-mutations';
import type { ServiceRef } from '../../api/service-ref';
import { actionAcceptedText, describeActionError } from './lifecycle';

/** One action as a page runs it: a mutation in a client of its own. */
const performAction = (target: ServiceRef, action: ServiceAction, options?: { sleep?: (ms: number) => Promise<void> }) =>
  runServiceAction(new QueryClient(), target, action, options);

const ref = { grid: 'g', stack: 'null', name: 'web' };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

beforeEach(() => {
  configureSessionStorage({ local: new MemoryStorage(), session: new MemoryStorage() });
  setSession({ accessToken: 'a'.repeat(64), refreshToken: null, expiresAt: null, user: null, remember: false });
});

describe('performAction', () => {
  it('remove: DELETE, then GET every second until the master answers 404, as the CLI does (a hiccup meanwhile is not a failure)', async () => {
    const fake = createFakeFetch();
    configureClient({ baseUrl: 'http://master.test', fetch: fake.fetch });
    let gets = 0;
    fake.route('DELETE', '/v1/services/g/null/web', () => json(200, {}));
    fake.route('GET', '/v1/services/g/null/web', () => {
      gets += 1;
      if (gets === 1) return json(200, serviceJson({ grid: 'g', name: 'web' }));
      if (gets === 2) return json(502, { message: 'bad gateway' });
      return json(404, { error: 'Not found' });
    });
    const waits: number[] = [];
    await expect(performAction(ref, { kind: 'remove' }, { sleep: async (ms) => void waits.push(ms) })).resolves.toBeNull();
    expect(fake.calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      'DELETE /v1/services/g/null/web',
      'GET /v1/services/g/null/web',
      'GET /v1/services/g/null/web',
      'GET /v1/services/g/null/web',
    ]);
    expect(waits).toEqual([1000, 1000]);
  });

  it('remove: a refusal (422) is the error, and nothing is polled', async () => {
    const fake = createFakeFetch();
    configureClient({ baseUrl: 'http://master.test', fetch: fake.fetch });
    fake.route('DELETE', '/v1/services/g/null/web', () =>
      json(422, { error: { service: 'Cannot delete service that is linked to another service (api, app)' } }),
    );
    const error = await performAction(ref, { kind: 'remove' }, { sleep: async () => undefined }).catch((e: unknown) => e);
    expect(describeActionError(error)).toBe('Cannot delete service that is linked to another service (api, app)');
    expect(isTransientApiError(error)).toBe(false);
    expect(fake.calls).toHaveLength(1);
  });

  it('scale and deploy send the bodies the master expects', async () => {
    const fake = createFakeFetch();
    configureClient({ baseUrl: 'http://master.test', fetch: fake.fetch });
    const deploy = {
      id: 'd1',
      created_at: '2017-04-06T12:00:00.000Z',
      started_at: null,
      finished_at: null,
      service_id: 'g/null/web',
      state: 'created',
      reason: null,
      instance_count: 3,
      instance_deploys: [],
    };
    fake.route('POST', /\/(scale|deploy)$/, () => json(200, deploy));
    await performAction(ref, { kind: 'scale', instances: 0 });
    await performAction(ref, { kind: 'deploy', force: true });
    await performAction(ref, { kind: 'deploy', force: false });
    expect(fake.calls.map((c) => [c.url.pathname, c.body])).toEqual([
      ['/v1/services/g/null/web/scale', '{"instances":0}'],
      ['/v1/services/g/null/web/deploy', '{"force":true}'],
      ['/v1/services/g/null/web/deploy', '{}'],
    ]);
  });
});

describe('words', () => {
  it.each([
    [{ kind: 'deploy', force: false } as const, 'Deploy', 'Deploy of web started'],
    [{ kind: 'deploy', force: true } as const, 'Force deploy', 'Force deploy of web started'],
    [{ kind: 'scale', instances: 1 } as const, 'Scale to 1', 'Scaling web to 1 instance'],
    [{ kind: 'stop' } as const, 'Stop', 'Stop signal sent to web'],
    [{ kind: 'remove' } as const, 'Remove', 'Removed web'],
  ])('%o', (action, title, accepted) => {
    expect(actionTitle(action)).toBe(title);
    expect(actionAcceptedText(action, 'web')).toBe(accepted);
  });

  it('describes errors: the master’s 422 words as they are, others by their message', () => {
    const state = new ApiError({
      kind: 'validation',
      message: 'x',
      fieldErrors: { state: 'Cannot deploy because service state is restarting' },
    });
    expect(describeActionError(state)).toBe('Cannot deploy because service state is restarting');
    const network = new ApiError({ kind: 'network', message: 'Cannot reach the Kontena Master: POST /v1/… failed.' });
    expect(describeActionError(network)).toBe('Cannot reach the Kontena Master: POST /v1/… failed.');
    expect(isTransientApiError(network)).toBe(true);
    expect(describeActionError(new Error('boom'))).toBe('boom');
  });

  it('names a service the master no longer knows as the list does, not by the API path with null/', () => {
    const gone = new ApiError({ kind: 'notFound', message: 'Not found: POST /v1/services/production/null/web/deploy.' });
    expect(describeActionError(gone, 'web')).toBe('The master no longer knows web: it may have been removed meanwhile.');
    expect(describeActionError(gone)).not.toContain('null/');
  });
});
