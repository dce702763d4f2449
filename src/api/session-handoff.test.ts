import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestMaster, type TestMaster } from '../../test/simulator/test-support';
import { exchangeCode, getUser } from './auth';
import { configureClient } from './client';
import { askOtherTabsForSession, HANDOFF_CHANNEL, serveSessionToOtherTabs } from './session-handoff';
import { configureSessionStorage, getSession } from './session';
import type { Session } from './session';
import { MemoryStorage } from '../../test/api/memory-storage';

const channels: BroadcastChannel[] = [];
const stops: (() => void)[] = [];

/** One tab's end of the hand-off channel (each tab of a browser opens its own). */
function tabChannel(): BroadcastChannel {
  const channel = new BroadcastChannel(HANDOFF_CHANNEL);
  channels.push(channel);
  return channel;
}

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  for (const channel of channels.splice(0)) channel.close();
  vi.useRealTimers();
});

const fakeSession = (accessToken: string): Session => ({ accessToken, refreshToken: null, expiresAt: null, user: null, remember: false });

describe('a new tab asks the signed-in tabs for a session', () => {
  let sim: TestMaster;
  beforeEach(async () => {
    sim = await createTestMaster();
    configureClient({
      baseUrl: 'http://sim',
      fetch: (input, init) => sim.master.handle(new Request(input, init)),
      now: () => sim.clock.now(),
    });
    configureSessionStorage({ local: new MemoryStorage(), session: new MemoryStorage() });
  });
  afterEach(() => sim.master.dispose());

  it('gets a token of its own, minted through the master, that works and renews itself', async () => {
    const first = await exchangeCode(sim.master.mintAdminCode(60_000));
    stops.push(serveSessionToOtherTabs({ channel: tabChannel() }));

    const handed = await askOtherTabsForSession({ channel: tabChannel() });
    expect(handed).not.toBeNull();
    expect(handed?.accessToken).not.toBe(first.accessToken);
    expect(handed?.refreshToken).not.toBeNull();
    expect(handed?.remember).toBe(false);
    expect(getSession()?.accessToken).toBe(handed?.accessToken);
    expect((await getUser()).email).toBe('admin');
  });

  it('comes back empty when no tab has a session, once the short wait is over', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    stops.push(serveSessionToOtherTabs({ channel: tabChannel(), hasSession: () => false }));
    const asked = askOtherTabsForSession({ channel: tabChannel(), exchange: () => Promise.reject(new Error('not to be called')) });
    await vi.advanceTimersByTimeAsync(300);
    expect(await asked).toBeNull();
  });

  it('takes one code however many tabs offer, and none is minted by the others', async () => {
    const mints = [0, 0, 0];
    for (const i of [0, 1, 2]) {
      stops.push(
        serveSessionToOtherTabs({
          channel: tabChannel(),
          hasSession: () => true,
          mint: () => {
            mints[i] = (mints[i] ?? 0) + 1;
            return Promise.resolve(`c0de0${i}`);
          },
        }),
      );
    }
    const exchanged: string[] = [];
    const handed = await askOtherTabsForSession({
      channel: tabChannel(),
      exchange: (code) => {
        exchanged.push(code);
        return Promise.resolve(fakeSession('t'));
      },
    });
    expect(handed?.accessToken).toBe('t');
    expect(exchanged).toHaveLength(1);
    expect(mints.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('comes back empty when the offering tab may not mint a code', async () => {
    stops.push(
      serveSessionToOtherTabs({
        channel: tabChannel(),
        hasSession: () => true,
        mint: () => Promise.reject(new Error('Insufficient scope')),
      }),
    );
    expect(await askOtherTabsForSession({ channel: tabChannel(), exchange: () => Promise.resolve(fakeSession('never')) })).toBeNull();
  });
});
