// The fuzz pass over the service form's inputs (#15 item 7), without a DOM: every text
// input × every hostile string, for a new service and for an update. Each one is either
// refused by the form's own check at that input (and then nothing is sent), or accepted,
// sent through the real api client, taken by the simulated master, and stored as the
// master keeps a string (docs/kontena-api.md §3.1). Messages are safe to show.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../api/schemas/service';
import { createService, getService, updateService } from '../../api/services';
import { HOSTILE_CASES } from '../../../test/app/hostile-strings';
import { setupSimulatorForApiTests } from '../../../test/app/simulator-api-setup';
import { formFromService } from './form-from-service';
import { createBody, updateBody } from './form-to-body';
import { FUZZ_FIELDS, type FuzzField } from '../../../test/features/service-form/fuzz-fields';
import type { FormContext } from './option-groups';
import { emptyServiceForm, type ServiceForm } from './service-form-model';
import { validateServiceForm } from './validate-form';

setupSimulatorForApiTests();

const GRID = 'production';
const ref = (name: string) => ({ grid: GRID, stack: 'null', name });
const SECRETS = ['DB_PASSWORD'];

/** Characters that must not reach a message raw: they hide or reorder the text around them. */
const HIDDEN = /\p{Cc}|\p{Cs}|\p{Zl}|\p{Zp}|(?![\u200C\u200D])\p{Cf}/u;

function expectShowable(messages: readonly { message: string }[]): void {
  for (const { message } of messages) {
    expect(message, message.slice(0, 80)).not.toMatch(HIDDEN);
    expect(message.length, message.slice(0, 80)).toBeLessThan(400);
  }
}

/** A lone surrogate in a JSON body is a `\udxxx` escape (paired ones are written as they are). */
function expectWellFormed(body: unknown): void {
  expect(JSON.stringify(body)).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
}

let count = 0;
const uniqueName = () => `fuzz-${(count += 1)}`;

/** The service a form with only a name and an image makes: what "nothing sent" leaves. */
let plain: Service;
beforeAll(async () => {
  plain = await createService(GRID, createBody({ ...emptyServiceForm(), name: 'fuzz-plain', image: 'nginx' }));
});

function check(field: FuzzField, form: ServiceForm, ctx: FormContext) {
  const result = validateServiceForm(form, ctx);
  expectShowable(result.errors);
  expectShowable(result.warnings);
  return result;
}

describe.each(FUZZ_FIELDS.map((field): [string, FuzzField] => [field.path, field]))('new service, input %s', (_, field) => {
  it.each(HOSTILE_CASES)('%s: refused at the input, or stored as the master keeps it', async (_id, hostile) => {
    const form: ServiceForm = { ...emptyServiceForm(), name: uniqueName(), image: 'nginx' };
    field.set(form, hostile.value);
    const { errors } = check(field, form, { mode: 'create', secretNames: SECRETS });
    if (errors.length > 0) {
      expect(errors.map((error) => error.path)).toEqual(errors.map(() => field.path));
      return;
    }
    const body = createBody(form);
    expectWellFormed(body);
    const created = await createService(GRID, body);
    const expected = field.expect(hostile.value, { mode: 'create', before: null });
    if (field.read === null) return;
    const stored = field.read(await getService(ref(created.name)));
    expect(stored).toEqual(expected === 'unsent' ? field.read(plain) : expected.held);
  });
});

describe.each(FUZZ_FIELDS.filter((field) => field.modes.includes('update')).map((field): [string, FuzzField] => [field.path, field]))(
  'update, input %s',
  (_, field) => {
    let name = '';
    beforeAll(async () => {
      name = uniqueName();
      await createService(GRID, createBody({ ...emptyServiceForm(), name, image: 'nginx', user: 'someone', logDriver: 'syslog' }));
    });

    it.each(HOSTILE_CASES)('%s: refused at the input, or stored as the master keeps it', async (_id, hostile) => {
      const before = await getService(ref(name));
      const form = formFromService(before);
      field.set(form, hostile.value);
      const { errors } = check(field, form, { mode: 'update', original: before, secretNames: SECRETS });
      if (errors.length > 0) {
        expect(errors.map((error) => error.path)).toEqual(errors.map(() => field.path));
        return;
      }
      const body = updateBody(before, form);
      expectWellFormed(body);
      const after = await updateService(ref(name), body);
      const expected = field.expect(hostile.value, { mode: 'update', before });
      if (field.read === null) return;
      expect(field.read(after)).toEqual(expected === 'unsent' ? field.read(before) : expected.held);
    });
  },
);
