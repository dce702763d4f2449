/**
 * The new-volume form of the volumes page: its values as typed, the master's rules
 * mirrored (docs/kontena-api-grid.md G4), the body `kontena volume create` sends and the
 * line that would send it.
 */
import type { VolumeCreateBody } from '../../api/schemas/requests/volume-body';
import { parseServiceName } from '../../lib/options/names';
import { shellEscape } from '../../lib/shellwords';

export const VOLUME_SCOPES = ['instance', 'stack', 'grid'] as const;
export type VolumeScope = (typeof VOLUME_SCOPES)[number];

/** One `--driver-opt KEY=VALUE` row; a row left empty is ignored. */
export interface DriverOptionRow {
  key: string;
  value: string;
}

export interface VolumeFormValues {
  name: string;
  scope: VolumeScope;
  driver: string;
  options: DriverOptionRow[];
}

export const NO_OPTION: DriverOptionRow = { key: '', value: '' };

export const NO_VOLUME: VolumeFormValues = { name: '', scope: 'instance', driver: 'local', options: [NO_OPTION] };

/** The form's message keys: the fields, and one per option row (`options.<index>`). */
export type VolumeFormErrors = Partial<Record<'name' | 'scope' | 'driver' | `options.${number}`, string>>;

function isScope(value: string): value is VolumeScope {
  return (VOLUME_SCOPES as readonly string[]).includes(value);
}

function isBlank(row: DriverOptionRow): boolean {
  return row.key.trim() === '' && row.value === '';
}

/** The body to send, or a message per field (the master's words where it has them). */
export function checkVolumeForm(values: VolumeFormValues): { ok: true; body: VolumeCreateBody } | { ok: false; errors: VolumeFormErrors } {
  const errors: VolumeFormErrors = {};
  // Volumes::Create has the same name rule (`/^(?!-)(\w|-)+$/`) and messages as services.
  const name = parseServiceName(values.name);
  if (!name.ok) errors.name = name.error;
  // The master's own scope check is unanchored ("gridx" passes); the form offers only the three real ones.
  if (!isScope(values.scope)) errors.scope = 'Scope isn’t in the right format: choose instance, stack or grid';
  const driver = values.driver.trim();
  if (driver === '') errors.driver = 'Driver is required';
  else if (/\s/.test(driver)) errors.driver = 'Driver is one word, e.g. local';

  const driverOpts: Record<string, string> = {};
  values.options.forEach((row, index) => {
    if (isBlank(row)) return;
    const key = row.key.trim();
    if (key === '') errors[`options.${index}`] = 'The option needs a key';
    else if (key.includes('=')) errors[`options.${index}`] = 'A key has no “=”: the CLI splits KEY=VALUE at the first one';
    else if (Object.hasOwn(driverOpts, key)) errors[`options.${index}`] = `The key ${key} is given twice`;
    else driverOpts[key] = row.value;
  });

  if (!name.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  // `kontena volume create` sends driver_opts always (its parsed --driver-opt list); {} when none.
  return { ok: true, body: { name: name.value, scope: values.scope, driver, driver_opts: driverOpts } };
}

/** `kontena volume create --driver D --scope S [--driver-opt K=V…] NAME`, from what is typed so far. */
export function volumeCreateCommand(values: VolumeFormValues, grid: string): string {
  const parts = ['kontena', 'volume', 'create', '--grid', shellEscape(grid)];
  parts.push('--driver', shellEscape(values.driver.trim() === '' ? 'DRIVER' : values.driver.trim()));
  parts.push('--scope', shellEscape(values.scope));
  for (const row of values.options) {
    if (!isBlank(row)) parts.push('--driver-opt', shellEscape(`${row.key.trim()}=${row.value}`));
  }
  parts.push(values.name.trim() === '' ? 'NAME' : shellEscape(values.name.trim()));
  return parts.join(' ');
}

/** `kontena volume rm NAME`. */
export function volumeRemoveCommand(name: string, grid: string): string {
  return ['kontena', 'volume', 'rm', '--grid', shellEscape(grid), shellEscape(name)].join(' ');
}
