// @vitest-environment jsdom
// The Logs tab's stream status when the connection goes silent: the simulated master on
// its fake clock writes nothing while the test does not move it (like a master that
// stopped writing behind a proxy that kept the connection open), and the stream reader
// runs on a manual clock, so the test says when the watchdog's 5 s have passed.
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { configureStreams } from '../../api/stream';
import { createManualClock } from '../../../test/api/manual-clock';
import type { ManualClock } from '../../../test/api/manual-clock';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';
import { screenTextOf } from '../../../test/components/recording-terminal';
import { arr, obj } from '../../../test/simulator/test-support';

const written: string[] = [];
const screenLines = (): string[] =>
  screenTextOf(written)
    .split('\r\n')
    .filter((l) => l !== '');

vi.mock('../../components/terminal-host', async () => {
  const { recordingTerminal } = await import('../../../test/components/recording-terminal');
  return { attachTerminal: () => recordingTerminal(written) };
});

const sim = setupSimulatorForDomTests();
let clock: ManualClock;

beforeEach(() => {
  written.length = 0;
  clock = createManualClock();
  configureStreams({ clock });
});
afterEach(() => {
  configureStreams();
});

const API_LOGS = '/v1/services/production/null/api/container_logs';

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

/** The master's lines of the service, oldest first: their text. */
async function logsOnMaster(): Promise<string[]> {
  return arr(obj((await sim.t.api('GET', `${API_LOGS}?limit=10000`)).body).logs).map((log) => String(obj(log).data));
}

describe('Logs tab: a silent stream', () => {
  it('says "reconnecting" once the stream has been silent for 5 s, and "live" again when bytes flow, with nothing lost or repeated', async () => {
    const streams: URL[] = [];
    const onRequest = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (url.pathname === API_LOGS && url.searchParams.has('follow')) streams.push(url);
    };
    sim.server.events.on('request:start', onRequest);
    onTestFinished(() => void sim.server.events.removeListener('request:start', onRequest));

    renderApp('/grids/production/services/null/api/logs');
    const status = await screen.findByRole('status', { name: 'Stream live' });
    expect(status).toHaveTextContent('live');
    await waitFor(() => expect(screenLines()).toHaveLength(100));

    // The master writes nothing (its clock stands still): 4.9 s of silence is still live.
    act(() => clock.advance(4_900));
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));
    expect(screen.getByRole('status', { name: 'Stream live' })).toBeVisible();

    act(() => clock.advance(100));
    const reconnecting = await screen.findByRole('status', { name: 'Stream reconnecting…' });
    // Said in words, not by colour alone.
    expect(reconnecting).toHaveTextContent('reconnecting…');
    expect(reconnecting).toHaveAttribute('title', 'The stream from the master went silent (nothing for 5 s).');
    expect(screen.queryByRole('status', { name: 'Stream live' })).not.toBeInTheDocument();
    // Waiting out the backoff: nothing flows, so it stays "reconnecting".
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));
    expect(screen.getByRole('status', { name: 'Stream reconnecting…' })).toBeVisible();
    expect(streams).toHaveLength(1);

    act(() => clock.advance(500));
    await screen.findByRole('status', { name: 'Stream live' });
    expect(streams).toHaveLength(2);
    expect(streams[1]?.searchParams.has('from')).toBe(true);

    // New lines flow on the resumed stream.
    await masterTime(3_000);
    await waitFor(() => expect(screenLines().length).toBeGreaterThan(105));
    expect(screen.getByRole('status', { name: 'Stream live' })).toBeVisible();
    // Each line once and none missing, across the drop: the screen is one unbroken run of
    // the master's lines (those the stream has not brought yet would come after it).
    const onMaster = await logsOnMaster();
    const shown = screenLines();
    const runsFrom = (start: number): boolean => shown.every((line, i) => line.includes(onMaster[start + i] ?? '\u0000'));
    expect(onMaster.some((_, start) => runsFrom(start))).toBe(true);
  });
});
