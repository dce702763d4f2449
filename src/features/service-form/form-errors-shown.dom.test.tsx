// @vitest-environment jsdom
// When the service form shows errors (#14 item 8), against the simulated master (its Node
// door, a fresh demo grid per test): none on an untouched form, an input's once it is
// left, all of them once saving is tried; and the save area never says "Ready" while an
// input shows the master's refusal.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';

const sim = setupSimulatorForDomTests({ live: false });

const textbox = (name: string) => screen.getByRole('textbox', { name });
const saveStatus = () => document.getElementById('sf-save-status') ?? document.body;
const shownErrors = () => [...document.querySelectorAll('[aria-invalid="true"]')].map((el) => el.id);

describe('an untouched new-service form', () => {
  it('shows no error anywhere: no invalid input, no red section, no list of problems, and no “Ready” either', async () => {
    renderApp('/grids/production/services/new');
    const name = await screen.findByRole('textbox', { name: 'Name' });
    expect(name).not.toHaveAttribute('aria-invalid');
    expect(name).not.toHaveAccessibleDescription(/required/i);
    expect(shownErrors()).toEqual([]);
    expect(within(screen.getByRole('navigation', { name: 'Form sections' })).queryByText(/has errors/)).toBeNull();
    const status = saveStatus();
    expect(status).not.toHaveTextContent(/problem/);
    expect(status).not.toHaveTextContent(/Ready/);
    // Neutral: what is still to be filled in, each a way to the input.
    expect(status).toHaveTextContent(/Still needed:\s*Name\s*Image$/);
    expect(within(status).getByRole('link', { name: 'Name' })).toBeVisible();
  });

  it('shows an input’s error once the input is left, and not the others’', async () => {
    const { user } = renderApp('/grids/production/services/new');
    const name = await screen.findByRole('textbox', { name: 'Name' });
    await user.click(name);
    await user.type(name, 'web');
    await user.clear(name);
    // Still in the input: nothing said yet.
    expect(name).not.toHaveAttribute('aria-invalid');
    await user.tab();
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription(/required/i);
    expect(textbox('Image')).not.toHaveAttribute('aria-invalid');
    expect(saveStatus()).toHaveTextContent(/1 problem blocks saving:\s*Name: Name is required/);
    expect(saveStatus()).toHaveTextContent(/Still needed:\s*Image$/);
    expect(
      within(screen.getByRole('navigation', { name: 'Form sections' })).getByRole('link', { name: /^General\s*\(has errors\)$/ }),
    ).toBeVisible();

    // Once left, the input is checked as the user types.
    await user.type(name, 'web');
    await waitFor(() => expect(name).not.toHaveAttribute('aria-invalid'));
  });

  it('shows every error once Save is pressed, and sends nothing', async () => {
    const { user } = renderApp('/grids/production/services/new');
    await screen.findByRole('textbox', { name: 'Name' });
    await user.click(screen.getByRole('button', { name: 'Create service' }));
    await waitFor(() => expect(textbox('Name')).toHaveAttribute('aria-invalid', 'true'));
    expect(textbox('Image')).toHaveAttribute('aria-invalid', 'true');
    expect(saveStatus()).toHaveTextContent('2 problems block saving');
    expect(saveStatus()).not.toHaveTextContent('Still needed');
    expect(sim.writes()).toEqual([]);
  });
});

describe('the master’s refusal of a field', () => {
  it('is listed in the save area beside the field, which never says “Ready” meanwhile', async () => {
    const { user } = renderApp('/grids/production/services/new');
    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'redis');
    await user.type(textbox('Image'), 'redis:4');
    expect(await within(saveStatus()).findByText('Ready to create.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Create service' }));

    await screen.findByRole('alert');
    const name = textbox('Name');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription(/is already taken/);
    const status = saveStatus();
    expect(status).not.toHaveTextContent('Ready');
    expect(status).toHaveTextContent(/1 problem blocks saving:\s*Name: is already taken$/);

    // Fixing the field clears it, and only then is the form ready again.
    await user.clear(name);
    await user.type(name, 'redis-2');
    await waitFor(() => expect(name).not.toHaveAttribute('aria-invalid'));
    expect(status).toHaveTextContent('Ready to create.');
  });
});
