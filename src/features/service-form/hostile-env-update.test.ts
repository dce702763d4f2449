// An env value of blanks on update (found by the fuzz pass, #15 item 7): the master strips
// each entry, so `FUZZ=   ` arrives as `FUZZ=`, which keeps FUZZ's stored value
// (docs/kontena-api.md §3.1, §4.4). The form says so at the value and counts no change.
import { describe, expect, it } from 'vitest';
import { formFromService } from './form-from-service';
import { updateChanges } from './form-to-body';
import { storedService } from '../../../test/features/service-form/test-fixtures';
import { validateServiceForm } from './validate-form';

describe('an update that sets a stored variable to blanks', () => {
  const original = storedService({ env: ['FUZZ=kept'] });
  const form = { ...formFromService(original), env: [{ key: 'FUZZ', value: '  \t ' }] };

  it('warns at the value that the variable keeps its value', () => {
    const { errors, warnings } = validateServiceForm(form, { mode: 'update', original });
    expect(errors).toEqual([]);
    expect(warnings).toContainEqual({
      path: 'env.0.value',
      message: 'An update cannot empty a variable: FUZZ keeps its current value. Remove the row to remove FUZZ.',
    });
  });

  it('is no change to send', () => {
    expect(updateChanges(original, form).map((change) => change.key)).not.toContain('env');
  });
});
