// @vitest-environment jsdom
// The Events tab's status line when the event stream goes silent: the simulated master on
// its fake clock writes nothing while the test does not move it (a master that stopped
// writing behind a proxy that kept the connection open), and the stream reader runs on a
// manual clock, so the test says when the watchdog's 5 s have passed.
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { configureStreams } from '../../api/stream';
import { createManualClock } from '../../../test/api/manual-clock';
import type { ManualClock } from '../../../test/api/manual-clock';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';
import { arr, obj } from '../../../test/simulator/test-support';

const sim = setupSimulatorForDomTests();
let clock: ManualClock;

beforeEach(() => {
  clock = createManualClock();
  configureStreams({ clock });
});
afterEach(() => {
  configureStreams();
});

const DOCS_EVENTS = '/v1/services/production/null/docs/event_logs';

/**
 * Moves the master's clock in its 0.5 s passes, with a real pause after each for the
 * stream to be read: the master's next pass waits until the reader took the last one.
 */
async function masterTime(ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= 250) {
    await act(() => sim.t.clock.advanceAsync(250, 250));
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 10)));
  }
}

describe('Events tab: a silent stream', () => {
  it('says "reconnecting" and why once the stream has been silent for 5 s, and "live" again when bytes flow, each event once', async () => {
    const streams: URL[] = [];
    const onRequest = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (url.pathname === DOCS_EVENTS && url.searchParams.has('follow')) streams.push(url);
    };
    sim.server.events.on('request:start', onRequest);
    onTestFinished(() => void sim.server.events.removeListener('request:start', onRequest));

    renderApp('/grids/production/services/null/docs/events?lines=1000');
    const tab = await screen.findByRole('region', { name: 'Events' });
    const status = within(tab).getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent(/^Event stream: live$/));
    const eventsOnMaster = async () => arr(obj((await sim.t.api('GET', `${DOCS_EVENTS}?limit=1000`)).body).logs).length;
    const rows = () => within(tab).getAllByRole('row').length - 1;
    const initial = await eventsOnMaster();
    await waitFor(() => expect(rows()).toBe(initial));

    act(() => clock.advance(4_900));
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));
    expect(status).toHaveTextContent(/^Event stream: live$/);

    act(() => clock.advance(100));
    await waitFor(() => expect(status).toHaveTextContent(/^Event stream: reconnecting…/));
    expect(status).toHaveTextContent('The stream from the master went silent (nothing for 5 s).');
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));
    expect(status).toHaveTextContent(/^Event stream: reconnecting…/);
    expect(streams).toHaveLength(1);

    act(() => clock.advance(500));
    await waitFor(() => expect(status).toHaveTextContent(/^Event stream: live$/));
    expect(streams).toHaveLength(2);
    expect(streams[1]?.searchParams.has('since')).toBe(true);
    expect(rows()).toBe(initial);

    // A deploy's events come on the resumed stream.
    await sim.t.api('POST', '/v1/services/production/null/docs/deploy', { body: {} });
    await masterTime(4_000);
    await waitFor(() => expect(rows()).toBeGreaterThan(initial));
    expect(status).toHaveTextContent(/^Event stream: live$/);
    // Each once and none missing, across the drop: oldest first, the rows are the
    // master's events from the first on (those the stream has not brought yet come after).
    const shown = within(tab)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelector('time')?.getAttribute('datetime'))
      .reverse();
    const onMaster = arr(obj((await sim.t.api('GET', `${DOCS_EVENTS}?limit=1000`)).body).logs).map((e) => obj(e).created_at);
    expect(shown).toEqual(onMaster.slice(0, shown.length));
  });
});
