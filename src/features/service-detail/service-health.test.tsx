// @vitest-environment jsdom
// What the service page says of health, against the simulated master (demo scenario, fake
// clock): right after a deploy no instance has reported (initial_delay), which is pending,
// never red; after the delay it is healthy. A service without a check says so.
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';

const sim = setupSimulatorForDomTests();

/** The header's health reading (the badge in the "Status" list). */
async function headerHealth(): Promise<HTMLElement> {
  const status = await screen.findByRole('list', { name: 'Status' });
  const health = status.querySelector<HTMLElement>('[data-health]');
  if (health === null) throw new Error('no health in the header');
  return health;
}

const healthPanel = () => screen.getByRole('region', { name: 'Health check' });

describe('service page health', () => {
  it('says pending (not unhealthy, not red) right after a deploy, in the header, the overview and each instance; healthy after initial_delay', async () => {
    // shop/web: an http check with initial_delay 10 s, 2 instances. A forced deploy
    // replaces both containers; their checks have not reported when it finishes.
    expect((await sim.t.api('POST', '/v1/services/production/shop/web/deploy', { body: { force: true } })).status).toBe(200);
    await sim.t.clock.advanceAsync(6_000, 100);
    const json = (await sim.t.api('GET', '/v1/services/production/shop/web')).body as { health_status: unknown };
    // What the master says alone: 0 of 2 healthy, which reads like a failure.
    expect(json.health_status).toEqual({ healthy: 0, total: 2 });

    const { queryClient } = renderApp('/grids/production/services/shop/web');
    await screen.findByRole('heading', { level: 1, name: 'shop/web' });

    await waitFor(async () => expect(await headerHealth()).toHaveTextContent(/^pending$/));
    const header = await headerHealth();
    expect(header).not.toHaveTextContent(/unhealthy|0\/2/);
    expect(header.querySelector('[data-tone]')).toHaveAttribute('data-tone', 'info');

    await waitFor(() => expect(within(healthPanel()).getByText('pending')).toBeVisible());
    const instances = screen.getByRole('region', { name: 'Instances' });
    await waitFor(() => expect(within(instances).getAllByText('pending')).toHaveLength(2));
    expect(screen.queryByText(/unhealthy/)).toBeNull();
    expect(document.querySelector('[data-tone="danger"]')).toBeNull();

    await act(() => sim.t.clock.advanceAsync(15_000, 250));
    await act(() => queryClient.refetchQueries({ type: 'active' }));
    await waitFor(async () => expect(await headerHealth()).toHaveTextContent(/^2\/2 healthy$/));
    expect((await headerHealth()).querySelector('[data-tone]')).toHaveAttribute('data-tone', 'ok');
    expect(within(healthPanel()).getByText('2/2 healthy')).toBeVisible();
    await waitFor(() => expect(within(instances).getAllByText('healthy')).toHaveLength(2));
  });

  it('says "no health check" in the header and the overview of a service without one', async () => {
    renderApp('/grids/production/services/null/docs');
    await screen.findByRole('heading', { level: 1, name: 'docs' });
    expect(await headerHealth()).toHaveTextContent(/^no health check$/);
    await waitFor(() => expect(within(healthPanel()).getByText('no health check')).toBeVisible());
  });
});
