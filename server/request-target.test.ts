import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_TARGET, normaliseRequestTarget } from './request-target';
import { HOSTILE_PATHS } from '../test/server/test-helpers';

describe('normaliseRequestTarget', () => {
  it.each(HOSTILE_PATHS)('refuses $raw with a 400', ({ raw, why }) => {
    const target = normaliseRequestTarget(raw);
    expect(target.ok).toBe(false);
    if (target.ok) return;
    expect(target.status).toBe(400);
    expect(target.error).toMatch(why);
  });

  it('refuses an overlong target with a 414', () => {
    expect(normaliseRequestTarget(`/v1/${'a'.repeat(MAX_REQUEST_TARGET)}`)).toMatchObject({ ok: false, status: 414 });
    expect(normaliseRequestTarget(`/v1/grids?${'a'.repeat(MAX_REQUEST_TARGET)}`)).toMatchObject({ ok: false, status: 414 });
    expect(normaliseRequestTarget(`/v1/${'a'.repeat(MAX_REQUEST_TARGET - 4)}`)).toMatchObject({ ok: true });
  });

  it.each([
    // [raw, normalised url, api]
    ['/v1/grids', '/v1/grids', true],
    ['/v1', '/v1', true],
    ['/v1/', '/v1/', true],
    ['/oauth2/token', '/oauth2/token', true],
    ['/v1/grids/production/services', '/v1/grids/production/services', true],
    // Dots inside names are names (node hostnames, container names of a named stack).
    [
      '/v1/containers/production/node-1.example.com/teststack.redis-1/logs',
      '/v1/containers/production/node-1.example.com/teststack.redis-1/logs',
      true,
    ],
    ['/v1/secrets/production/..hidden', '/v1/secrets/production/..hidden', true],
    // The query is passed on as it came: it routes nothing.
    [
      '/v1/services/production/null/web/container_logs?follow=1&since=2017-04-06T15%3A38%3A17.123Z&x=/../',
      '/v1/services/production/null/web/container_logs?follow=1&since=2017-04-06T15%3A38%3A17.123Z&x=/../',
      true,
    ],
    // Escapes of unreserved characters are the characters (RFC 3986 §6.2.2.2)…
    ['/v1/grids/%70roduction', '/v1/grids/production', true],
    ['/%76%31/ping', '/v1/ping', true],
    ['/v1/grids/a%2Eb', '/v1/grids/a.b', true],
    // …other escapes stay escaped (in upper case): the master compares raw segments.
    ['/v1/grids/my%20grid', '/v1/grids/my%20grid', true],
    ['/v1/grids/caf%c3%a9', '/v1/grids/caf%C3%A9', true],
    ['/v1/services/production/null/web/envs/A%3AB', '/v1/services/production/null/web/envs/A%3AB', true],
    // Not the master's: the SPA.
    ['/', '/', false],
    ['/grids/production/services/null/web/logs', '/grids/production/services/null/web/logs', false],
    ['/V1/grids', '/V1/grids', false],
    ['/v1;x/grids', '/v1;x/grids', false],
    ['/v10/grids', '/v10/grids', false],
    ['/oauth2x/token', '/oauth2x/token', false],
    ['/code', '/code', false],
    ['/assets/index-abc123.js', '/assets/index-abc123.js', false],
  ] as const)('accepts %s as %s (api: %s)', (raw, url, api) => {
    const target = normaliseRequestTarget(raw);
    expect(target).toMatchObject({ ok: true, url, api });
  });
});
