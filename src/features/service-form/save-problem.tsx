import type { UseFormReturn } from 'react-hook-form';
import { isApiError } from '../../api/errors';
import { Banner } from '../../components/banner';
import { withDefaultStackNames } from '../../lib/default-stack-names';
import type { FormPath } from './form-controls';
import { mapFieldErrors } from './map-field-errors';
import type { FormContext } from './option-groups';
import type { ServiceForm } from './service-form-model';
import { describePath } from './validate-form';
import styles from './service-form.module.css';

export interface SaveProblem {
  title: string;
  lines: string[];
}

/**
 * A failed save, told where it belongs: a 422's messages go onto their inputs (the first
 * one focused) and are listed in the banner too; anything else is one message. Nothing
 * the user typed is touched.
 */
export function reportSaveError(error: unknown, form: UseFormReturn<ServiceForm, FormContext>, ownStack: string): SaveProblem {
  if (isApiError(error) && error.kind === 'validation' && error.fieldErrors !== null) {
    const mapped = mapFieldErrors(error.fieldErrors, form.getValues(), { ownStack });
    // The master names a default-stack service `null/name`; the form, like the list, `name`.
    const fields = mapped.fields.map((field) => ({ ...field, message: withDefaultStackNames(field.message) }));
    fields.forEach((field, index) => {
      form.setError(field.path as FormPath, { type: 'server', message: field.message }, { shouldFocus: index === 0 });
    });
    return {
      title: 'The master refused the service: fix the fields it names and save again.',
      lines: [...fields.map((field) => `${describePath(field.path)}: ${field.message}`), ...mapped.general.map(withDefaultStackNames)],
    };
  }
  if (isApiError(error)) {
    const what = error.kind === 'network' ? 'The master cannot be reached, so nothing was saved.' : 'Nothing was saved.';
    return { title: `${what} Everything you typed is still here: try again.`, lines: [withDefaultStackNames(error.message)] };
  }
  return {
    title: 'Nothing was saved. Everything you typed is still here: try again.',
    lines: [error instanceof Error ? error.message : String(error)],
  };
}

export function SaveProblemBanner({ problem }: { problem: SaveProblem }) {
  return (
    <Banner tone="danger" role="alert" title={problem.title}>
      <ul className={styles.bulkErrors}>
        {problem.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </Banner>
  );
}
