// The new-volume form's rules (the master's, docs/kontena-api-grid.md G4) and its CLI line, as tables.
import { describe, expect, it } from 'vitest';
import { checkVolumeForm, NO_VOLUME, volumeCreateCommand } from './volume-form';
import type { VolumeFormValues } from './volume-form';

const form = (change: Partial<VolumeFormValues>): VolumeFormValues => ({ ...NO_VOLUME, ...change });

describe('checkVolumeForm', () => {
  it.each([
    ['', 'Name is required'],
    ['-data', "Name isn't in the right format: use letters, digits, _ and -, not starting with -"],
    ['my data', "Name isn't in the right format: use letters, digits, _ and -, not starting with -"],
    ['dätä', "Name isn't in the right format: use letters, digits, _ and -, not starting with -"],
  ])('refuses the name %j', (name, message) => {
    expect(checkVolumeForm(form({ name }))).toEqual({ ok: false, errors: { name: message } });
  });

  it.each([
    [{ key: '', value: 'x' }, 'The option needs a key'],
    [{ key: 'a=b', value: 'x' }, 'A key has no “=”: the CLI splits KEY=VALUE at the first one'],
  ])('refuses the option row %j', (row, message) => {
    expect(checkVolumeForm(form({ name: 'data', options: [row] }))).toEqual({ ok: false, errors: { 'options.0': message } });
  });

  it('refuses a key given twice, at the second row', () => {
    const options = [
      { key: 'type', value: 'tmpfs' },
      { key: 'type', value: 'none' },
    ];
    expect(checkVolumeForm(form({ name: 'data', options }))).toEqual({ ok: false, errors: { 'options.1': 'The key type is given twice' } });
  });

  it('sends the trimmed name and driver, and the options with blank rows left out', () => {
    const options = [
      { key: '', value: '' },
      { key: ' o ', value: 'size=1g' },
    ];
    expect(checkVolumeForm(form({ name: ' data_1 ', driver: ' local ', scope: 'stack', options }))).toEqual({
      ok: true,
      body: { name: 'data_1', scope: 'stack', driver: 'local', driver_opts: { o: 'size=1g' } },
    });
    expect(checkVolumeForm(form({ name: 'data' }))).toEqual({
      ok: true,
      body: { name: 'data', scope: 'instance', driver: 'local', driver_opts: {} },
    });
  });
});

describe('volumeCreateCommand', () => {
  it.each([
    [form({}), 'kontena volume create --grid prod --driver local --scope instance NAME'],
    [
      form({ name: 'data', scope: 'grid', options: [{ key: 'o', value: 'size=1g uid=1' }] }),
      "kontena volume create --grid prod --driver local --scope grid --driver-opt 'o=size=1g uid=1' data",
    ],
    [form({ name: 'data', driver: '' }), 'kontena volume create --grid prod --driver DRIVER --scope instance data'],
  ])('renders %j', (values, line) => {
    expect(volumeCreateCommand(values, 'prod')).toBe(line);
  });
});
