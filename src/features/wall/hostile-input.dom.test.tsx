// @vitest-environment jsdom
// The fuzz pass over the wall builder's Name filter (#15 item 7), against the simulated
// master: any text typed there only ever becomes the `filter=` of the wall's address,
// percent-encoded, with the wall link still a link to /wall and the text shown as text.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { HOSTILE_STRINGS, injectedMarkup } from '../../../test/app/hostile-strings';
import { renderApp } from '../../../test/app/render-app';

const sim = setupSimulatorForDomTests({ scenario: 'demo', seed: 1, live: false, clientOnMasterClock: true });

describe('the wall builder’s Name filter', () => {
  it('puts any text into the wall URL as its filter parameter, and nothing else', async () => {
    renderApp('/wall-builder');
    const url = await screen.findByLabelText('Wall URL', undefined, { timeout: 15_000 });
    const filter = screen.getByLabelText('Name filter');
    for (const hostile of HOSTILE_STRINGS) {
      fireEvent.change(filter, { target: { value: hostile.value } });
      const kept = (filter as HTMLInputElement).value;
      await waitFor(() => {
        const address = new URL((url as HTMLInputElement).value);
        expect(address.pathname, hostile.id).toBe('/wall');
        expect(address.searchParams.get('filter') ?? '', hostile.id).toBe(kept.replace(/\p{Cs}/gu, '\uFFFD'));
      });
      expect(screen.getByRole('link', { name: 'Open the wall' }).getAttribute('href'), hostile.id).toMatch(/^\/wall(\?|$)/);
      expect(injectedMarkup(document.body), hostile.id).toEqual([]);
    }
    expect(sim.writes()).toEqual([]);
  }, 60_000);
});
