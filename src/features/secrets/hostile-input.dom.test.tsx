// @vitest-environment jsdom
// The fuzz pass over the Secrets page (#15 item 7), against the simulated master: every
// hostile string as a new secret's name, as its value, and as an updated value. A name
// the master would refuse, and a value it would call blank, are refused at the field
// with nothing sent; any other value is sent as typed, kept as the master keeps a string
// (docs/kontena-api.md §3.1), and shown as text when revealed.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { HOSTILE_STRINGS, injectedMarkup } from '../../../test/app/hostile-strings';
import { renderApp } from '../../../test/app/render-app';
import { masterText } from '../../lib/options/master-text';
import { obj } from '../../../test/simulator/test-support';

const sim = setupSimulatorForDomTests({ live: false });

function typeInto(field: HTMLElement, text: string): string {
  fireEvent.change(field, { target: { value: text } });
  return (field as HTMLInputElement | HTMLTextAreaElement).value;
}

/** Waits for the attempt to be answered one way or the other: the field refused, or a request sent. */
async function outcome(field: HTMLElement, writes: number): Promise<'refused' | 'sent'> {
  await waitFor(() => expect(field.getAttribute('aria-invalid') === 'true' || sim.writes().length > writes).toBe(true));
  return field.getAttribute('aria-invalid') === 'true' ? 'refused' : 'sent';
}

const storedValue = async (name: string) => obj((await sim.t.api('GET', `/v1/secrets/production/${name}`)).body).value;

describe('a new secret', () => {
  it('takes a name the master takes and refuses the rest at the field', async () => {
    renderApp('/grids/production/secrets');
    const form = await screen.findByRole('form', { name: 'New secret' });
    const name = within(form).getByLabelText('Name');
    const value = within(form).getByLabelText('Value');
    const accepted: string[] = [];
    for (const hostile of HOSTILE_STRINGS) {
      const writes = sim.writes().length;
      const typed = typeInto(name, hostile.value);
      typeInto(value, 'v');
      fireEvent.click(within(form).getByRole('button', { name: 'Create secret' }));
      if ((await outcome(name, writes)) === 'refused') {
        expect(sim.writes().slice(writes), hostile.id).toEqual([]);
        continue;
      }
      accepted.push(hostile.id);
      await waitFor(() => expect(sim.writes().at(-1)?.body).toEqual({ name: typed.trim(), value: 'v' }));
      await screen.findByRole('row', { name: new RegExp(`^${typed.trim().slice(0, 40)}`) });
    }
    expect(accepted).toEqual(['10,000 characters', 'leading and trailing spaces', '1e309', 'NaN', '0x10']);
    expect(injectedMarkup(document.body)).toEqual([]);
  }, 60_000);

  it('refuses a blank value with the master’s words and a broken one, and keeps any other value as the master does', async () => {
    const { user } = renderApp('/grids/production/secrets');
    const form = await screen.findByRole('form', { name: 'New secret' });
    const name = within(form).getByLabelText('Name');
    const value = within(form).getByLabelText('Value');
    const refused: string[] = [];
    for (const [index, hostile] of HOSTILE_STRINGS.entries()) {
      const writes = sim.writes().length;
      typeInto(name, `FUZZ_${index}`);
      const typed = typeInto(value, hostile.value);
      fireEvent.click(within(form).getByRole('button', { name: 'Create secret' }));
      if ((await outcome(value, writes)) === 'refused') {
        refused.push(hostile.id);
        expect(sim.writes().slice(writes), hostile.id).toEqual([]);
        expect(value).toHaveAccessibleDescription(hostile.id === 'whitespace only' ? "Value can't be blank" : /broken character/);
        continue;
      }
      await waitFor(() => expect(sim.writes().at(-1)?.body).toEqual({ name: `FUZZ_${index}`, value: typed }));
      await waitFor(async () => expect(await storedValue(`FUZZ_${index}`), hostile.id).toBe(masterText(typed)));
    }
    expect(refused).toEqual(['lone surrogate', 'whitespace only']);

    // Revealed, a value is text.
    const row = await screen.findByRole('row', { name: /^FUZZ_0\b/ });
    await user.click(within(row).getByRole('button', { name: 'Reveal the value of FUZZ_0' }));
    expect(await within(row).findByText('<img src=x onerror=alert(1)>')).toBeVisible();
    expect(injectedMarkup(document.body)).toEqual([]);
  }, 60_000);
});

describe('a secret’s new value', () => {
  it('refuses a blank or broken value at the field and saves any other as typed', async () => {
    const { user } = renderApp('/grids/production/secrets');
    const row = await screen.findByRole('row', { name: /^SMTP_PASSWORD\b/ });
    const refused: string[] = [];
    for (const hostile of HOSTILE_STRINGS) {
      await user.click(within(row).getByRole('button', { name: 'Update the value of SMTP_PASSWORD' }));
      const field = within(row).getByRole('textbox', { name: 'New value for SMTP_PASSWORD' });
      const writes = sim.writes().length;
      const typed = typeInto(field, hostile.value);
      fireEvent.click(within(row).getByRole('button', { name: 'Save value' }));
      if ((await outcome(field, writes)) === 'refused') {
        refused.push(hostile.id);
        expect(sim.writes().slice(writes), hostile.id).toEqual([]);
        fireEvent.click(within(row).getByRole('button', { name: 'Cancel' }));
        continue;
      }
      await waitFor(() =>
        expect(sim.writes().at(-1)).toMatchObject({ method: 'PUT', path: '/v1/secrets/production/SMTP_PASSWORD', body: { value: typed } }),
      );
      await waitFor(() => expect(within(row).queryByRole('button', { name: 'Save value' })).toBeNull());
      expect(await storedValue('SMTP_PASSWORD'), hostile.id).toBe(masterText(typed));
    }
    expect(refused).toEqual(['lone surrogate', 'whitespace only']);
    expect(injectedMarkup(document.body)).toEqual([]);
  }, 60_000);
});
