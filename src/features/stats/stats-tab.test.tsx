// @vitest-environment jsdom
// The Stats tab against the real simulated master (its Node door) on a fake clock: the
// history comes from …/metrics, live points from …/stats as simulated time advances.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { exchangeCode } from '../../api/auth';
import { configureClient } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { setSession } from '../../api/session';
import { installDomStubs } from '../../../test/app/dom-stubs';
import { TEST_ORIGIN, renderApp } from '../../../test/app/render-app';
import { createFakeClock } from '../../simulator/engine/clock';
import { createSimulatedMaster } from '../../simulator/index';
import { setupSimulatorServer } from '../../simulator/node';

const CODE = '5ca1ab1e0001';
// Mid-hour, so the history comes as a cached head (the last hours) and a polled tail (this hour).
const clock = createFakeClock(Date.UTC(2017, 3, 6, 12, 34, 30));
const master = createSimulatedMaster({ scenario: 'demo', seed: 3, clock, initialAdminCode: CODE });
const server = setupSimulatorServer(master);

const API = { grid: 'production', stack: 'null', name: 'api' };

beforeAll(async () => {
  installDomStubs();
  server.listen({ onUnhandledRequest: 'error' });
  configureClient({ baseUrl: TEST_ORIGIN, now: () => clock.now() });
  await exchangeCode(CODE);
});
beforeEach(() => {
  configureClient({ baseUrl: TEST_ORIGIN, now: () => clock.now() });
});
afterEach(() => cleanup());
afterAll(() => {
  setSession(null);
  server.close();
  master.dispose();
});

