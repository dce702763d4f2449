// @vitest-environment jsdom
// The grid's volumes page against the simulated master (Node door), a fresh demo grid per
// test: production has pgdata (instance scope, shop/postgres) and prometheus-data (grid
// scope, monitoring/prometheus).
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';
import { DRAFT_KEY_PREFIX } from '../../lib/form-drafts';
import { arr, obj } from '../../../test/simulator/test-support';

const sim = setupSimulatorForDomTests({ live: false });
const PAGE = '/grids/production/volumes';

const volumeNames = async () => arr(obj((await sim.t.api('GET', '/v1/volumes/production')).body).volumes).map((v) => obj(v).name);
const writes = () => sim.writes().map((s) => ({ method: s.method, path: s.path, body: s.body }));

async function rowOf(name: string): Promise<HTMLElement> {
  const table = await screen.findByRole('table', { name: /volumes/ });
  return within(table).getByRole('row', { name: new RegExp(`^${name}\\b`) });
}

async function createVolume(name: string): Promise<void> {
  const answer = await sim.t.api('POST', '/v1/volumes/production', { body: { name, scope: 'grid', driver: 'local' } });
  expect(answer.status).toBe(201);
}

describe('volumes page', () => {
  it('lists the volumes with the services that mount them, their instances and docker volume names', async () => {
    renderApp(PAGE);
    expect(await screen.findByRole('heading', { level: 1, name: 'Volumes' })).toBeVisible();
    const pgdata = await rowOf('pgdata');
    await waitFor(() =>
      expect(within(pgdata).getByRole('link', { name: 'shop/postgres' })).toHaveAttribute(
        'href',
        '/grids/production/services/shop/postgres',
      ),
    );
    expect(pgdata).toHaveTextContent('instance');
    expect(pgdata).toHaveTextContent('local');
    expect(pgdata).toHaveTextContent('/var/lib/postgresql/data');
    expect(pgdata).toHaveTextContent(/1\/1 running/);
    expect(within(pgdata).getByText('shop.postgres.pgdata-1')).toBeVisible();
    const prometheus = await rowOf('prometheus-data');
    expect(within(prometheus).getByRole('link', { name: 'monitoring/prometheus' })).toBeVisible();
    expect(within(prometheus).getByText('prometheus-data', { selector: 'code' })).toBeVisible();
    // Used: the master would refuse, so the page says who uses it instead of offering the click.
    const remove = within(pgdata).getByRole('button', { name: 'Remove pgdata' });
    expect(remove).toBeDisabled();
    expect(remove).toHaveAccessibleDescription('in use by shop/postgres');
    expect(sim.sent().some((s) => s.path.startsWith('/v1/containers/') || s.path.endsWith('/containers'))).toBe(false);
  });

  it('creates a volume with scope, driver and options, showing the CLI line', async () => {
    const { user } = renderApp(PAGE);
    const form = await screen.findByRole('form', { name: 'New volume' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'cache-data');
    await user.click(within(form).getByRole('radio', { name: /^grid\b/ }));
    await user.type(within(form).getByRole('textbox', { name: 'Option 1 key' }), 'type');
    await user.type(within(form).getByRole('textbox', { name: 'Option 1 value' }), 'tmpfs');
    await user.click(within(form).getByRole('button', { name: 'Add option' }));
    await user.type(within(form).getByRole('textbox', { name: 'Option 2 key' }), 'o');
    await user.type(within(form).getByRole('textbox', { name: 'Option 2 value' }), 'size=100m');
    expect(within(form).getByTestId('cli-line')).toHaveTextContent(
      'kontena volume create --grid production --driver local --scope grid --driver-opt type=tmpfs --driver-opt o=size=100m cache-data',
    );
    await user.click(within(form).getByRole('button', { name: 'Create volume' }));
    const row = await rowOf('cache-data');
    expect(row).toHaveTextContent('type=tmpfs');
    expect(row).toHaveTextContent('no service');
    expect(screen.getByText(/Created cache-data\./)).toBeVisible();
    expect(writes()).toEqual([
      {
        method: 'POST',
        path: '/v1/volumes/production',
        body: { name: 'cache-data', scope: 'grid', driver: 'local', driver_opts: { type: 'tmpfs', o: 'size=100m' } },
      },
    ]);
    expect(await volumeNames()).toContain('cache-data');
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveValue('');
  });

  it('says what is wrong with a name next to it, and sends nothing', async () => {
    const { user } = renderApp(PAGE);
    const form = await screen.findByRole('form', { name: 'New volume' });
    const name = within(form).getByRole('textbox', { name: 'Name' });
    await user.type(name, '-data');
    await user.click(within(form).getByRole('button', { name: 'Create volume' }));
    expect(name).toHaveAccessibleDescription(/Name isn't in the right format/);
    expect(name).toHaveFocus();
    await user.clear(within(form).getByRole('textbox', { name: 'Driver' }));
    await user.click(within(form).getByRole('button', { name: 'Create volume' }));
    expect(within(form).getByRole('textbox', { name: 'Driver' })).toHaveAccessibleDescription('Driver is required');
    await user.type(within(form).getByRole('textbox', { name: 'Option 1 value' }), 'x');
    await user.click(within(form).getByRole('button', { name: 'Create volume' }));
    expect(within(form).getByRole('textbox', { name: 'Option 1 key' })).toHaveAccessibleDescription('The option needs a key');
    expect(writes()).toEqual([]);
  });

  it('shows the master’s “already exists” next to the name, keeping what was typed', async () => {
    const { user } = renderApp(PAGE);
    const form = await screen.findByRole('form', { name: 'New volume' });
    const name = within(form).getByRole('textbox', { name: 'Name' });
    await user.type(name, 'pgdata');
    await user.click(within(form).getByRole('button', { name: 'Create volume' }));
    await waitFor(() => expect(name).toHaveAccessibleDescription('Volume with given name already exists'));
    expect(name).toHaveValue('pgdata');
    expect(writes()).toHaveLength(1);
  });

  it('removes an unused volume after a confirmation showing the CLI line', async () => {
    await createVolume('scratch');
    const { user } = renderApp(PAGE);
    const row = await rowOf('scratch');
    await waitFor(() => expect(row).toHaveTextContent('no service'));
    await user.click(within(row).getByRole('button', { name: 'Remove scratch' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove volume scratch?' });
    expect(within(dialog).getByTestId('cli-line')).toHaveTextContent('kontena volume rm --grid production scratch');
    await user.click(within(dialog).getByRole('button', { name: 'Remove volume' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(screen.queryByRole('row', { name: /^scratch\b/ })).toBeNull());
    expect(screen.getByText('Removed scratch.')).toBeVisible();
    expect(writes()).toEqual([{ method: 'DELETE', path: '/v1/volumes/production/scratch', body: undefined }]);
    expect(await volumeNames()).not.toContain('scratch');
  });

  it('shows the master’s refusal, naming the service, when a volume got used after the page read the services', async () => {
    await createVolume('scratch');
    const { user } = renderApp(PAGE);
    const row = await rowOf('scratch');
    await waitFor(() => expect(row).toHaveTextContent('no service'));
    const mounted = await sim.t.api('POST', '/v1/grids/production/services', {
      body: { name: 'mounter', image: 'redis:3.2', stateful: true, volumes: ['scratch:/data'] },
    });
    expect(mounted.status).toBe(201);
    await user.click(within(row).getByRole('button', { name: 'Remove scratch' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove volume scratch?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove volume' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Volume still in use in service mounter');
    expect(await volumeNames()).toContain('scratch');
    // The refusal reads the services again: the row now names its user and offers no removal.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    const again = await rowOf('scratch');
    expect(await within(again).findByRole('link', { name: 'mounter' })).toHaveAttribute('href', '/grids/production/services/null/mounter');
    expect(within(again).getByRole('button', { name: 'Remove scratch' })).toHaveAccessibleDescription('in use by mounter');
  });

  it('marks the volume a service page links to (?volume=NAME)', async () => {
    renderApp(`${PAGE}?volume=prometheus-data`);
    expect(await rowOf('prometheus-data')).toHaveAttribute('aria-current', 'true');
    expect(await rowOf('pgdata')).not.toHaveAttribute('aria-current');
  });

  it('keeps a draft of the new volume through a reload, offered back', async () => {
    const first = renderApp(PAGE);
    const form = await screen.findByRole('form', { name: 'New volume' });
    await first.user.type(within(form).getByRole('textbox', { name: 'Name' }), 'kept');
    await first.user.click(within(form).getByRole('radio', { name: /^stack\b/ }));
    first.unmount();
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith(DRAFT_KEY_PREFIX))).toHaveLength(1);

    const { user } = renderApp(PAGE);
    const offer = await screen.findByRole('region', { name: 'Unsaved draft: New volume' });
    await user.click(within(offer).getByRole('button', { name: 'Restore' }));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('kept');
    expect(screen.getByRole('radio', { name: /^stack\b/ })).toBeChecked();
  });
});

describe('service overview', () => {
  it('links a named volume to the volumes page, its row marked', async () => {
    renderApp('/grids/production/services/shop/postgres');
    const link = await screen.findByRole('link', { name: 'pgdata:/var/lib/postgresql/data' });
    expect(link).toHaveAttribute('href', '/grids/production/volumes?volume=pgdata');
  });
});
