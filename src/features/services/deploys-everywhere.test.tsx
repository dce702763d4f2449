// @vitest-environment jsdom
// A deploy is followed wherever it was started (api/deploys-in-flight): started on one
// page, it shows on the others — the list's tray and row, a service's header and its
// monitor, the wall — and its outcome is told once. Against the simulated master (demo
// scenario, fake clock: the deploy worker runs only when the test moves the clock on).
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import { renderApp } from '../../../test/app/render-app';
import { revokeToken, signInAgainWithCode, signInWithOwnToken } from '../../../test/app/sign-in-again';
import { arr, obj } from '../../../test/simulator/test-support';
import { rowOf, setUpSimulatedMaster } from '../../../test/features/services/testing-master';

const sim = setUpSimulatedMaster();

type User = ReturnType<typeof renderApp>['user'];

/** The master's clock moves on (the deploy worker runs); then the app's polls run once. */
async function later(queryClient: QueryClient, ms: number) {
  await act(() => sim.advance(ms));
  await act(() => queryClient.refetchQueries({ type: 'active' }));
}

async function deployFromRow(user: User, name: string) {
  await screen.findByRole('grid', { name: 'Services in production' });
  await user.click(within(rowOf(name)).getByRole('button', { name: `Actions for ${name}` }));
  await user.click(within(await screen.findByRole('menu', { name: `Actions for ${name}` })).getByRole('menuitem', { name: /^Deploy/ }));
  await screen.findByRole('region', { name: `Deploy: ${name}` });
}

describe('a deploy in flight', () => {
  it('started on the create page, is in the list’s tray and its row, and its good finish is told once', async () => {
    const { user, router, queryClient } = renderApp('/grids/production/services/new');
    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'everywhere');
    await user.type(screen.getByRole('textbox', { name: 'Image' }), 'nginx:1.13');
    await user.click(screen.getByRole('button', { name: 'Create service' }));
    expect(await screen.findByText('Service everywhere created in grid production.')).toBeVisible();

    await act(() => router.navigate('/grids/production/services'));
    const tray = await screen.findByRole('region', { name: 'Deploys started here' });
    const panel = within(tray).getByRole('region', { name: 'Deploy: everywhere' });
    expect(rowOf('everywhere')).toHaveTextContent(/deploy (sent|queued)|deploying/);

    await later(queryClient, 60_000);
    await waitFor(() => expect(panel).toHaveAttribute('data-deploy-state', 'success'));
    expect(await screen.findByText('Deploy of everywhere finished')).toBeVisible();
    expect(screen.getAllByText('Deploy of everywhere finished')).toHaveLength(1);
  });

  it('started from the list, is the monitor’s known deploy and the header’s panel on the service’s page', async () => {
    const { user, router } = renderApp('/grids/production/services');
    await deployFromRow(user, 'docs');

    await act(() => router.navigate('/grids/production/services/null/docs/instances'));
    expect(await screen.findByText(/^Deploy (created|ongoing)$/)).toBeVisible();
    expect(screen.queryByText(/Inferred from the instances/)).toBeNull();
    const slot = document.querySelector<HTMLElement>('[data-deploy-slot]');
    if (slot === null) throw new Error('no deploy slot');
    expect(within(slot).getByRole('region', { name: 'Deploy: docs' })).toBeVisible();
  });

  it('is still followed after the session ended and the user signed in again', async () => {
    const token = await signInWithOwnToken(sim.master());
    const { user, queryClient } = renderApp('/grids/production/services');
    await deployFromRow(user, 'docs');
    await revokeToken(sim.master(), token);
    await act(() => queryClient.refetchQueries({ type: 'active' }));
    await signInAgainWithCode(user, sim.master());

    const tray = await screen.findByRole('region', { name: 'Deploys started here' });
    expect(within(tray).getByRole('region', { name: 'Deploy: docs' })).toBeVisible();
  });

  it('started from the list, is deploying on the wall before the grid’s event log says so', async () => {
    const { user, router } = renderApp('/grids/production/services');
    await deployFromRow(user, 'docs');
    // The master's deploy worker has not picked it up: its log still ends with the last deploy done.
    const { logs } = obj((await sim.api('GET', '/v1/grids/production/event_logs?limit=10000')).body);
    const said = arr(logs)
      .map((e) => String(obj(e).message))
      .filter((m) => /production\/null\/docs (deploy started|deployed)$/.test(m));
    expect(said.at(-1)).toBe('service production/null/docs deployed');

    await act(() => router.navigate('/wall?grid=production'));
    const docsTile = () => {
      const tile = [...document.querySelectorAll<HTMLElement>('li')].find((li) => li.querySelector('h2')?.textContent === 'docs');
      if (tile === undefined) throw new Error('no tile for docs');
      return tile;
    };
    await waitFor(() => expect(docsTile()).toHaveTextContent('Deploying'), { timeout: 15_000 });
  });
});
