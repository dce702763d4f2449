// @vitest-environment jsdom
// Issue #14 item 7 in the browser: Memory set on a service that has neither memory nor
// memory swap (the demo's production `docs`) saves, sends only what `kontena service
// update -m 256m docs` sends about memory, and the service then shows the new limit.
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';
import { obj } from '../../../test/simulator/test-support';

const sim = setupSimulatorForDomTests({ live: false });

/** The value beside a label of the service page's facts. */
function fact(label: string): HTMLElement {
  const term = screen.getByText(label, { selector: 'dt' });
  const value = term.nextElementSibling;
  if (!(value instanceof HTMLElement)) throw new Error(`no value beside ${label}`);
  return value;
}

describe('settings tab: memory on a service without memory or swap', () => {
  it('saves Memory alone, and the service shows it', async () => {
    const before = obj((await sim.t.api('GET', '/v1/services/production/null/docs')).body);
    expect(before).toMatchObject({ memory: null, memory_swap: null });

    const { user } = renderApp('/grids/production/services/null/docs/settings');
    const memory = await screen.findByRole('textbox', { name: 'Memory' });
    const swap = screen.getByRole('textbox', { name: 'Memory swap' });
    expect(memory).toHaveValue('');
    expect(swap).toHaveValue('');
    await user.type(memory, '256M');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));

    // Memory swap is left alone: nothing about it blocks saving or is sent.
    const review = await screen.findByRole('region', { name: 'Review the changes to docs' });
    expect(swap).not.toHaveAttribute('aria-invalid');
    expect(review).toHaveTextContent('1 field changes');
    expect(review).toHaveTextContent('Memory -m, --memorynot set → 256 MiB');
    expect(review).not.toHaveTextContent('Memory swap');
    expect(within(review).getByTestId('cli-line')).toHaveTextContent('kontena service update --grid production -m 256m docs');

    await user.click(within(review).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(`Saved docs: revision ${Number(before.revision) + 1}.`)).toBeVisible();
    expect(sim.writes()).toEqual([{ method: 'PUT', path: '/v1/services/production/null/docs', body: { memory: 268435456 } }]);
    expect(obj((await sim.t.api('GET', '/v1/services/production/null/docs')).body)).toMatchObject({ memory: 268435456, memory_swap: null });
    // The form starts again from the saved service.
    expect(screen.getByRole('textbox', { name: 'Memory' })).toHaveValue('256m');

    await user.click(within(screen.getByRole('main')).getByRole('link', { name: 'Overview' }));
    expect(await screen.findByText('Memory', { selector: 'dt' })).toBeVisible();
    expect(fact('Memory')).toHaveTextContent('256 MiB (256m)');
    expect(fact('Memory swap')).toHaveTextContent('unlimited');
  });
});
