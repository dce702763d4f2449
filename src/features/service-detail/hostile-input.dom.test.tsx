// @vitest-environment jsdom
// The fuzz pass over the service page's own forms (#15 item 7), against the simulated
// master (a fresh demo grid and a fresh service per test): every hostile string into the
// Environment, Secrets and Links panels and the events' Lines box. Each is refused at its
// field (aria-invalid, the reason as its description) with nothing sent, or sent as typed,
// stored as the master keeps it, and shown as text.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { HOSTILE_STRINGS, injectedMarkup, type HostileString } from '../../../test/app/hostile-strings';
import { renderApp } from '../../../test/app/render-app';
import { masterText } from '../../lib/options/master-text';
import { obj } from '../../../test/simulator/test-support';

const sim = setupSimulatorForDomTests({ live: false });
const SERVICE = '/v1/services/production/null/fuzz-panels';

beforeEach(async () => {
  expect(
    (await sim.t.api('POST', '/v1/grids/production/services', { body: { name: 'fuzz-panels', image: 'nginx:latest', stateful: false } }))
      .status,
  ).toBe(201);
});

async function stored(): Promise<Record<string, unknown>> {
  return obj((await sim.t.api('GET', SERVICE)).body);
}

/** Types into a field as a paste would (an input drops CR and LF) and gives back what it holds. */
function typeInto(field: HTMLElement, text: string): string {
  fireEvent.change(field, { target: { value: text } });
  return (field as HTMLInputElement).value;
}

/** The field is marked invalid, says `message` (blanks collapsed, as the description does), and nothing was sent since `writes`. */
async function expectRefused(field: HTMLElement, writes: number, message?: RegExp | string): Promise<void> {
  await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
  if (message !== undefined)
    expect(field).toHaveAccessibleDescription(
      typeof message === 'string' ? expect.stringContaining(message.replace(/\s+/g, ' ').trim()) : message,
    );
  expect(sim.writes().slice(writes)).toEqual([]);
}

const ids = (list: readonly HostileString[]) => list.map((h) => h.id);
const except = (...refused: string[]) => ids(HOSTILE_STRINGS.filter((h) => !refused.includes(h.id)));

describe('the Environment panel (kontena service env add)', () => {
  it('refuses an entry without = or with a broken character at the field, and adds anything else as typed', async () => {
    renderApp('/grids/production/services/null/fuzz-panels');
    const env = await screen.findByRole('region', { name: 'Environment' });
    const field = within(env).getByLabelText('Add variable');
    const add = within(env).getByRole('button', { name: 'Add' });
    const added: string[] = [];
    const accepted = { entry: [] as string[], value: [] as string[] };

    for (const [index, hostile] of HOSTILE_STRINGS.entries()) {
      for (const [kind, text] of [
        ['entry', hostile.value],
        ['value', `FUZZ_${index}=${hostile.value}`],
      ] as const) {
        const writes = sim.writes().length;
        const typed = typeInto(field, text);
        fireEvent.click(add);
        await waitFor(() => expect(field.getAttribute('aria-invalid') === 'true' || sim.writes().length > writes).toBe(true));
        if (field.getAttribute('aria-invalid') === 'true') {
          await expectRefused(field, writes);
          continue;
        }
        accepted[kind].push(hostile.id);
        added.push(typed);
        await waitFor(() => expect(sim.writes().at(-1)?.body).toEqual({ env: typed }));
        expect(sim.writes().at(-1)).toMatchObject({ method: 'POST', path: `${SERVICE}/envs` });
        await waitFor(() => expect(field).toHaveValue(''));
      }
    }

    // Whole hostile strings have no '=' except these two (an input drops the CRLF).
    expect(accepted.entry).toEqual(['html img onerror', 'CRLF injection']);
    expect(accepted.value).toEqual(except('lone surrogate'));
    expect((await stored()).env).toEqual(expect.arrayContaining(added.map(masterText)));

    fireEvent.click(await within(env).findByRole('button', { name: 'Show all values' }));
    expect(within(env).getByRole('row', { name: /^FUZZ_0/ })).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(injectedMarkup(document.body)).toEqual([]);

    // A name that would need percent-encoding in DELETE …/envs/NAME cannot be removed through the API: nothing is sent.
    const writes = sim.writes().length;
    fireEvent.click(within(env).getByRole('button', { name: 'Remove <img src' }));
    fireEvent.click(await within(env).findByRole('button', { name: 'Yes, remove <img src' }));
    expect(await within(env).findByText(/cannot be removed through the API/)).toBeVisible();
    expect(sim.writes().slice(writes)).toEqual([]);
  }, 60_000);
});

