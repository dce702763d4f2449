// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { SESSION_STORAGE_KEY, getSession } from '../../api/session';
import { setupMswForDomTests } from '../../../test/app/dom-test-setup';
import { ADMIN, GOOD_TOKEN, INVALID_TOKEN_BODY, gridJson, serviceJson, tokenJson } from '../../../test/app/fixtures';
import { TEST_ORIGIN, renderApp } from '../../../test/app/render-app';

const api = (path: string) => `${TEST_ORIGIN}${path}`;

// Signed out, empty storage, a fresh client: the helper's beforeEach.
const server = setupMswForDomTests(
  http.get(api('/v1/grids'), () => HttpResponse.json({ grids: [gridJson('production')] })),
  http.get(api('/v1/grids/production/services'), () => HttpResponse.json({ services: [serviceJson({ grid: 'production', name: 'web' })] })),
);

const sent: string[] = [];
server.events.on('request:start', ({ request }) => {
  sent.push(`${request.method} ${new URL(request.url).pathname}`);
});

beforeEach(() => {
  sent.length = 0;
});

async function openTokenTab(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('tab', { name: /token/i }));
  return screen.getByLabelText(/access token/i);
}

describe('sign-in page: what is checked before sending', () => {
  it('says a malformed token must be 64 hex characters, keeps it, and sends nothing', async () => {
    const { user } = renderApp('/sign-in');
    const field = await openTokenTab(user);
    await user.type(field, 'not-a-token');
    await user.click(screen.getByRole('button', { name: /sign in/i }));

    expect(screen.getByText(/64 hex characters/i)).toBeVisible();
    expect(field).toHaveValue('not-a-token');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/64 hex characters/i);
    expect(field).toHaveFocus();
    expect(sent).toEqual([]);
  });

  it('says how long a hex token of the wrong length is', async () => {
    const { user } = renderApp('/sign-in');
    const field = await openTokenTab(user);
    await user.type(field, 'abc123');
    await user.click(screen.getByRole('button', { name: /sign in/i }));
    expect(screen.getByText(/64 hex characters.*this one has 6/i)).toBeVisible();
    expect(sent).toEqual([]);
  });

  it('asks for a code when none was typed, and says a code is hex characters', async () => {
    const { user } = renderApp('/sign-in');
    const field = await screen.findByLabelText(/one-time code/i);
    await user.click(screen.getByRole('button', { name: /sign in/i }));
    expect(screen.getByText('Enter the one-time code.')).toBeVisible();

    await user.type(field, 'not a code!');
    await user.click(screen.getByRole('button', { name: /sign in/i }));
    expect(screen.getByText(/only hex characters/i)).toBeVisible();
    expect(field).toHaveValue('not a code!');
    expect(sent).toEqual([]);
  });

  it('tells which command makes a code and which makes a token', async () => {
    const { user } = renderApp('/sign-in');
    expect(await screen.findByText('kontena master token create --code')).toBeVisible();
    await openTokenTab(user);
    expect(screen.getByText('kontena master token create --expires-in 0')).toBeVisible();
    expect(screen.getByText('kontena master token current --token')).toBeVisible();
    expect(screen.getByRole('checkbox', { name: /remember on this device/i })).not.toBeChecked();
  });
});

