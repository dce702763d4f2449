// @vitest-environment jsdom
// The Logs tab in the real route tree against the simulated master (demo scenario, fake
// clock). xterm does not run in jsdom, so the page's terminal is a recording stand-in:
// these tests are about the controls, the URL and what reaches the terminal.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { setSession } from '../../api/session';
import { installDomStubs } from '../../../test/app/dom-stubs';
import { renderApp, resetClient } from '../../../test/app/render-app';
import { screenTextOf } from '../../../test/components/recording-terminal';
import { setupSimulatorServer } from '../../simulator/node';
import { createTestMaster } from '../../../test/simulator/test-support';
import type { TestMaster } from '../../../test/simulator/test-support';

const written: string[] = [];
const screenText = (): string => screenTextOf(written);

vi.mock('../../components/terminal-host', async () => {
  const { recordingTerminal } = await import('../../../test/components/recording-terminal');
  return { attachTerminal: () => recordingTerminal(written) };
});

let t: TestMaster;
let server: ReturnType<typeof setupSimulatorServer>;

beforeAll(async () => {
  installDomStubs();
  // Not live: no background timers, the window is what the master holds.
  t = await createTestMaster({ scenario: 'demo', live: false });
  server = setupSimulatorServer(t.master);
  server.listen({ onUnhandledRequest: 'bypass' });
  const created = await t.api('POST', '/v1/grids/production/services', {
    body: {
      name: 'shipper',
      image: 'nginx:1.11-alpine',
      stateful: false,
      log_driver: 'fluentd',
      log_opts: { 'fluentd-address': 'fluentd:24224' },
    },
  });
  if (created.status !== 201) throw new Error(`could not create the test service: ${created.status} ${created.text}`);
});
beforeEach(() => {
  resetClient();
  written.length = 0;
  setSession({ accessToken: t.token, refreshToken: null, expiresAt: null, user: null, remember: false });
});
afterEach(() => {
  cleanup();
  setSession(null);
});
afterAll(() => {
  server.close();
  t.master.dispose();
});

describe('Logs tab', () => {
  it('tails the service: lines in the terminal, instance chips, a live stream', async () => {
    renderApp('/grids/production/services/null/api/logs');
    const status = await screen.findByRole('status', { name: /stream (live|connecting)/i });
    expect(status).toBeInTheDocument();
    await waitFor(() => expect(screenText()).toMatch(/api-[123] [│┃] /));
    const chips = await screen.findByRole('group', { name: 'Instances' });
    await waitFor(() =>
      expect(
        within(chips)
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['all', 'api-1', 'api-2', 'api-3']),
    );
    expect(within(chips).getByRole('button', { name: 'all' })).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByText(/^100 lines held/)).toBeInTheDocument();
  });

  it('keeps its options in the URL: one instance, timestamps, pause and resume', async () => {
    const { user, location } = renderApp('/grids/production/services/null/api/logs');
    const chips = await screen.findByRole('group', { name: 'Instances' });
    await user.click(await within(chips).findByRole('button', { name: 'api-2' }));
    await waitFor(() => expect(location().search).toContain('instance=2'));
    // The stream restarts with the master filtering: lines of the other instances go.
    await waitFor(() => {
      expect(screenText()).toMatch(/api-2 /);
      expect(screenText()).not.toMatch(/api-[13] /);
    });

    await user.selectOptions(screen.getByLabelText('Timestamps'), 'utc');
    await waitFor(() => expect(location().search).toContain('ts=utc'));
    await waitFor(() => expect(screenText()).toMatch(/\d\d:\d\d:\d\d\.\d{3}Z api-2 /));

    await user.click(screen.getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(location().search).toContain('follow=0'));
    expect(await screen.findByRole('status', { name: 'Stream paused' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(location().search).not.toContain('follow=0'));
    expect(await screen.findByRole('status', { name: /stream (live|connecting)/i })).toBeInTheDocument();
  });

  it('opens a shared link with its options applied', async () => {
    renderApp('/grids/production/services/null/api/logs?lines=7&follow=0&ts=off');
    expect(await screen.findByRole('status', { name: 'Stream paused' })).toBeInTheDocument();
    expect(screen.getByLabelText('Lines')).toHaveValue(7);
    await waitFor(() =>
      expect(
        screenText()
          .split('\r\n')
          .filter((l) => l !== ''),
      ).toHaveLength(7),
    );
    expect(screenText()).toMatch(/^api-\d [│┃] /);
  });

  it('says real-time logs are unavailable for a service with another log driver, instead of an empty screen', async () => {
    const { user } = renderApp('/grids/production/services/null/shipper/logs');
    expect(await screen.findByText('Real-time logs are not available for this service')).toBeInTheDocument();
    expect(screen.getByText('fluentd')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /log output/i })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show what the master holds' }));
    expect(await screen.findByRole('region', { name: /log output of shipper/i })).toBeInTheDocument();
  });
});

describe('grid-wide and stack-wide logs', () => {
  it('goes from a stacked service’s logs to its stack’s, which tail the stack’s containers', async () => {
    const { user, location } = renderApp('/grids/production/services/shop/web/logs');
    await user.click(await screen.findByRole('link', { name: 'All logs of stack shop' }));
    await waitFor(() => expect(location().pathname).toBe('/grids/production/stacks/shop/logs'));
    expect(await screen.findByRole('heading', { name: 'Logs of stack shop' })).toBeInTheDocument();
    expect(await screen.findByRole('status', { name: /stream (live|connecting)/i })).toBeInTheDocument();
    const chips = await screen.findByRole('group', { name: 'Containers' });
    await waitFor(() => expect(within(chips).getAllByRole('button').length).toBeGreaterThan(1));
    const names = within(chips)
      .getAllByRole('button')
      .map((b) => b.textContent ?? '')
      .filter((n) => n !== 'all');
    expect(names.every((n) => n.startsWith('shop.'))).toBe(true);
    await waitFor(() => expect(screenText()).toMatch(/ shop\.\S+-\d [│┃] /));
  });

  it('reaches the whole grid’s logs from the main navigation', async () => {
    const { user, location } = renderApp('/grids/production/services');
    await user.click(within(await screen.findByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Logs' }));
    await waitFor(() => expect(location().pathname).toBe('/grids/production/logs'));
    expect(await screen.findByRole('heading', { name: 'Logs of grid production' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Logs of grid production' })).toBeInTheDocument();
    expect(await screen.findByRole('status', { name: /stream (live|connecting)/i })).toBeInTheDocument();
  });

  it('shows the grid’s containers as chips; picking two shows only their lines', async () => {
    const { user, location } = renderApp('/grids/production/logs?lines=3000&follow=0');
    const chips = await screen.findByRole('group', { name: 'Containers' });
    await waitFor(() => expect(within(chips).getByRole('button', { name: 'api-2' })).toBeInTheDocument());
    await user.click(within(chips).getByRole('button', { name: 'api-2' }));
    await user.click(within(chips).getByRole('button', { name: 'shop.web-1' }));
    await waitFor(() => expect(location().search).toContain('container=api-2%2Cshop.web-1'));
    await waitFor(() => {
      const shown = new Set(
        screenText()
          .split('\r\n')
          .flatMap((l) => /(\S+) +[│┃] /.exec(l)?.slice(1) ?? []),
      );
      expect([...shown].sort()).toEqual(['api-2', 'shop.web-1']);
    });
  });
});
