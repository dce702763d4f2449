// @vitest-environment jsdom
// The services list against the simulated master (demo scenario): a filter that matches
// nothing is said inside the grid, and the text columns are sized from the services
// (the widths themselves are checked in a browser: e2e/first-impressions.spec.ts).
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../../test/app/render-app';
import { grid, setUpSimulatedMaster } from '../../../test/features/services/testing-master';

setUpSimulatedMaster();

describe('services list', () => {
  it('says inside the grid, under its header, that no service matches the filter', async () => {
    const { user } = renderApp('/grids/production/services?q=zzz');
    const cell = await within(await screen.findByRole('grid', { name: 'Services in production' })).findByRole('gridcell', {
      name: /no service matches the filter/i,
    });
    expect(within(cell).getByRole('status')).toHaveTextContent('No service matches the filter.');
    expect(cell).toHaveAttribute('aria-colspan', String(within(grid()).getAllByRole('columnheader').length));
    expect(grid()).toHaveAttribute('aria-rowcount', '2');

    await user.click(within(cell).getByRole('button', { name: 'Clear the filter' }));
    await waitFor(() => expect(within(grid()).getAllByRole('row')).toHaveLength(15));
    expect(within(grid()).queryByRole('gridcell', { name: /no service matches/i })).toBeNull();
  });

  it('sizes the name, image and ports columns from the longest of each among the grid’s services, whatever the filter', async () => {
    const { user } = renderApp('/grids/production/services');
    await screen.findByRole('grid', { name: 'Services in production' });
    const widths = () => ['--name-chars', '--image-chars', '--ports-chars'].map((name) => grid().style.getPropertyValue(name));
    // monitoring/node-exporter, prom/node-exporter:v0.13.0, lb's two port mappings.
    await waitFor(() => expect(widths()).toEqual(['24', '26', '40']));
    await user.type(screen.getByRole('searchbox', { name: /filter/i }), 'redis');
    await waitFor(() => expect(within(grid()).getAllByRole('row')).toHaveLength(2));
    expect(widths()).toEqual(['24', '26', '40']);
  });
});
