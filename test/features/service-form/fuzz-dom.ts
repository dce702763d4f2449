/**
 * For the service form's DOM fuzz tests: every text input on screen at once, and the
 * form model that mirrors what the inputs hold, so a test can compare what the page
 * says and sends with what the form's own check and converters make of the same values.
 */
import { fireEvent, waitFor } from '@testing-library/react';
import { FUZZ_FIELDS } from './fuzz-fields';
import { NEW_ROW, type ServiceForm } from '../../../src/features/service-form/service-form-model';

/** The text inputs `revealEveryInput` puts on screen, by form path. */
export const FORM_INPUTS: readonly string[] = FUZZ_FIELDS.map((field) => field.path);

/** The row lists and the noun of their "Add …" button. */
const ROW_BUTTONS: readonly [keyof ServiceForm, string][] = [
  ['ports', 'port'],
  ['links', 'link'],
  ['volumes', 'volume'],
  ['volumesFrom', 'volumes-from container'],
  ['env', 'variable'],
  ['secrets', 'secret'],
  ['capAdd', 'added capability'],
  ['capDrop', 'dropped capability'],
  ['devices', 'device'],
  ['logOpts', 'log option'],
  ['affinity', 'affinity rule'],
  ['hooks', 'hook'],
];

/**
 * Shows every text input of the form: container networking, an http health check, and
 * one row of each list, the link to `redis` and the secret `DB_PASSWORD` picked. Returns
 * `form` changed the same way.
 */
export async function revealEveryInput(form: ServiceForm): Promise<ServiceForm> {
  // Plain DOM lookups: role queries over a form this size take a tenth of a second each.
  const choose = (id: string, value: string) => fireEvent.change(byId(id), { target: { value } });
  choose('sf-netMode', 'container');
  choose('sf-healthCheck-protocol', 'http');
  const replace = document.getElementById('sf-replaceDevices');
  if (replace !== null) fireEvent.click(replace);
  for (const [, noun] of ROW_BUTTONS) fireEvent.click(buttonNamed(`Add ${noun}`));
  await waitFor(() => byId('sf-links-0-target').querySelector('option[value="redis"]') ?? fail('no redis to link to yet'));
  choose('sf-links-0-target', 'redis');
  await waitFor(() => byId('sf-secrets-0-secret').querySelector('option[value="DB_PASSWORD"]') ?? fail('no vault secrets yet'));
  choose('sf-secrets-0-secret', 'DB_PASSWORD');
  await waitFor(() => byId('sf-healthCheck-uri'));

  const next: ServiceForm = {
    ...form,
    netMode: 'container',
    healthCheck: { ...form.healthCheck, protocol: 'http' },
    replaceDevices: replace !== null ? true : form.replaceDevices,
  };
  const rows: Record<string, () => unknown> = {
    ports: NEW_ROW.text,
    links: () => ({ target: 'redis', alias: '' }),
    volumes: NEW_ROW.text,
    volumesFrom: NEW_ROW.text,
    env: NEW_ROW.keyValue,
    secrets: () => ({ secret: 'DB_PASSWORD', name: '' }),
    capAdd: NEW_ROW.text,
    capDrop: NEW_ROW.text,
    devices: NEW_ROW.text,
    logOpts: NEW_ROW.keyValue,
    affinity: NEW_ROW.affinity,
    hooks: NEW_ROW.hook,
  };
  for (const [field] of ROW_BUTTONS) {
    const list = next[field] as unknown[];
    (next as unknown as Record<string, unknown[]>)[field] = [...list, rows[field]?.()];
  }
  return next;
}

function fail(message: string): never {
  throw new Error(message);
}

export function byId(id: string): HTMLElement {
  return document.getElementById(id) ?? fail(`no element #${id}`);
}

/** The button whose text is `name` (without the role query's cost). */
export function buttonNamed(name: string): HTMLButtonElement {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.replace(/^\+\s*/, '').trim() === name);
  return button ?? fail(`no button ${name}`);
}

/** The text at a form path (`user`, `env.0.value`, `healthCheck.port`). */
function getPath(form: ServiceForm, path: string): string {
  let node: unknown = form;
  for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
  return typeof node === 'string' ? node : '';
}

function setPath(form: ServiceForm, path: string, value: string): void {
  const parts = path.split('.');
  const last = parts.pop() ?? '';
  let node: unknown = form;
  for (const part of parts) node = (node as Record<string, unknown>)[part];
  (node as Record<string, unknown>)[last] = value;
}

/** Sets every input's text in the form model to what `text(path, current)` gives (it may type it into the page too). */
export function fillForm(form: ServiceForm, text: (path: string, current: string) => string): void {
  for (const path of FORM_INPUTS) setPath(form, path, text(path, getPath(form, path)));
}