/** "…: now 3.2 %, min …. 61 points drawn of 95." → [drawn, source] */
function points(chart: HTMLElement): [number, number] {
  const text = within(chart).getByTestId('chart-summary').textContent ?? '';
  const m = /(\d+) points drawn of (\d+)/.exec(text);
  if (!m) throw new Error(`no point count in "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

function chart(name: string): HTMLElement {
  return screen.getByRole('figure', { name });
}

describe('stats tab', () => {
  it('shows the live table per instance, with units, limits and the service totals', async () => {
    renderApp('/grids/production/services/null/api/stats');
    const table = await screen.findByRole('table', { name: 'Instance stats' });
    const rows = within(table).getAllByRole('row');
    // header, three instances, the service totals
    expect(rows).toHaveLength(5);
    const names = within(table)
      .getAllByRole('rowheader')
      .map((th) => th.textContent);
    expect(names.slice(0, 3).every((n) => /^#\d+api-\d+$/.test(n ?? ''))).toBe(true);
    expect(names[3]).toMatch(/^Service3 instances$/);
    // api has a 512 MiB limit: used / limit and a MEM %.
    const first = rows[1] as HTMLElement;
    expect(first).toHaveTextContent(/MiB \/ 512 MiB/);
    expect(first).toHaveTextContent(/\d+\.\d\d %/);
    expect(first).toHaveTextContent(/B\/s/);
    // Sorted by CPU, highest first, like `?sort=cpu`.
    expect(within(table).getByRole('columnheader', { name: /CPU %/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('shows docker’s "no limit" sentinel as unlimited, with no MEM %', async () => {
    renderApp('/grids/production/services/null/lb/stats');
    const table = await screen.findByRole('table', { name: 'Instance stats' });
    const first = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(first).toHaveTextContent('/ unlimited');
    expect(first).toHaveTextContent('—');
    expect(within(table).getAllByRole('row').at(-1)).toHaveTextContent('/ unlimited');
  });

  it('sorts on any column, with the order in the URL', async () => {
    const { user, location } = renderApp('/grids/production/services/null/api/stats');
    const table = await screen.findByRole('table', { name: 'Instance stats' });
    await user.click(within(table).getByRole('button', { name: /^Instance/ }));
    expect(location().search).toBe('?sort=instance');
    expect(within(table).getByRole('columnheader', { name: /Instance/ })).toHaveAttribute('aria-sort', 'ascending');
    const numbers = () =>
      within(table)
        .getAllByRole('rowheader')
        .slice(0, 3)
        .map((th) => th.textContent?.slice(0, 2));
    expect(numbers()).toEqual(['#1', '#2', '#3']);
    await user.click(within(table).getByRole('button', { name: /^Instance/ }));
    expect(location().search).toBe('?sort=instance&order=desc');
    expect(numbers()).toEqual(['#3', '#2', '#1']);
  });

  it('draws the service history from …/metrics and adds live points as time advances', async () => {
    const { queryClient } = renderApp('/grids/production/services/null/api/stats');
    const cpu = await screen.findByRole('figure', { name: 'CPU' });
    await screen.findByRole('table', { name: 'Instance stats' });
    // 11:35–12:33: complete minutes of history (the head up to 12:00, the tail after it), plus the first live sample.
    await waitFor(() => expect(points(cpu)[1]).toBeGreaterThanOrEqual(60));
    const [, before] = points(cpu);
    expect(screen.getAllByRole('figure')).toHaveLength(4);
    expect(within(cpu).getByTestId('chart-summary')).toHaveTextContent(/service: now \d+\.\d\d %/);

    // The master's samples move every 10 s: advance simulated time and poll.
    for (let i = 1; i <= 3; i++) {
      clock.advance(10_000);
      await queryClient.refetchQueries({ queryKey: queryKeys.stats(API) });
      await waitFor(() => expect(points(cpu)[1]).toBe(before + i));
    }
    // The other charts redraw in turn, a moment later each.
    await waitFor(() => expect(points(chart('Memory'))[1]).toBe(before + 3));
    await waitFor(() => expect(points(chart('Network sent'))[1]).toBe(before + 3));
  });

  it('draws a new sample at once at the end of the line, and moves the time axis in 3-minute steps', async () => {
    const { queryClient } = renderApp('/grids/production/services/null/api/stats');
    const cpu = await screen.findByRole('figure', { name: 'CPU' });
    const table = await screen.findByRole('table', { name: 'Instance stats' });
    await waitFor(() => expect(points(cpu)[1]).toBeGreaterThanOrEqual(60));
    // The rows the chart itself holds (the live tail is drawn after them).
    const chartRows = () => Number(cpu.querySelector('[data-points]')?.getAttribute('data-points'));
    const latest = () => /service: now (\d+\.\d\d %)/.exec(within(cpu).getByTestId('chart-summary').textContent ?? '')?.[1];
    const tableMean = () =>
      /^([\d.]+ %)/.exec(within(within(table).getAllByRole('row').at(-1) as HTMLElement).getAllByRole('cell')[0]?.textContent ?? '')?.[1];
    const summary = () => within(cpu).getByTestId('chart-summary').textContent;
    /** Advances the clock, polls, and waits for the sample to reach the chart. */
    const poll = async (ms: number) => {
      const before = summary();
      clock.advance(ms);
      await queryClient.refetchQueries({ queryKey: queryKeys.stats(API) });
      await waitFor(() => expect(summary()).not.toBe(before));
    };

    // Just past a step of the axis: the chart takes in every sample so far.
    const STEP = 180_000;
    await poll(STEP - (clock.now() % STEP) + 1_000);
    await waitFor(() => expect(chartRows()).toBe(points(cpu)[0]));
    const rows = chartRows();
    const [, source] = points(cpu);

    // Within the step, a sample moves only the line's live end, showing what the table shows.
    await poll(10_000);
    await waitFor(() => expect(points(cpu)[1]).toBe(source + 1));
    expect(chartRows()).toBe(rows);
    await waitFor(() => expect(latest()).toBe(tableMean()));

    // The next step takes the samples into the chart (the axis moves on: its oldest minutes leave).
    await poll(STEP);
    await waitFor(() => expect(chartRows()).toBe(points(cpu)[0]));
    expect(chartRows()).not.toBe(rows);
    expect(latest()).toBe(tableMean());
  });

  it('switches the window: 6 h of history is downsampled to at most 300 points per series', async () => {
    const { user, location } = renderApp('/grids/production/services/null/api/stats');
    const cpu = await screen.findByRole('figure', { name: 'CPU' });
    await waitFor(() => expect(points(cpu)[1]).toBeGreaterThanOrEqual(60));
    await user.click(screen.getByRole('button', { name: '6 h' }));
    expect(location().search).toBe('?window=6h');
    expect(screen.getByRole('button', { name: '6 h' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(points(cpu)[1]).toBeGreaterThan(330));
    expect(points(cpu)[0]).toBeLessThanOrEqual(300);
  });

  it('says the numbers are not updating while polls fail, keeping what it showed', async () => {
    const { queryClient } = renderApp('/grids/production/services/null/api/stats');
    const table = await screen.findByRole('table', { name: 'Instance stats' });
    expect(screen.getByText('Live · every 2 s')).toBeInTheDocument();
    const shown = within(table)
      .getAllByRole('rowheader')
      .map((th) => th.textContent);

    server.use(
      http.get(`${TEST_ORIGIN}/v1/services/production/null/api/stats`, () => HttpResponse.json({ error: 'boom' }, { status: 500 })),
    );
    void queryClient.refetchQueries({ queryKey: queryKeys.stats(API) });
    expect(await screen.findByText('Not updating')).toBeInTheDocument();
    expect(screen.queryByText('Live · every 2 s')).not.toBeInTheDocument();
    expect(screen.getByText('Stale:')).toBeInTheDocument();
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(shown);

    server.resetHandlers();
    await queryClient.refetchQueries({ queryKey: queryKeys.stats(API) });
    expect(await screen.findByText('Live · every 2 s')).toBeInTheDocument();
  });

  it('takes a custom window from the URL and refuses an end before the start', async () => {
    const from = new Date(Date.UTC(2017, 3, 6, 9, 0)).toISOString();
    const to = new Date(Date.UTC(2017, 3, 6, 10, 0)).toISOString();
    const { user } = renderApp(`/grids/production/services/null/api/stats?window=custom&from=${from}&to=${to}`);
    const cpu = await screen.findByRole('figure', { name: 'CPU' });
    // 09:00–10:00 inclusive, nothing live (the window is in the past).
    await waitFor(() => expect(points(cpu)[1]).toBe(61));

    await user.click(screen.getByRole('button', { name: 'Custom…' }));
    const form = screen.getByRole('form', { name: 'Custom time window' });
    await user.clear(within(form).getByLabelText('To'));
    await user.type(within(form).getByLabelText('To'), '2017-04-01T08:00');
    await user.click(within(form).getByRole('button', { name: 'Show' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('The end must be after the start.');
  });

  it('charts chosen instances from the live samples in the per-instance view', async () => {
    const { user, location, queryClient } = renderApp('/grids/production/services/null/api/stats?view=instances');
    const table = await screen.findByRole('table', { name: 'Instance stats' });
    const boxes = within(table).getAllByRole('checkbox');
    expect(boxes).toHaveLength(3);
    expect(boxes.every((b) => (b as HTMLInputElement).checked)).toBe(true);
    const cpu = chart('CPU');
    expect(within(cpu).getByRole('list', { name: 'CPU series' })).toHaveTextContent('#1#2#3');

    await user.click(within(table).getByRole('checkbox', { name: 'Chart instance #2' }));
    expect(location().search).toBe('?view=instances&chart=1%2C3');
    expect(within(cpu).getByRole('list', { name: 'CPU series' })).toHaveTextContent('#1#3');

    const [, before] = points(cpu);
    clock.advance(10_000);
    await queryClient.refetchQueries({ queryKey: queryKeys.stats(API) });
    await waitFor(() => expect(points(cpu)[1]).toBe(before + 1));
  });
});
