// @vitest-environment jsdom
// Installing and upgrading a stack from a kontena.yml against the simulated master (demo
// scenario): the file read from a file picker or pasted, its problems by line, the
// variables as a form, the preview (or the upgrade's diff), the exact body the stack-file
// library builds, the master's 422 where it belongs, and the deploy handed to the stack page.
import { describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../../../test/app/render-app';
import { setUpSimulatedMaster } from '../../../../test/features/services/testing-master';
import { buildStackInstallBody, buildStackUpgradeBody } from '../../../lib/stack-file/build-stack-body';
import { parseStackFile } from '../../../lib/stack-file/parse-stack-file';
import type { ParsedStackFile } from '../../../lib/stack-file/parse-stack-file';

const sim = setUpSimulatedMaster();

const HELLO = `stack: test/hello
version: 1.0.0
variables:
  greeting:
    type: string
    from:
      prompt: Greeting
services:
  web:
    image: nginx:1.11-alpine
    instances: 2
    ports:
      - 18080:80
    links:
      - cache
    environment:
      GREETING: \${greeting}
  cache:
    image: redis:3.2-alpine
`;

function parsed(source: string): ParsedStackFile {
  const result = parseStackFile(source);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.value;
}

const writes = () => sim.sent().filter((r) => r.method !== 'GET');
const fileField = () => screen.getByRole('textbox', { name: 'Stack file (kontena.yml)' });
const sendButton = (name: 'Install' | 'Upgrade') => screen.getByRole('button', { name });

async function pasteFile(user: ReturnType<typeof renderApp>['user'], text: string) {
  await user.click(await screen.findByRole('textbox', { name: 'Stack file (kontena.yml)' }));
  await user.paste(text);
}

describe('installing a stack', () => {
  it('reads the file from the picker, asks its variable, previews the services, sends the library’s body, then deploys', async () => {
    const { user } = renderApp('/grids/production/install-stack');
    expect(await screen.findByRole('heading', { level: 1, name: 'Install a stack' })).toBeVisible();
    expect(sendButton('Install')).toBeDisabled();
    expect(screen.getByRole('list', { name: 'What blocks the install' })).toHaveTextContent('Paste or open a stack file.');
    // An untouched, empty field is not marked wrong.
    expect(fileField()).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('list', { name: 'Problems in the stack file' })).toBeNull();

    await user.upload(screen.getByLabelText('Open a stack file'), new File([HELLO], 'hello.yml', { type: 'text/yaml' }));
    await waitFor(() => expect(fileField()).toHaveValue(HELLO));
    const greeting = await screen.findByRole('textbox', { name: /^Greeting\s*\(required\)/ });
    expect(greeting).toHaveAccessibleDescription(/greeting needs a value$/);
    expect(screen.getByRole('textbox', { name: 'Stack name' })).toHaveValue('hello');
    expect(sendButton('Install')).toBeDisabled();

    await user.type(greeting, 'hi there');
    const preview = await screen.findByRole('list', { name: 'Services the install creates' });
    const web = within(preview).getByRole('heading', { name: 'web' }).closest('li');
    expect(web).toHaveTextContent('nginx:1.11-alpine');
    expect(web).toHaveTextContent('Instances2');
    expect(web).toHaveTextContent('18080:80/tcp');
    expect(web).toHaveTextContent('cache:cache');
    expect(web).toHaveTextContent('GREETING');
    expect(web).not.toHaveTextContent('hi there');
    expect(within(preview).getByRole('heading', { name: 'cache' })).toBeVisible();
    expect(screen.getByTestId('cli-line')).toHaveTextContent("kontena stack install --name hello -v 'greeting=hi there' hello.yml");

    await user.click(sendButton('Install'));
    expect(await screen.findByRole('heading', { name: 'Stack hello installed' })).toBeVisible();
    const expected = buildStackInstallBody(parsed(HELLO), { greeting: 'hi there' }, { grid: 'production', name: 'hello' });
    if (!expected.ok) throw new Error('the library refused the file');
    expect(writes()).toEqual([{ method: 'POST', path: '/v1/grids/production/stacks', body: expected.body }]);

    await user.click(screen.getByRole('button', { name: 'Deploy now' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'hello' })).toBeVisible();
    expect(await screen.findByRole('region', { name: 'Stack deploy: hello' })).toBeVisible();
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/grids/production/stacks',
      'POST /v1/stacks/production/hello/deploy',
    ]);
  });

  it('shows a liquid tag and a build: with their lines, and sends nothing', async () => {
    const { user } = renderApp('/grids/production/install-stack');
    await pasteFile(user, 'stack: test/liquid\nversion: 1.0.0\n{% if x %}\nservices: {}\n');
    const problems = await screen.findByRole('list', { name: 'Problems in the stack file' });
    expect(problems).toHaveTextContent(/^! line 3: liquid templates/);
    expect(fileField()).toHaveAttribute('aria-invalid', 'true');
    expect(fileField()).toHaveAccessibleDescription(/line 3: liquid templates/);
    expect(sendButton('Install')).toBeDisabled();

    await user.clear(fileField());
    await user.paste('stack: test/built\nversion: 1.0.0\nservices:\n  web:\n    build: .\n');
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Problems in the stack file' })).toHaveTextContent(
        /line 5: services\.web\.build is not supported/,
      ),
    );
    expect(screen.getByRole('list', { name: 'What blocks the install' })).toHaveTextContent('The stack file has a problem');
    await user.click(sendButton('Install'));
    expect(writes()).toEqual([]);
  });

  it('blocks on a required variable left empty, with its message at the field', async () => {
    const { user } = renderApp('/grids/production/install-stack');
    await pasteFile(user, HELLO);
    const greeting = await screen.findByRole('textbox', { name: /^Greeting\s*\(required\)/ });
    expect(greeting).toHaveAttribute('aria-invalid', 'true');
    expect(greeting).toHaveAccessibleDescription(/greeting needs a value$/);
    expect(screen.getByRole('list', { name: 'What blocks the install' })).toHaveTextContent('A variable needs an answer or a fix.');
    expect(screen.getByText('Shown once the file and the variables are valid.')).toBeVisible();
    expect(sendButton('Install')).toBeDisabled();
    expect(writes()).toEqual([]);
  });

  it('shows the master’s 422 for a taken name at the name field, keeping what was typed', async () => {
    const { user } = renderApp('/grids/production/install-stack');
    await pasteFile(user, 'stack: myorg/shop\nversion: 2.0.0\nservices:\n  web:\n    image: nginx:1.11-alpine\n');
    const name = await screen.findByRole('textbox', { name: 'Stack name' });
    await waitFor(() => expect(name).toHaveValue('shop'));
    await user.click(sendButton('Install'));
    await waitFor(() => expect(name).toHaveAccessibleDescription(/shop already exists/));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(fileField()).toHaveValue('stack: myorg/shop\nversion: 2.0.0\nservices:\n  web:\n    image: nginx:1.11-alpine\n');

    await user.clear(name);
    await user.type(name, 'shop-two');
    expect(name).not.toHaveAttribute('aria-invalid');
    await user.click(sendButton('Install'));
    expect(await screen.findByRole('heading', { name: 'Stack shop-two installed' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Open the stack' })).toHaveAttribute('href', '/grids/production/stacks/shop-two');
  });

  it('shows the master’s 422 for a service next to that service in the preview', async () => {
    const { user } = renderApp('/grids/production/install-stack');
    await pasteFile(
      user,
      'stack: test/broken-link\nversion: 1.0.0\nservices:\n  web:\n    image: nginx:1.11-alpine\n    links:\n      - nosuch\n',
    );
    const preview = await screen.findByRole('list', { name: 'Services the install creates' });
    await user.click(sendButton('Install'));
    const errors = await within(preview).findByRole('list', { name: 'The master’s errors for web' });
    expect(errors).toHaveTextContent(/links: .*nosuch/);
    expect(screen.getByRole('alert')).toHaveTextContent('The master refused some services');
    expect(fileField()).toHaveValue(
      'stack: test/broken-link\nversion: 1.0.0\nservices:\n  web:\n    image: nginx:1.11-alpine\n    links:\n      - nosuch\n',
    );
  });

  it('keeps the pasted file as a draft that survives leaving the page', async () => {
    const first = renderApp('/grids/production/install-stack');
    await pasteFile(first.user, HELLO);
    cleanup();
    const { user } = renderApp('/grids/production/install-stack');
    const offer = await screen.findByRole('region', { name: 'Unsaved draft: Install a stack' });
    await user.click(within(offer).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(fileField()).toHaveValue(HELLO));
  });
});

const SHOP_UPGRADE = `stack: myorg/shop
version: 1.9.0
services:
  postgres:
    image: postgres:9.6
    stateful: true
    volumes:
      - pgdata:/var/lib/postgresql/data
    environment:
      POSTGRES_USER: shop
      POSTGRES_DB: shop
  app:
    image: myorg/shop:1.9.0
    instances: 3
    links:
      - postgres
  web:
    image: nginx:1.11-alpine
    instances: 2
    links:
      - app
  sidekiq:
    image: myorg/shop:1.8.0
    instances: 2
    links:
      - postgres
volumes:
  pgdata:
    external: true
`;

describe('upgrading a stack', () => {
  it('shows the image change in the diff and PUTs the library’s body', async () => {
    const { user } = renderApp('/grids/production/install-stack?upgrade=shop');
    expect(await screen.findByRole('heading', { level: 1, name: 'Upgrade shop' })).toBeVisible();
    expect(await screen.findByText(/an upgrade keeps the name/)).toBeVisible();
    await pasteFile(user, SHOP_UPGRADE);
    const changes = await screen.findByRole('list', { name: 'Changes to the services' });
    const appChanges = within(changes).getByLabelText('Changes to app');
    expect(appChanges).toHaveTextContent('Imagemyorg/shop:1.8.0 → becomes myorg/shop:1.9.0');
    expect(screen.getByTestId('cli-line')).toHaveTextContent('kontena stack upgrade shop kontena.yml');

    await user.click(sendButton('Upgrade'));
    expect(await screen.findByRole('heading', { name: /^Stack shop upgraded to revision 5$/ })).toBeVisible();
    const expected = buildStackUpgradeBody(parsed(SHOP_UPGRADE), {}, { grid: 'production', name: 'shop', previousValues: {} });
    if (!expected.ok) throw new Error('the library refused the file');
    expect(writes()).toEqual([{ method: 'PUT', path: '/v1/stacks/production/shop', body: expected.body }]);
    expect(screen.getByRole('link', { name: 'Open the stack' })).toHaveAttribute('href', '/grids/production/stacks/shop');
  });
});
