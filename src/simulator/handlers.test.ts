import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from './engine/clock';
import { createSimulatedMaster } from './index';
import { setupSimulatorServer } from './node';

const clock = createFakeClock();
const master = createSimulatedMaster({ clock, live: false, initialAdminCode: 'aaaabbbbcccc' });
const server = setupSimulatorServer(master);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => {
  server.close();
  master.dispose();
});

describe('the MSW door in Node', () => {
  it('answers master paths on any origin through fetch', async () => {
    const root = await fetch('http://master.test/');
    expect(await root.json()).toMatchObject({ name: 'Kontena Master' });
    const denied = await fetch('http://master.test:8080/v1/grids');
    expect(denied.status).toBe(403);
    const tokenRes = await fetch('http://localhost/oauth2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', code: 'aaaabbbbcccc' }),
    });
    expect(tokenRes.status).toBe(201);
    const { access_token: token } = (await tokenRes.json()) as { access_token: string };
    const grids = await fetch('http://localhost/v1/grids', { headers: { Authorization: `Bearer ${token}` } });
    expect(grids.headers.get('X-Kontena-Version')).toBe('1.2.0.dev');
    const body = (await grids.json()) as { grids: { name: string }[] };
    expect(body.grids.map((g) => g.name)).toEqual(['production', 'staging']);
    const ac = new AbortController();
    const logs = await fetch('http://localhost/v1/services/production/null/api/container_logs?follow=1&limit=2', {
      headers: { Authorization: `Bearer ${token}` },
      signal: ac.signal,
    });
    const first = await logs.body?.getReader().read();
    expect(JSON.parse(new TextDecoder().decode(first?.value))).toHaveProperty('id');
    expect(master.activeStreams()).toBe(1);
    // In Node the client's abort reaches request.signal, which ends the stream.
    ac.abort();
    await clock.advanceAsync(500, 100);
    expect(master.activeStreams()).toBe(0);
  });
});
