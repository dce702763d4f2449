// @vitest-environment jsdom
// The fuzz pass over the services list (#15 item 7), against the simulated master: every
// hostile string as the filter (typed, and in the link's ?q=), as the grid in the URL,
// and into the Scale dialog. The filter is only ever a filter (nothing is written, the
// text stays text, 10,000 characters do not stall the list); Scale refuses anything but
// a whole number at the field and sends nothing.
import { describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { HOSTILE_STRINGS, injectedMarkup, wellFormed } from '../../../test/app/hostile-strings';
import { renderApp } from '../../../test/app/render-app';

const sim = setupSimulatorForDomTests({ live: false });

describe('the services filter', () => {
  it('filters by any text, keeps it in the URL as typed, and writes nothing', async () => {
    const { location } = renderApp('/grids/production/services');
    const filter = await screen.findByRole('searchbox', { name: /filter services/i });
    await screen.findByRole('row', { name: /docs/ });
    for (const hostile of HOSTILE_STRINGS) {
      fireEvent.change(filter, { target: { value: hostile.value } });
      const typed = (filter as HTMLInputElement).value;
      await waitFor(() => expect(new URLSearchParams(location().search).get('q') ?? '', hostile.id).toBe(wellFormed(typed)));
      expect(injectedMarkup(document.body), hostile.id).toEqual([]);
    }
    expect(sim.writes()).toEqual([]);
  });

  it('takes any ?q= from a link, and any grid, stack or service name in the path, as text', async () => {
    for (const hostile of HOSTILE_STRINGS) {
      const q = new URLSearchParams({ q: hostile.value }).toString();
      renderApp(`/grids/production/services?${q}`);
      const filter = await screen.findByRole('searchbox', { name: /filter services/i });
      expect(filter, hostile.id).toHaveValue(new URLSearchParams(q).get('q')?.replace(/[\r\n]/g, ''));
      expect(injectedMarkup(document.body), hostile.id).toEqual([]);
      cleanup();

      const segment = encodeURIComponent(wellFormed(hostile.value));
      renderApp(`/grids/${segment}/services`);
      await screen.findByRole('heading', { level: 1 });
      expect(injectedMarkup(document.body), hostile.id).toEqual([]);
      cleanup();

      renderApp(`/grids/production/services/${segment}/${segment}`);
      await screen.findByText(/^There is no service “/);
      expect(injectedMarkup(document.body), hostile.id).toEqual([]);
      cleanup();
    }
    expect(sim.writes()).toEqual([]);
  }, 60_000);
});

describe('the Scale dialog (kontena service scale)', () => {
  it('refuses anything but a whole number from 0 at the field, and sends nothing', async () => {
    const { user } = renderApp('/grids/production/services');
    const grid = await screen.findByRole('grid', { name: 'Services in production' });
    const row = await within(grid).findByRole('row', { name: /docs/ });
    await user.click(within(row).getByRole('button', { name: 'Actions for docs' }));
    await user.click(within(await screen.findByRole('menu', { name: 'Actions for docs' })).getByRole('menuitem', { name: /^Scale/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Scale docs' });
    const field = within(dialog).getByRole('textbox', { name: 'Instances' });
    for (const hostile of HOSTILE_STRINGS) {
      fireEvent.change(field, { target: { value: hostile.value } });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Scale' }));
      await waitFor(() => expect(field, hostile.id).toHaveAttribute('aria-invalid', 'true'));
      expect(field).toHaveAccessibleDescription(/number|negative|large|instances/i);
      expect(injectedMarkup(document.body), hostile.id).toEqual([]);
    }
    expect(sim.writes()).toEqual([]);
  });
});
