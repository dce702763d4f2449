// @vitest-environment jsdom
// The grid's secrets page against the simulated master (Node door), a fresh demo grid per test.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';
import { arr, obj } from '../../../test/simulator/test-support';

const sim = setupSimulatorForDomTests();
const sent = () => sim.sent();

const secretNames = async () => arr(obj((await sim.t.api('GET', '/v1/grids/production/secrets')).body).secrets).map((s) => obj(s).name);

async function rowOf(name: string): Promise<HTMLElement> {
  const table = await screen.findByRole('table', { name: /secrets/ });
  return within(table).getByRole('row', { name: new RegExp(`^${name}\\b`) });
}

describe('secrets page', () => {
  it('lists the vault’s secrets with the services that use them, values hidden and never fetched', async () => {
    await sim.t.api('POST', '/v1/grids/production/secrets', { body: { name: 'UNUSED', value: 'x' } });
    renderApp('/grids/production/secrets');
    expect(await screen.findByRole('heading', { level: 1, name: 'Secrets' })).toBeVisible();
    const db = await rowOf('DB_PASSWORD');
    await waitFor(() =>
      expect(within(db).getByRole('link', { name: 'api' })).toHaveAttribute('href', '/grids/production/services/null/api'),
    );
    expect(within(db).getByRole('link', { name: 'shop/postgres' })).toBeVisible();
    expect(db).toHaveTextContent('POSTGRES_PASSWORD');
    expect(db).toHaveTextContent('hidden');
    expect(db).not.toHaveTextContent('c0rrect-h0rse-battery');
    expect(within(await rowOf('UNUSED')).getByText('no service')).toBeVisible();
    expect(sent().some((s) => s.path.startsWith('/v1/secrets/'))).toBe(false);
    expect(screen.getByRole('navigation', { name: 'Main' })).toContainElement(screen.getByRole('link', { name: 'Secrets' }));
  });

  it('reveals a value only when asked (GET /v1/secrets/G/NAME), and hides it again', async () => {
    const { user } = renderApp('/grids/production/secrets');
    const row = await rowOf('SMTP_PASSWORD');
    await user.click(within(row).getByRole('button', { name: 'Reveal the value of SMTP_PASSWORD' }));
    expect(await within(row).findByText('smtp-pa55')).toBeVisible();
    expect(
      sent()
        .filter((s) => s.path.startsWith('/v1/secrets/'))
        .map((s) => `${s.method} ${s.path}`),
    ).toEqual(['GET /v1/secrets/production/SMTP_PASSWORD']);
    await user.click(within(row).getByRole('button', { name: 'Hide the value of SMTP_PASSWORD' }));
    expect(within(row).queryByText('smtp-pa55')).toBeNull();
  });

  it('creates a secret, and shows “is already taken” at the name field', async () => {
    const { user } = renderApp('/grids/production/secrets');
    const form = await screen.findByRole('form', { name: 'New secret' });
    await user.type(within(form).getByLabelText('Name'), 'API_TOKEN');
    await user.type(within(form).getByLabelText('Value'), 's3cr3t value');
    await user.click(within(form).getByRole('button', { name: 'Create secret' }));
    expect(await rowOf('API_TOKEN')).toBeVisible();
    expect(sent().filter((s) => s.method === 'POST')).toEqual([
      { method: 'POST', path: '/v1/grids/production/secrets', body: { name: 'API_TOKEN', value: 's3cr3t value' } },
    ]);
    expect(await secretNames()).toContain('API_TOKEN');
    expect(screen.getByText(/Created API_TOKEN/)).toBeVisible();

    await user.type(within(form).getByLabelText('Name'), 'DB_PASSWORD');
    await user.type(within(form).getByLabelText('Value'), 'x');
    await user.click(within(form).getByRole('button', { name: 'Create secret' }));
    await waitFor(() => expect(within(form).getByLabelText('Name')).toHaveAccessibleDescription('Name is already taken'));
  });

  it('updates a value with PUT /v1/secrets/G/NAME', async () => {
    const { user } = renderApp('/grids/production/secrets');
    const row = await rowOf('SMTP_PASSWORD');
    await user.click(within(row).getByRole('button', { name: 'Update the value of SMTP_PASSWORD' }));
    await user.type(within(row).getByRole('textbox', { name: 'New value for SMTP_PASSWORD' }), 'n3w-pass');
    await user.click(within(row).getByRole('button', { name: 'Save value' }));
    expect(
      await screen.findByText(/Updated SMTP_PASSWORD\. The master redeploys the running services that use it about 20 s later\./),
    ).toBeVisible();
    expect(sent().filter((s) => s.method === 'PUT')).toEqual([
      { method: 'PUT', path: '/v1/secrets/production/SMTP_PASSWORD', body: { value: 'n3w-pass' } },
    ]);
    expect(obj((await sim.t.api('GET', '/v1/secrets/production/SMTP_PASSWORD')).body).value).toBe('n3w-pass');
  });

  it('deletes a secret after a confirmation that names the services still using it', async () => {
    const { user } = renderApp('/grids/production/secrets');
    const row = await rowOf('STRIPE_API_KEY');
    await waitFor(() => expect(within(row).getAllByRole('link').length).toBeGreaterThan(0));
    await user.click(within(row).getByRole('button', { name: 'Delete STRIPE_API_KEY' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete secret STRIPE_API_KEY?' });
    expect(dialog).toHaveTextContent(/Still linked to .*\bapi\b/);
    expect(dialog).toHaveTextContent(/Still linked to .*shop\/app/);
    await user.click(within(dialog).getByRole('button', { name: 'Delete secret' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(screen.queryByRole('row', { name: /^STRIPE_API_KEY\b/ })).toBeNull());
    expect(
      sent()
        .filter((s) => s.method === 'DELETE')
        .map((s) => s.path),
    ).toEqual(['/v1/secrets/production/STRIPE_API_KEY']);
    expect(await secretNames()).not.toContain('STRIPE_API_KEY');
  });
});
