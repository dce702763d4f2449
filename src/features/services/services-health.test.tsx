// @vitest-environment jsdom
// The list's health column against the simulated master (demo scenario, fake clock). The
// list has only the service JSON, whose 0/2 can be "not reported yet" as well as
// "unhealthy": a row that is unclear asks its containers (and only such a row), and is
// never red before an instance reported unhealthy.
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../../../test/app/render-app';
import { rowOf, setUpSimulatedMaster } from '../../../test/features/services/testing-master';

const sim = setUpSimulatedMaster();

/** The row's health cell reading (HealthBadge). */
function healthOf(name: string): HTMLElement {
  const health = rowOf(name).querySelector<HTMLElement>('[data-health]');
  if (health === null) throw new Error(`no health in the row of ${name}`);
  return health;
}

const toneOf = (name: string) => healthOf(name).querySelector('[data-tone]')?.getAttribute('data-tone');

/** The containers the list asked for, as service paths. */
const containersAsked = () =>
  sim
    .sent()
    .filter((r) => r.method === 'GET' && r.path.endsWith('/containers'))
    .map((r) => r.path.replace('/v1/services/production/', '').replace('/containers', ''));

/** A forced deploy of shop/web (http check, initial_delay 10 s, 2 instances), finished, its checks not reported yet. */
async function redeployWeb(): Promise<void> {
  expect((await sim.api('POST', '/v1/services/production/shop/web/deploy', { body: { force: true } })).status).toBe(200);
  await sim.advance(6_000);
}

describe('services list health', () => {
  it('says pending right after a deploy (never red), healthy after initial_delay, and asks only the unclear row’s containers', async () => {
    await redeployWeb();
    const { queryClient } = renderApp('/grids/production/services');
    await screen.findByRole('grid', { name: 'Services in production' });
    // Until the containers answered: the JSON's 0/2, not red.
    expect(toneOf('shop/web')).not.toBe('danger');
    await waitFor(() => expect(healthOf('shop/web')).toHaveTextContent(/^pending$/));
    expect(toneOf('shop/web')).toBe('info');
    expect(healthOf('api')).toHaveTextContent(/^3\/3 healthy$/);
    expect(healthOf('docs')).toHaveTextContent(/^no health check$/);
    // All healthy (api) or no check (docs …): no request for them.
    expect(new Set(containersAsked())).toEqual(new Set(['shop/web']));

    await act(() => sim.advance(15_000));
    await act(() => queryClient.refetchQueries({ type: 'active' }));
    await waitFor(() => expect(healthOf('shop/web')).toHaveTextContent(/^2\/2 healthy$/));
    expect(toneOf('shop/web')).toBe('ok');
  });

  it('is red only once an instance reported unhealthy', async () => {
    await redeployWeb();
    const reported = (status: 'healthy' | 'unhealthy') => ({ status, updated_at: '2017-04-06T12:00:00.000Z' });
    // The master's containers answer, with one check reported unhealthy and one pending.
    sim.server.use(
      http.get('*/v1/services/production/shop/web/containers', async () => {
        const real = (await sim.api('GET', '/v1/services/production/shop/web/containers')).body as {
          containers: Record<string, unknown>[];
        };
        const [first, ...rest] = real.containers;
        return HttpResponse.json({ containers: [{ ...first, health_status: reported('unhealthy') }, ...rest] });
      }),
    );
    renderApp('/grids/production/services');
    await screen.findByRole('grid', { name: 'Services in production' });
    await waitFor(() => expect(healthOf('shop/web')).toHaveTextContent(/^0\/2 healthy · 1 unhealthy · 1 pending$/));
    expect(toneOf('shop/web')).toBe('danger');
    expect(within(rowOf('shop/web')).getByTitle(/1 unhealthy reported; 1 instance has not reported yet/)).toBeVisible();
  });
});
