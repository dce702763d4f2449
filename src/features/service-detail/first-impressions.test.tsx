// @vitest-environment jsdom
// What an operator noticed on the service page (#14 item 8), against the simulated master
// (its Node door, a fresh demo grid per test): the env values' "show all", the events'
// Lines box, messages that name a service of the default stack.
import { describe, expect, it, onTestFinished } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';

const sim = setupSimulatorForDomTests();

describe('environment: Show all values', () => {
  it('turns into “Hide all values”, and a variable added while it is on is shown too', async () => {
    const { user } = renderApp('/grids/production/services/null/api');
    const env = await screen.findByRole('region', { name: 'Environment' });
    expect(within(env).getByRole('row', { name: /NODE_ENV/ })).toHaveTextContent('hidden');

    await user.click(within(env).getByRole('button', { name: 'Show all values' }));
    expect(within(env).getByRole('button', { name: 'Hide all values' })).toBeVisible();
    expect(within(env).getByRole('row', { name: /NODE_ENV/ })).toHaveTextContent('production');

    await user.type(within(env).getByLabelText('Add variable'), 'GREETING=hello');
    await user.click(within(env).getByRole('button', { name: 'Add' }));
    const added = await within(env).findByRole('row', { name: /GREETING/ });
    expect(added).toHaveTextContent('hello');
    expect(added).not.toHaveTextContent('hidden');
    expect(within(env).getByRole('button', { name: 'Hide all values' })).toBeVisible();

    await user.click(within(env).getByRole('button', { name: 'Hide all values' }));
    expect(within(env).getByRole('row', { name: /GREETING/ })).toHaveTextContent('hidden');
    expect(within(env).getByRole('button', { name: 'Show all values' })).toBeVisible();
  });

  it('one value hidden again while all are shown offers “Show all values” again', async () => {
    const { user } = renderApp('/grids/production/services/null/api');
    const env = await screen.findByRole('region', { name: 'Environment' });
    await user.click(within(env).getByRole('button', { name: 'Show all values' }));
    await user.click(within(env).getByRole('button', { name: 'Hide the value of NODE_ENV' }));
    expect(within(env).getByRole('row', { name: /NODE_ENV/ })).toHaveTextContent('hidden');
    expect(within(env).getByRole('row', { name: /^PORT/ })).not.toHaveTextContent('hidden');
    await user.click(within(env).getByRole('button', { name: 'Show all values' }));
    expect(within(env).getByRole('row', { name: /NODE_ENV/ })).toHaveTextContent('production');
  });
});

describe('events: the Lines box takes any number, like kontena service events --lines N', () => {
  function eventQueries(): URLSearchParams[] {
    const seen: URLSearchParams[] = [];
    const onRequest = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/event_logs')) seen.push(url.searchParams);
    };
    sim.server.events.on('request:start', onRequest);
    onTestFinished(() => sim.server.events.removeListener('request:start', onRequest));
    return seen;
  }

  it('asks for 37 when 37 is typed', async () => {
    const seen = eventQueries();
    const { user, location } = renderApp('/grids/production/services/null/docs/events');
    const tab = await screen.findByRole('region', { name: 'Events' });
    const box = within(tab).getByRole('textbox', { name: 'Lines' });
    expect(box).toHaveValue('100');
    await user.clear(box);
    await user.type(box, '37{Enter}');
    expect(location().search).toBe('?lines=37');
    await waitFor(() => expect(seen.at(-1)?.get('limit')).toBe('37'));
    expect(box).not.toHaveAttribute('aria-invalid');
  });

  it('takes more than the page keeps and says how many it keeps', async () => {
    const seen = eventQueries();
    const { user, location } = renderApp('/grids/production/services/null/docs/events');
    const tab = await screen.findByRole('region', { name: 'Events' });
    const box = within(tab).getByRole('textbox', { name: 'Lines' });
    await user.clear(box);
    await user.type(box, '5000');
    await user.click(within(tab).getByRole('button', { name: 'Apply' }));
    expect(location().search).toBe('?lines=5000');
    expect(within(tab).getByRole('textbox', { name: 'Lines' })).toHaveValue('5000');
    expect(within(tab).getByRole('textbox', { name: 'Lines' })).toHaveAccessibleDescription('The page keeps the latest 1,000.');
    await waitFor(() => expect(seen.at(-1)?.get('limit')).toBe('1000'));
  });

  it.each(['abc', '0', '2.5', ''])('refuses %j at the box and sends nothing', async (typed) => {
    const { user, location } = renderApp('/grids/production/services/null/docs/events?lines=20');
    const tab = await screen.findByRole('region', { name: 'Events' });
    await within(tab).findByText('live');
    const before = sim.sent().filter((s) => s.path.endsWith('/event_logs')).length;
    const box = within(tab).getByRole('textbox', { name: 'Lines' });
    await user.clear(box);
    if (typed !== '') await user.type(box, typed);
    await user.keyboard('{Enter}');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription(/^Error: .*(whole number|1 or more|how many)/);
    expect(location().search).toBe('?lines=20');
    expect(sim.sent().filter((s) => s.path.endsWith('/event_logs'))).toHaveLength(before);
    // Typing again clears the message.
    await user.type(box, '5');
    expect(box).not.toHaveAttribute('aria-invalid');
  });

  it('says inside the table that nothing matches the since filter', async () => {
    const future = new Date(Date.now() + 365 * 86_400_000).toISOString();
    renderApp(`/grids/production/services/null/docs/events?since=${encodeURIComponent(future)}&follow=0`);
    const tab = await screen.findByRole('region', { name: 'Events' });
    const table = within(tab).getByRole('table');
    expect(await within(table).findByRole('cell', { name: 'No events since that time.' })).toBeVisible();
  });
});

describe('messages name a service of the default stack as the list does: name, not null/name', () => {
  it('linking and unlinking say “redis”', async () => {
    const { user } = renderApp('/grids/production/services/shop/web');
    const links = await screen.findByRole('region', { name: 'Links' });
    await user.type(within(links).getByRole('combobox', { name: 'Link to service' }), 'redis');
    await user.type(within(links).getByLabelText('Alias'), 'cache');
    await user.click(within(links).getByRole('button', { name: 'Link service' }));
    await waitFor(() => expect(within(links).getByRole('status')).toHaveTextContent('Linked redis as cache.'));
    expect(within(links).getByRole('status')).not.toHaveTextContent('null/');

    await user.click(within(links).getByRole('button', { name: 'Unlink redis' }));
    await waitFor(() => expect(within(links).getByRole('status')).toHaveTextContent('Unlinked redis.'));
  });

  it('a second link to the same service is refused naming it “redis”', async () => {
    const { user } = renderApp('/grids/production/services/shop/app');
    const links = await screen.findByRole('region', { name: 'Links' });
    const field = within(links).getByRole('combobox', { name: 'Link to service' });
    await user.type(field, 'redis');
    await user.type(within(links).getByLabelText('Alias'), 'again');
    await user.click(within(links).getByRole('button', { name: 'Link service' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription('redis is already linked'));
  });

  it('an alias already taken names the service it points to as “redis”', async () => {
    const { user } = renderApp('/grids/production/services/shop/app');
    const links = await screen.findByRole('region', { name: 'Links' });
    await user.type(within(links).getByRole('combobox', { name: 'Link to service' }), 'api');
    await user.type(within(links).getByLabelText('Alias'), 'redis');
    await user.click(within(links).getByRole('button', { name: 'Link service' }));
    await waitFor(() =>
      expect(within(links).getByLabelText('Alias')).toHaveAccessibleDescription('The alias redis is already used by the link to redis'),
    );
  });
});
