import type { ReactNode } from 'react';
import { useFieldArray, useFormContext, type FieldArray } from 'react-hook-form';
import { Button } from '../../components/button';
import { cx } from '../../components/class-names';
import { describedBy, fieldId, FieldMessage, OptionFlag, useFieldError } from './form-controls';
import { useFieldWarning } from './field-issues';
import type { RowField } from './option-groups';
import type { ServiceForm } from './service-form-model';
import styles from './service-form.module.css';

interface RowListProps<F extends RowField> {
  name: F;
  label: string;
  flag?: string | null;
  hint?: ReactNode;
  /** One word for a row, for the buttons: "port" → "Add port", "Remove port 2". */
  noun: string;
  newRow: () => FieldArray<ServiceForm, F>;
  /** Visible column headers (each row's inputs carry the same names for screen readers). */
  columns?: string[];
  /** A class of service-form.module.css that sets the row's grid columns. */
  layout?: string;
  renderRow: (index: number) => ReactNode;
  /** Under the list, e.g. the bulk env editor. */
  footer?: ReactNode;
}

/** A repeatable option (-p, -e, -l, …): one row per value, with add and remove. */
export function RowList<F extends RowField>({
  name,
  label,
  flag,
  hint,
  noun,
  newRow,
  columns,
  layout,
  renderRow,
  footer,
}: RowListProps<F>) {
  const { control } = useFormContext<ServiceForm>();
  const { fields, append, remove } = useFieldArray({ control, name });
  const rootPath = `${name}.root`;
  const rootError = useFieldError(rootPath);
  const rootWarning = useFieldWarning(rootPath);
  const addId = fieldId(rootPath);
  const legendId = `${fieldId(name)}-legend`;

  return (
    <fieldset
      className={styles.rows}
      aria-describedby={describedBy(hint !== undefined && `${addId}-hint`, (rootError ?? rootWarning) !== undefined && `${addId}-msg`)}
    >
      <legend id={legendId} className={styles.legend}>
        <span className={styles.label}>{label}</span> <OptionFlag flag={flag} />
      </legend>
      {hint !== undefined && (
        <p id={`${addId}-hint`} className={styles.hint}>
          {hint}
        </p>
      )}
      {fields.length === 0 ? (
        <p className={styles.none}>None</p>
      ) : (
        <div className={cx(styles.rowTable, layout ?? styles.colsOne)}>
          {columns !== undefined && (
            <div className={styles.rowHeader} aria-hidden="true">
              {columns.map((column) => (
                <span key={column}>{column}</span>
              ))}
            </div>
          )}
          <ol className={styles.rowList} aria-labelledby={legendId}>
            {fields.map((field, index) => (
              <li key={field.id} className={styles.row}>
                {renderRow(index)}
                <Button
                  variant="ghost"
                  size="sm"
                  className={styles.remove}
                  aria-label={`Remove ${noun} ${index + 1}`}
                  onClick={() => {
                    remove(index);
                    document.getElementById(addId)?.focus();
                  }}
                >
                  <span aria-hidden="true">✕</span>
                </Button>
              </li>
            ))}
          </ol>
        </div>
      )}
      <FieldMessage id={addId} error={rootError} warning={rootWarning} />
      <div className={styles.rowActions}>
        <Button size="sm" id={addId} onClick={() => append(newRow(), { shouldFocus: true })}>
          <span aria-hidden="true">+</span> Add {noun}
        </Button>
        {footer}
      </div>
    </fieldset>
  );
}
