// @vitest-environment jsdom
// What a wall tile shows against the real simulated master (demo scenario): every figure
// with its unit, and "no data" in words where a service has nothing running to measure.
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';

setupSimulatorForDomTests({ scenario: 'demo', seed: 1, clientOnMasterClock: true });

/** The first render loads the lazy route and its modules: slow on a busy machine. */
const FIRST_RENDER = { timeout: 15_000 };

function tiles(): HTMLElement[] {
  return [...screen.getByRole('list', { name: /services, problems first/i }).querySelectorAll<HTMLElement>(':scope > li')];
}

/** A tile's metrics as label → figure, from its description list. */
function figures(tile: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const group of tile.querySelectorAll('dl > div')) {
    const label = group.querySelector('dt')?.textContent ?? '';
    out[label] = group.querySelector('dd')?.textContent ?? '';
  }
  return out;
}

describe('wall tile figures', () => {
  it('shows CPU in % and memory in binary units, and no data as words', async () => {
    renderApp('/wall?grid=staging');
    await waitFor(() => expect(tiles().length).toBe(7), FIRST_RENDER);
    // Stats come per tile once it is on screen.
    await waitFor(() => expect(tiles().filter((t) => /%$/.test(figures(t).CPU ?? '')).length).toBeGreaterThanOrEqual(4), FIRST_RENDER);
    for (const tile of tiles()) {
      const { CPU: cpu, Mem: mem } = figures(tile);
      expect(cpu).toMatch(/^(\d+(\.\d)? %|no data)$/);
      expect(mem).toMatch(/^(\d+(\.\d+)? (B|KiB|MiB|GiB|TiB)|no data)$/);
    }
    // payments cannot deploy: nothing runs, so there is nothing to measure, and it says so.
    const payments = tiles().find((t) => t.querySelector('h2')?.textContent === 'payments');
    expect(payments && figures(payments)).toEqual({ CPU: 'no data', Mem: 'no data' });
  });
});