describe('sign-in page: what the master answers', () => {
  it('an unreachable master: a clear message, and the code stays in the field', async () => {
    server.use(http.post(api('/oauth2/token'), () => HttpResponse.error()));
    const { user } = renderApp('/sign-in');
    const field = await screen.findByLabelText(/one-time code/i);
    await user.type(field, '3f9a1c0b7d2e');
    await user.click(screen.getByRole('button', { name: /sign in/i }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/cannot reach the kontena master/i);
    await waitFor(() => expect(alert).toHaveFocus());
    expect(field).toHaveValue('3f9a1c0b7d2e');
    expect(getSession()).toBeNull();
  });

  it('an HTML page instead of the API: says the answer is not from a Kontena Master', async () => {
    server.use(
      http.get(
        api('/v1/user'),
        () => new HttpResponse('<!doctype html><html><body>Welcome to nginx!</body></html>', { headers: { 'Content-Type': 'text/html' } }),
      ),
    );
    const { user } = renderApp('/sign-in');
    const field = await openTokenTab(user);
    await user.type(field, GOOD_TOKEN);
    await user.click(screen.getByRole('button', { name: /sign in/i }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/did not come from a kontena master/i);
    expect(alert).not.toHaveTextContent(GOOD_TOKEN);
    expect(field).toHaveValue(GOOD_TOKEN);
  });

  it('garbage JSON from the token endpoint is reported, not a crash', async () => {
    server.use(http.post(api('/oauth2/token'), () => HttpResponse.json({ hello: 'world' }, { status: 201 })));
    const { user } = renderApp('/sign-in');
    await user.type(await screen.findByLabelText(/one-time code/i), 'abcdef123456');
    await user.click(screen.getByRole('button', { name: /sign in/i }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/did not come from a kontena master/i);
  });

  it('a token the master rejects', async () => {
    server.use(http.get(api('/v1/user'), () => HttpResponse.json(INVALID_TOKEN_BODY, { status: 403 })));
    const { user } = renderApp('/sign-in');
    const field = await openTokenTab(user);
    await user.type(field, GOOD_TOKEN);
    await user.click(screen.getByRole('button', { name: /sign in/i }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/does not accept this token/i);
  });

  it('a code that was already used', async () => {
    server.use(
      http.post(api('/oauth2/token'), () => HttpResponse.json({ error: 'invalid_grant', error_description: null }, { status: 404 })),
    );
    const { user } = renderApp('/sign-in');
    await user.type(await screen.findByLabelText(/one-time code/i), 'abcdef123456');
    await user.click(screen.getByRole('button', { name: /sign in/i }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/this code does not work/i);
  });
});

describe('sign-in page: success', () => {
  it('exchanges a code and goes to `next`', async () => {
    let body: unknown;
    server.use(
      http.post(api('/oauth2/token'), async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(tokenJson(), { status: 201 });
      }),
    );
    const { user, location } = renderApp('/sign-in?next=%2Fgrids%2Fproduction%2Fservices');
    await user.type(await screen.findByLabelText(/one-time code/i), ' 3f9a1c0b7d2e ');
    await user.click(screen.getByRole('button', { name: /sign in/i }));

    expect(await screen.findByRole('link', { name: 'web' })).toBeVisible();
    expect(location().pathname).toBe('/grids/production/services');
    expect(body).toEqual({ grant_type: 'authorization_code', code: '3f9a1c0b7d2e' });
    expect(getSession()?.user?.email).toBe(ADMIN.email);
    // Not remembered: only this tab keeps it.
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).not.toBeNull();
  });

  it('checks a pasted token, remembers it on this device when asked, and goes to `next`', async () => {
    let authorization: string | null = null;
    server.use(
      http.get(api('/v1/user'), ({ request }) => {
        authorization = request.headers.get('Authorization');
        return HttpResponse.json(ADMIN);
      }),
    );
    const { user, location } = renderApp('/sign-in?next=%2Fgrids%2Fproduction%2Fservices');
    const field = await openTokenTab(user);
    await user.type(field, GOOD_TOKEN);
    await user.click(screen.getByRole('checkbox', { name: /remember on this device/i }));
    await user.click(screen.getByRole('button', { name: /sign in/i }));

    await waitFor(() => expect(location().pathname).toBe('/grids/production/services'));
    expect(authorization).toBe(`Bearer ${GOOD_TOKEN}`);
    expect(getSession()?.remember).toBe(true);
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).not.toBeNull();
  });

  it('never follows a `next` that leaves the app', async () => {
    server.use(http.post(api('/oauth2/token'), () => HttpResponse.json(tokenJson(), { status: 201 })));
    const { user, location } = renderApp('/sign-in?next=%2F%2Fevil.example%2Fx');
    await user.type(await screen.findByLabelText(/one-time code/i), 'abcdef123456');
    await user.click(screen.getByRole('button', { name: /sign in/i }));
    // "/" sends the user on to the first grid's overview.
    await waitFor(() => expect(location().pathname).toBe('/grids/production'));
  });
});
