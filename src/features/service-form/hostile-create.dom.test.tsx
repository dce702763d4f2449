// @vitest-environment jsdom
// The fuzz pass over the new-service form in the DOM (#15 item 7), against the simulated
// master: one hostile string into every text input at once, then Create. Each input the
// form's check refuses says so at the input (aria-invalid, its message as its
// description) and nothing is sent; once those inputs hold a valid value, what is sent is
// exactly the form's body for the rest as typed, and the new service's pages show the
// text as text: no element, no handler, no javascript: URL comes out of it.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { HOSTILE_CASES, HOSTILE_STRINGS, injectedMarkup } from '../../../test/app/hostile-strings';
import { renderApp } from '../../../test/app/render-app';
import { masterText } from '../../lib/options/master-text';
import { fieldId } from './form-controls';
import { createBody } from './form-to-body';
import { buttonNamed, byId, fillForm, FORM_INPUTS, revealEveryInput } from '../../../test/features/service-form/fuzz-dom';
import { emptyServiceForm } from './service-form-model';
import { validateServiceForm } from './validate-form';

const sim = setupSimulatorForDomTests({ live: false });

const input = (path: string): HTMLInputElement => {
  const element = document.getElementById(fieldId(path));
  if (!(element instanceof HTMLInputElement)) throw new Error(`no input for ${path}`);
  return element;
};

describe('the new-service form, one hostile string in every input', () => {
  it.each(HOSTILE_CASES)('%s', async (_, hostile) => {
    const { user, location } = renderApp('/grids/production/services/new');
    await waitFor(() => byId('sf-name'));
    const form = await revealEveryInput(emptyServiceForm());

    // What each input holds once typed into (an input drops CR and LF).
    fillForm(form, (path) => {
      fireEvent.change(input(path), { target: { value: hostile.value } });
      return input(path).value;
    });
    fireEvent.click(buttonNamed('Create service'));

    const { errors } = validateServiceForm(form, { mode: 'create' });
    const refused = new Map<string, string>();
    for (const error of errors) if (!refused.has(error.path)) refused.set(error.path, error.message);
    await waitFor(() => {
      const invalid = FORM_INPUTS.filter((path) => input(path).getAttribute('aria-invalid') === 'true');
      expect(invalid.sort()).toEqual([...refused.keys()].filter((path) => FORM_INPUTS.includes(path)).sort());
    });
    for (const [path, message] of refused) {
      // The accessible description collapses blanks.
      if (FORM_INPUTS.includes(path))
        expect(input(path), path).toHaveAccessibleDescription(expect.stringContaining(message.replace(/\s+/g, ' ').trim()));
    }
    if (refused.size > 0) expect(sim.writes()).toEqual([]);
    expect(injectedMarkup(document.body)).toEqual([]);

    // A valid value where the text was refused; the rest stays as typed.
    fillForm(form, (path, typed) => {
      if (!refused.has(path)) return typed;
      const fallback = FALLBACK[path] ?? '';
      fireEvent.change(input(path), { target: { value: fallback } });
      return fallback;
    });
    expect(validateServiceForm(form, { mode: 'create' }).errors).toEqual([]);
    fireEvent.click(byId('sf-deploy-now'));
    fireEvent.click(buttonNamed('Create service'));
    const opened = await screen.findByRole('link', { name: /^Open / }, { timeout: 10_000 });
    const create = sim.writes().find((w) => w.method === 'POST' && w.path === '/v1/grids/production/services');
    await waitFor(() => expect(create?.body).toEqual(JSON.parse(JSON.stringify(createBody(form)))));

    // The new service's overview and settings show the text as text.
    await user.click(opened);
    await waitFor(() => expect(location().pathname).toBe(`/grids/production/services/null/${form.name.trim()}`));
    await screen.findByText('Entrypoint', {}, { timeout: 10_000 });
    expect(injectedMarkup(document.body)).toEqual([]);
    // What the master keeps of the user is on the page, as text.
    if (!refused.has('user') && form.user.trim() !== '') expect(document.body.textContent).toContain(masterText(form.user.trim()));
  });
});

describe('the env editor’s pasted KEY=VALUE lines', () => {
  it('reports the bad lines by number as text, and adds the rest as rows, values as typed', async () => {
    const { user } = renderApp('/grids/production/services/new');
    await waitFor(() => byId('sf-name'));
    await user.click(buttonNamed('Paste KEY=VALUE lines'));
    const text = HOSTILE_STRINGS.map((hostile, index) => `K${index}=${hostile.value}`).join('\n');
    fireEvent.change(screen.getByRole('textbox', { name: 'KEY=VALUE lines' }), { target: { value: text } });
    // The CRLF entry is two lines, so the lone surrogate's line is one further down.
    const broken = HOSTILE_STRINGS.findIndex((hostile) => hostile.id === 'lone surrogate') + 2;
    const item = (text: RegExp) => (_: string, element: Element | null) =>
      element?.tagName === 'LI' && text.test(element.textContent ?? '');
    expect(await screen.findByText(item(new RegExp(`^Line ${broken}: This text has a broken character`)))).toBeVisible();
    expect(injectedMarkup(document.body)).toEqual([]);
    fireEvent.click(buttonNamed('Add to the list'));
    // The CRLF line is two lines, the lone surrogate's is left out.
    const rows = HOSTILE_STRINGS.length;
    await waitFor(() => expect(document.getElementById(fieldId(`env.${rows - 1}.key`))).not.toBeNull());
    expect(input('env.0.value')).toHaveValue('<img src=x onerror=alert(1)>');
    expect(injectedMarkup(document.body)).toEqual([]);
    expect(sim.writes()).toEqual([]);
  });
});

/** A valid value for each input whose text was refused (empty: the input sends nothing). */
const FALLBACK: Readonly<Record<string, string>> = {
  name: 'fuzz-dom',
  image: 'nginx',
  netContainer: 'other-%s',
  'healthCheck.port': '80',
  'env.0.key': 'FUZZ',
  'env.0.value': 'v',
  'secrets.0.name': 'FUZZ_SECRET',
  'logOpts.0.key': 'tag',
  'logOpts.0.value': 'v',
  'hooks.0.name': 'warm',
  'hooks.0.cmd': 'true',
  'hooks.0.instances': '*',
};
