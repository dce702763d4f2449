// @vitest-environment jsdom
// The create page and the settings tab against the simulated master (its Node door, a
// fresh demo grid per test): errors as the user types, what is sent, the diff before an
// update, 422s on the fields, and the question before leaving unsaved changes.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';
import { obj } from '../../../test/simulator/test-support';

const sim = setupSimulatorForDomTests({ live: false });
const writes = () => sim.writes();

const textbox = (name: string) => screen.getByRole('textbox', { name });
const saveStatus = () => document.getElementById('sf-save-status') ?? document.body;

async function serviceJson(path: string): Promise<Record<string, unknown>> {
  return obj((await sim.t.api('GET', `/v1/services/${path}`)).body);
}

describe('new service', () => {
  it('says what is wrong at the field once it is left, then as the user types, and what blocks saving', async () => {
    const { user } = renderApp('/grids/production/services/new');
    const name = await screen.findByRole('textbox', { name: 'Name' });
    await user.type(name, '-web');
    // Leaving the input (here for Memory) says what is wrong with it.
    await user.click(textbox('Memory'));
    await waitFor(() => expect(name).toHaveAccessibleDescription(/Name isn't in the right format/));
    expect(name).toHaveAttribute('aria-invalid', 'true');

    await user.type(textbox('Memory'), '512b');
    await user.click(document.body);
    await waitFor(() => expect(textbox('Memory')).toHaveAccessibleDescription(/the CLI has no b unit/));
    await user.clear(textbox('Memory'));
    await user.type(textbox('Memory'), '512m');
    await waitFor(() => expect(textbox('Memory')).not.toHaveAccessibleDescription(/the CLI has no b unit/));

    await user.click(screen.getByRole('button', { name: 'Add port' }));
    await user.type(textbox('Port 1'), '80');
    await user.click(document.body);
    await waitFor(() => expect(textbox('Port 1')).toHaveAccessibleDescription('Error: Invalid port value 80'));

    // The save area lists the blockers shown, and the untouched required Image as still needed.
    const status = saveStatus();
    expect(status).toHaveTextContent('2 problems block saving');
    expect(status).toHaveTextContent(/Still needed:\s*Image$/);
    expect(within(status).getByRole('link', { name: 'Ports, row 1' })).toBeVisible();

    // Nothing is sent while the form is invalid; the attempt shows every blocker.
    await user.click(screen.getByRole('button', { name: 'Create service' }));
    expect(writes()).toEqual([]);
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
    expect(status).toHaveTextContent('3 problems block saving');
    expect(within(status).getByRole('link', { name: 'Image' })).toBeVisible();
  });

  it('creates the service from the form, deploys it, and keeps the CLI line in step', async () => {
    const { user } = renderApp('/grids/production/services/new');
    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'form-dom');
    await user.type(textbox('Image'), 'nginx');
    await user.type(textbox('Instances'), '2');
    await user.click(screen.getByRole('button', { name: 'Add port' }));
    await user.type(textbox('Port 1'), '8080:80');
    await user.click(screen.getByRole('button', { name: 'Add link' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Link 1 service' }), 'redis');
    await user.click(screen.getByRole('button', { name: 'Add secret' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Secret 1 from the vault' }), 'DB_PASSWORD');
    await user.type(textbox('Secret 1 variable name'), 'DATABASE_PASSWORD');
    await user.type(textbox('Deploy min health'), '0.5');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Health check protocol' }), 'tcp');
    await user.type(await screen.findByRole('textbox', { name: 'Health check port' }), '80');

    // Env from pasted lines, with the bad line reported by number.
    await user.click(screen.getByRole('button', { name: 'Paste KEY=VALUE lines' }));
    await user.type(
      screen.getByRole('textbox', { name: 'KEY=VALUE lines' }),
      'A=1{enter}# comment{enter}export MSG=hello world{enter}BROKEN',
    );
    expect(screen.getByText(/Line 4: Invalid env value BROKEN/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Add to the list' }));
    expect(textbox('Variable 2 value')).toHaveValue('hello world');

    expect(await screen.findByText('Ready to create.')).toBeVisible();
    expect(screen.getByTestId('cli-line')).toHaveTextContent(
      "kontena service create --grid production -p 8080:80 -e A=1 -e 'MSG=hello world' -l redis --instances 2 --deploy-min-health 0.5 --secret DB_PASSWORD:DATABASE_PASSWORD --health-check-port 80 --health-check-protocol tcp form-dom nginx",
    );
    expect(screen.getByRole('checkbox', { name: 'Deploy now' })).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Create service' }));
    expect(await screen.findByText('Service form-dom created in grid production.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Open form-dom' })).toHaveAttribute('href', '/grids/production/services/null/form-dom');

    const [create, deploy] = writes();
    expect(create).toMatchObject({ method: 'POST', path: '/v1/grids/production/services' });
    expect(create?.body).toEqual({
      name: 'form-dom',
      image: 'nginx:latest',
      stateful: false,
      instances: 2,
      ports: [{ ip: '0.0.0.0', node_port: 8080, container_port: 80, protocol: 'tcp' }],
      links: [{ name: 'redis', alias: 'redis' }],
      env: ['A=1', 'MSG=hello world'],
      secrets: [{ secret: 'DB_PASSWORD', name: 'DATABASE_PASSWORD' }],
      privileged: false,
      deploy_opts: { min_health: 0.5 },
      health_check: { port: 80, protocol: 'tcp' },
    });
    expect(deploy).toMatchObject({ method: 'POST', path: '/v1/services/production/null/form-dom/deploy' });
    expect(await serviceJson('production/null/form-dom')).toMatchObject({
      image: 'nginx:latest',
      instances: 2,
      env: ['A=1', 'MSG=hello world'],
    });
  });

  it('puts the master’s 422 on the field it names and keeps everything typed', async () => {
    const { user } = renderApp('/grids/production/services/new');
    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'redis');
    await user.type(textbox('Image'), 'redis:4');
    await user.type(textbox('User'), 'someone');
    await user.click(screen.getByRole('button', { name: 'Create service' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The master refused the service');
    expect(alert).toHaveTextContent('Name: is already taken');
    const name = screen.getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/is already taken/);
    expect(textbox('Image')).toHaveValue('redis:4');
    expect(textbox('User')).toHaveValue('someone');

    // Fixing the field clears the master's message; the next save goes through.
    await user.clear(name);
    await user.type(name, 'form-dom-2');
    await waitFor(() => expect(name).not.toHaveAttribute('aria-invalid'));
    await user.click(screen.getByRole('checkbox', { name: 'Deploy now' }));
    await user.click(screen.getByRole('button', { name: 'Create service' }));
    expect(await screen.findByText('Service form-dom-2 created in grid production.')).toBeVisible();
    expect(screen.getByText('It is not deployed yet: nothing runs until it is deployed.')).toBeVisible();
    expect(writes().filter((w) => w.path.endsWith('/deploy'))).toEqual([]);
  });

  it('asks before leaving with unsaved changes', async () => {
    const { user, location } = renderApp('/grids/production/services/new');
    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'form-x');
    await user.click(screen.getByRole('link', { name: 'Secrets' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    expect(within(dialog).getByRole('button', { name: 'Stay and keep editing' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Stay and keep editing' }));
    expect(location().pathname).toBe('/grids/production/services/new');
    expect(textbox('Name')).toHaveValue('form-x');

    await user.click(screen.getByRole('link', { name: 'Secrets' }));
    await user.click(await screen.findByRole('button', { name: 'Leave and discard' }));
    await waitFor(() => expect(location().pathname).toBe('/grids/production/secrets'));
  });
});

describe('settings tab', () => {
  it('is filled from the service, shows what cannot change and why', async () => {
    renderApp('/grids/production/services/null/api/settings');
    expect(await screen.findByRole('textbox', { name: 'Image' })).toHaveValue('myorg/api:2.4.1');
    expect(textbox('Memory')).toHaveValue('512m');
    expect(textbox('Name')).toHaveAttribute('readonly');
    expect(textbox('Name')).toHaveAccessibleDescription(/cannot be renamed/);
    expect(textbox('Stateful')).toHaveAccessibleDescription(/ignores stateful on update/);
    expect(textbox('Pid')).toHaveAccessibleDescription(/ignores pid on update/);
    expect(textbox('Entrypoint')).toHaveAccessibleDescription(/ignores entrypoint on update/);
    expect(screen.getByRole('radio', { name: 'Leave as it is' })).toBeChecked();
    expect(screen.getByRole('group', { name: /Privileged/ })).toHaveAccessibleDescription(/never returns privileged/);
    expect(screen.getByRole('checkbox', { name: 'Replace the devices' })).not.toBeChecked();
    expect(textbox('Variable 2 name')).toHaveValue('PORT');
    expect(await screen.findByRole('combobox', { name: 'Link 1 service' })).toHaveValue('redis');
  });

  it('shows the diff, sends only what changed (never privileged unless touched), and offers to deploy', async () => {
    const { user } = renderApp('/grids/production/services/null/api/settings');
    const image = await screen.findByRole('textbox', { name: 'Image' });
    await user.clear(image);
    await user.type(image, 'myorg/api:2.5.0');
    await user.clear(textbox('Memory'));
    await user.type(textbox('Memory'), '1g');
    // An emptied env value is kept by the master: warned, and not a change by itself.
    await user.clear(textbox('Variable 2 value'));
    expect(await screen.findByText(/PORT keeps its current value/)).toBeVisible();
    expect(saveStatus()).toHaveTextContent('2 fields changed.');

    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    const review = await screen.findByRole('region', { name: 'Review the changes to api' });
    expect(review).toHaveTextContent('2 fields change');
    expect(review).toHaveTextContent('Image IMAGE, --imagemyorg/api:2.4.1 → myorg/api:2.5.0');
    expect(review).toHaveTextContent('Memory -m, --memory512 MiB → 1 GiB');
    expect(within(review).getByText(/redeploys a running service by itself about 20 s/)).toBeVisible();
    expect(within(review).getByRole('checkbox', { name: 'Deploy now' })).not.toBeChecked();
    expect(within(review).getByTestId('cli-line')).toHaveTextContent(
      'kontena service update --grid production --image myorg/api:2.5.0 -m 1g api',
    );

    await user.click(within(review).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved api: revision 15.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Deploy now' })).toBeVisible();
    const puts = writes();
    expect(puts).toEqual([
      { method: 'PUT', path: '/v1/services/production/null/api', body: { image: 'myorg/api:2.5.0', memory: 1073741824 } },
    ]);
    expect(await serviceJson('production/null/api')).toMatchObject({ image: 'myorg/api:2.5.0', memory: 1073741824 });
    // The form now starts from the saved service: nothing left to save.
    expect(textbox('Variable 2 value')).toHaveValue('8080');
    expect(saveStatus()).toHaveTextContent('No changes yet.');

    await user.click(screen.getByRole('button', { name: 'Deploy now' }));
    await waitFor(() => expect(writes().at(-1)).toMatchObject({ method: 'POST', path: '/v1/services/production/null/api/deploy' }));
    // Its progress shows once, in the place the service page keeps for a deploy.
    expect(await screen.findByText('The deploy has started: its progress shows above the tabs.')).toBeVisible();
    await waitFor(() => expect(screen.getAllByRole('region', { name: /^(Deploy|Redeploy)\b.*: api$/ })).toHaveLength(1));
  });

  it('goes back to the form from the review with everything kept, and says when nothing changed', async () => {
    const { user } = renderApp('/grids/production/services/null/api/settings');
    await user.click(await screen.findByRole('button', { name: 'Review changes' }));
    expect(await screen.findByText('Nothing to save: no field would change on the master.')).toBeVisible();
    await user.clear(textbox('Instances'));
    await user.type(textbox('Instances'), '5');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    await user.click(await screen.findByRole('button', { name: 'Back to editing' }));
    expect(textbox('Instances')).toHaveValue('5');
    expect(writes()).toEqual([]);
  });

  it('a 422 on update lands on the row it names, with everything typed kept', async () => {
    const { user } = renderApp('/grids/production/services/null/redis/settings');
    const instances = await screen.findByRole('textbox', { name: 'Instances' });
    await user.clear(instances);
    await user.type(instances, '3');
    await user.click(screen.getByRole('button', { name: 'Add link' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Link 1 service' }), 'api');
    // Someone removes the linked service while the form is open.
    await sim.t.api('DELETE', '/v1/services/production/null/api');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    await user.click(await screen.findByRole('button', { name: 'Save changes' }));
    // The master says "Service null/api"; the form names the service as the list does.
    expect(await screen.findByText('Links, row 1: Service api does not exist')).toBeVisible();
    const link = screen.getByRole('combobox', { name: 'Link 1 service' });
    expect(link).toHaveAttribute('aria-invalid', 'true');
    expect(link).toHaveAccessibleDescription('Error: Service api does not exist');
    expect(textbox('Instances')).toHaveValue('3');
    expect(writes().map((w) => w.method)).toEqual(['PUT']);
  });
});
