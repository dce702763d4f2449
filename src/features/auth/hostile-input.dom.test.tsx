// @vitest-environment jsdom
// The fuzz pass over the sign-in form (#15 item 7): every hostile string as a one-time
// code and as an access token. None is hex, so each is refused at its field, kept as
// typed, and nothing is sent to the master.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { setupMswForDomTests } from '../../../test/app/dom-test-setup';
import { HOSTILE_STRINGS, injectedMarkup } from '../../../test/app/hostile-strings';
import { renderApp } from '../../../test/app/render-app';

const server = setupMswForDomTests();
const sent: string[] = [];
server.events.on('request:start', ({ request }) => {
  sent.push(`${request.method} ${new URL(request.url).pathname}`);
});
beforeEach(() => {
  sent.length = 0;
});

describe('the sign-in form', () => {
  it.each([
    ['code', 'One-time code'],
    ['token', 'Access token'],
  ])('refuses every hostile string as a %s at the field, and sends nothing', async (method, label) => {
    const { user } = renderApp('/sign-in');
    if (method === 'token') await user.click(await screen.findByRole('tab', { name: /token/i }));
    const field = await screen.findByLabelText(label);
    for (const hostile of HOSTILE_STRINGS) {
      fireEvent.change(field, { target: { value: hostile.value } });
      const typed = (field as HTMLInputElement).value;
      fireEvent.click(screen.getByRole('button', { name: /sign in/i }));
      await waitFor(() => expect(field, hostile.id).toHaveAttribute('aria-invalid', 'true'));
      expect(field).toHaveAccessibleDescription(/hex|enter the one-time code|paste the access token/i);
      expect(field).toHaveValue(typed);
      expect(injectedMarkup(document.body), hostile.id).toEqual([]);
    }
    expect(sent.filter((request) => !request.startsWith('GET '))).toEqual([]);
  });
});