describe('the Secrets panel (kontena service secret link)', () => {
  it('refuses a secret the vault does not have and a variable name the master would spoil; links the rest as typed', async () => {
    renderApp('/grids/production/services/null/fuzz-panels');
    const panel = await screen.findByRole('region', { name: 'Secrets' });
    const secret = within(panel).getByLabelText('Vault secret');
    const variable = within(panel).getByLabelText('As variable');
    const link = within(panel).getByRole('button', { name: 'Link secret' });
    await within(panel).findByText(/in this grid$/);
    const linked: string[] = [];

    for (const hostile of HOSTILE_STRINGS) {
      // As the secret's name: none of them is in the vault.
      let writes = sim.writes().length;
      typeInto(variable, '');
      typeInto(secret, hostile.value);
      fireEvent.click(link);
      await expectRefused(secret, writes);

      // As the variable it becomes.
      writes = sim.writes().length;
      typeInto(secret, 'DB_PASSWORD');
      const typed = typeInto(variable, hostile.value);
      fireEvent.click(link);
      await waitFor(() => expect(variable.getAttribute('aria-invalid') === 'true' || sim.writes().length > writes).toBe(true));
      if (variable.getAttribute('aria-invalid') === 'true') {
        await expectRefused(variable, writes, /Invalid variable name/);
        continue;
      }
      linked.push(hostile.id);
      await waitFor(() => expect(variable).toHaveValue(''));
      const put = sim.writes().at(-1);
      expect(put).toMatchObject({ method: 'PUT', path: SERVICE });
      await waitFor(() => expect(put?.body).toBeDefined());
      // An empty variable is the secret's own name, as in the CLI.
      const name = typed.trim() === '' ? 'DB_PASSWORD' : typed.trim();
      expect((put?.body as { secrets: unknown[] }).secrets, hostile.id).toContainEqual({ secret: 'DB_PASSWORD', name, type: 'env' });
    }

    expect(linked).toEqual(except('html img onerror', 'NUL', 'CRLF injection', 'shell substitution', 'terminal escape', 'lone surrogate'));
    expect(within(panel).getByText('<script>alert(1)</script>')).toBeVisible();
    expect(injectedMarkup(document.body)).toEqual([]);
  }, 60_000);
});

describe('the Links panel (kontena service link)', () => {
  it('refuses a target that is not a service of the grid and an alias the master would not take; links the rest as typed', async () => {
    renderApp('/grids/production/services/null/fuzz-panels');
    const panel = await screen.findByRole('region', { name: 'Links' });
    const target = within(panel).getByLabelText('Link to service');
    const alias = within(panel).getByLabelText('Alias');
    const link = within(panel).getByRole('button', { name: 'Link service' });
    await waitFor(() => expect(target).toHaveAttribute('placeholder', expect.not.stringMatching(/^SERVICE/)));
    const aliased: string[] = [];

    for (const hostile of HOSTILE_STRINGS) {
      let writes = sim.writes().length;
      typeInto(alias, '');
      typeInto(target, hostile.value);
      fireEvent.click(link);
      await expectRefused(target, writes);

      writes = sim.writes().length;
      typeInto(target, 'redis');
      const typed = typeInto(alias, hostile.value);
      fireEvent.click(link);
      await waitFor(() => expect(alias.getAttribute('aria-invalid') === 'true' || sim.writes().length > writes).toBe(true));
      if (alias.getAttribute('aria-invalid') === 'true') {
        await expectRefused(alias, writes, /Invalid link alias/);
        continue;
      }
      aliased.push(hostile.id);
      const put = sim.writes().at(-1);
      await waitFor(() =>
        expect(put?.body).toEqual({ links: [{ name: 'null/redis', alias: typed.trim() === '' ? 'redis' : typed.trim() }] }),
      );
      // Shown as text; unlinked again for the next one.
      const unlink = await within(panel).findByRole('button', { name: 'Unlink redis' });
      expect(injectedMarkup(document.body)).toEqual([]);
      fireEvent.click(unlink);
      await within(panel).findByText('This service links to no other service.');
    }

    expect(aliased).toEqual([
      '10,000 characters',
      'path traversal',
      'whitespace only',
      'leading and trailing spaces',
      '1e309',
      'NaN',
      '0x10',
    ]);

    // A ':' typed in the service is no alias: `redis:cache` is not a service of the grid.
    const writes = sim.writes().length;
    typeInto(alias, '');
    typeInto(target, 'redis:cache');
    fireEvent.click(link);
    await expectRefused(target, writes, /Invalid link target 'redis:cache'/);
  }, 60_000);
});

describe('the events’ Lines and Since boxes (kontena service events --lines --since)', () => {
  it('refuses anything but a whole number of lines at the box, asks the master nothing, and takes no text for a time', async () => {
    const { location } = renderApp('/grids/production/services/null/fuzz-panels/events');
    const lines = await screen.findByLabelText('Lines');
    const since = screen.getByLabelText('Since');
    const apply = screen.getByRole('button', { name: 'Apply' });
    await waitFor(() => expect(sim.sent().some((r) => r.path.endsWith('/event_logs'))).toBe(true));
    for (const hostile of HOSTILE_STRINGS) {
      const asked = sim.sent().length;
      typeInto(lines, hostile.value);
      fireEvent.click(apply);
      await waitFor(() => expect(lines).toHaveAttribute('aria-invalid', 'true'));
      expect(sim.sent().slice(asked)).toEqual([]);
      expect(location().search).toBe('');
      expect(injectedMarkup(document.body)).toEqual([]);

      // The Since box holds a time or nothing: the text leaves the view as it is.
      typeInto(lines, '100');
      typeInto(since, hostile.value);
      fireEvent.click(apply);
      await waitFor(() => expect(lines).not.toHaveAttribute('aria-invalid'));
      expect(location().search, hostile.id).toBe('');
    }
  }, 60_000);
});
