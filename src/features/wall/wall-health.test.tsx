// @vitest-environment jsdom
// What a wall tile says of health, against the simulated master (demo scenario, fake
// clock): instances that have not reported yet (right after a deploy) are pending, not a
// red "Unhealthy" problem; healthy after initial_delay; no check is said in words.
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';

const sim = setupSimulatorForDomTests({ scenario: 'demo', seed: 1, clientOnMasterClock: true });

/** The first render loads the lazy route and its modules: slow on a busy machine. */
const FIRST_RENDER = { timeout: 15_000 };

/** The tile of a service, by its heading ("shop/web"). */
function tileOf(label: string): HTMLElement {
  const heading = screen.getByRole('heading', { level: 2, name: label });
  const tile = heading.closest('li');
  if (tile === null) throw new Error(`no tile for ${label}`);
  return tile;
}

describe('wall health', () => {
  it('shows pending instances after a deploy as no problem and not red, then healthy; and "no health check" for a service without one', async () => {
    // shop/web: an http check with initial_delay 10 s; a forced deploy replaces both containers.
    expect((await sim.t.api('POST', '/v1/services/production/shop/web/deploy', { body: { force: true } })).status).toBe(200);
    await sim.t.clock.advanceAsync(6_000, 100);

    const view = renderApp('/wall?grid=production');
    await waitFor(() => expect(tileOf('shop/web')).toBeVisible(), FIRST_RENDER);
    const web = () => tileOf('shop/web');
    expect(web()).not.toHaveAttribute('data-tone', 'danger');
    await waitFor(() => expect(web()).toHaveTextContent('pending'));
    expect(web()).toHaveAttribute('data-problem', 'false');
    expect(web()).not.toHaveAttribute('data-tone', 'danger');
    expect(web()).not.toHaveTextContent(/unhealthy/i);
    expect(tileOf('docs')).toHaveTextContent('no health check');

    await act(() => sim.t.clock.advanceAsync(15_000, 250));
    await act(() => view.queryClient.refetchQueries({ type: 'active' }));
    await waitFor(() => expect(web()).toHaveTextContent('2/2 healthy'));
    expect(web()).toHaveAttribute('data-tone', 'ok');
  });
});

describe('wall health, reported unhealthy', () => {
  it('puts a service whose instances reported unhealthy in front, counted as a problem, while a pending one is not', async () => {
    // An image tagged :unhealthy runs, and fails its check after initial_delay (the simulator's convention, like :fail).
    const created = await sim.t.api('POST', '/v1/grids/production/services', {
      body: {
        name: 'sick',
        image: 'myorg/app:unhealthy',
        instances: 2,
        stateful: false,
        health_check: { protocol: 'http', uri: '/health', port: 80, initial_delay: 5, timeout: 2, interval: 10 },
      },
    });
    expect(created.status).toBe(201);
    expect((await sim.t.api('POST', '/v1/services/production/null/sick/deploy', { body: {} })).status).toBe(200);
    expect((await sim.t.api('POST', '/v1/services/production/shop/web/deploy', { body: { force: true } })).status).toBe(200);
    await sim.t.clock.advanceAsync(9_000, 100);

    renderApp('/wall?grid=production');
    await waitFor(() => expect(tileOf('sick')).toBeVisible(), FIRST_RENDER);
    // The list says 0/2 healthy for both; their instances tell them apart.
    await waitFor(() => expect(tileOf('sick')).toHaveAttribute('data-problem', 'true'));
    expect(tileOf('sick')).toHaveTextContent(/unhealthy/i);
    const first = screen.getByRole('list', { name: 'Services, problems first' }).querySelector(':scope > li h2');
    expect(first?.textContent).toContain('sick');
    expect(tileOf('shop/web')).toHaveAttribute('data-problem', 'false');
    expect(tileOf('shop/web')).not.toHaveTextContent(/unhealthy/i);
    // worker (stopped) is production's other problem: the header counts sick too.
    expect(screen.getByText('2 problems')).toBeVisible();
  });
});
