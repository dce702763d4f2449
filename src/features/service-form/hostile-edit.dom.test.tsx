// @vitest-environment jsdom
// The fuzz pass over the settings tab (#15 item 7), against the simulated master: one
// hostile string into every editable text input of a fresh service, then Review changes.
// Each input the form's check refuses says so at the input and nothing is sent; once
// those hold a valid value, the review lists the changes as text, and Save sends exactly
// the form's update body.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Service } from '../../api/schemas/service';
import { getService } from '../../api/services';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { HOSTILE_CASES, injectedMarkup } from '../../../test/app/hostile-strings';
import { renderApp } from '../../../test/app/render-app';
import { fieldId } from './form-controls';
import { formFromService } from './form-from-service';
import { updateBody } from './form-to-body';
import { buttonNamed, byId, fillForm, FORM_INPUTS, revealEveryInput } from '../../../test/features/service-form/fuzz-dom';
import { validateServiceForm } from './validate-form';

const sim = setupSimulatorForDomTests({ live: false });
const REF = { grid: 'production', stack: 'null', name: 'fuzz-edit' };

/** Name and entrypoint are read-only on the settings tab. */
const EDIT_INPUTS = FORM_INPUTS.filter((path) => path !== 'name' && path !== 'entrypoint');

const input = (path: string): HTMLInputElement => {
  const element = document.getElementById(fieldId(path));
  if (!(element instanceof HTMLInputElement)) throw new Error(`no input for ${path}`);
  return element;
};

beforeEach(async () => {
  const created = await sim.t.api('POST', '/v1/grids/production/services', {
    body: { name: REF.name, image: 'nginx:latest', stateful: false },
  });
  expect(created.status).toBe(201);
});

describe('the settings tab, one hostile string in every input', () => {
  it.each(HOSTILE_CASES)('%s', async (_, hostile) => {
    const original: Service = await getService(REF);
    renderApp('/grids/production/services/null/fuzz-edit/settings');
    await waitFor(() => byId('sf-image'));
    const form = await revealEveryInput(formFromService(original));
    const ctx = { mode: 'update', original } as const;

    fillForm(form, (path, current) => {
      if (!EDIT_INPUTS.includes(path)) return current;
      fireEvent.change(input(path), { target: { value: hostile.value } });
      return input(path).value;
    });
    fireEvent.click(buttonNamed('Review changes'));

    const refused = new Map<string, string>();
    for (const error of validateServiceForm(form, ctx).errors) if (!refused.has(error.path)) refused.set(error.path, error.message);
    if (refused.size > 0) {
      await waitFor(() => {
        const invalid = EDIT_INPUTS.filter((path) => input(path).getAttribute('aria-invalid') === 'true');
        expect(invalid.sort()).toEqual([...refused.keys()].filter((path) => EDIT_INPUTS.includes(path)).sort());
      });
      for (const [path, message] of refused) {
        if (EDIT_INPUTS.includes(path))
          expect(input(path), path).toHaveAccessibleDescription(expect.stringContaining(message.replace(/\s+/g, ' ').trim()));
      }
      expect(sim.writes()).toEqual([]);
      expect(injectedMarkup(document.body)).toEqual([]);

      fillForm(form, (path, typed) => {
        if (!refused.has(path)) return typed;
        const fallback = FALLBACK[path] ?? '';
        fireEvent.change(input(path), { target: { value: fallback } });
        return fallback;
      });
      expect(validateServiceForm(form, ctx).errors).toEqual([]);
      fireEvent.click(buttonNamed('Review changes'));
    }

    // The review says what changes, as text.
    await screen.findByRole('heading', { name: 'Review the changes to fuzz-edit' });
    expect(injectedMarkup(document.body)).toEqual([]);
    fireEvent.click(buttonNamed('Save changes'));
    await screen.findByText(/^Saved fuzz-edit: revision/, {}, { timeout: 10_000 });
    const put = sim.writes().find((w) => w.method === 'PUT');
    await waitFor(() => expect(put?.body).toEqual(JSON.parse(JSON.stringify(updateBody(original, form)))));
    expect(injectedMarkup(document.body)).toEqual([]);
  });
});

/** A valid value for each input whose text was refused (empty: the input sends nothing, as the service has no value). */
const FALLBACK: Readonly<Record<string, string>> = {
  image: 'nginx',
  instances: '1',
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
