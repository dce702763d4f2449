/**
 * The inputs of the service form: each with a visible label named like the CLI option,
 * the option itself, a hint (defaults), and the error or warning for it, wired to
 * react-hook-form and announced through aria-describedby.
 */
import type { ReactNode } from 'react';
import { get, useFormContext, useFormState, type FieldError, type FieldPath } from 'react-hook-form';
import { cx } from '../../components/class-names';
import { isTouched, useFieldWarning } from './field-issues';
import type { ServiceForm } from './service-form-model';
import styles from './service-form.module.css';

export type FormPath = FieldPath<ServiceForm>;

/** The DOM id of an input path (`ports.1.value` → `sf-ports-1-value`); the save summary links to it. */
export function fieldId(path: string): string {
  return `sf-${path.replace(/\./g, '-')}`;
}

/**
 * The error react-hook-form holds for a path, once the user has left the input or tried
 * to save (an untouched form shows none), and always the master's own refusal of it.
 */
export function useFieldError(path: string): string | undefined {
  const head = path.split('.')[0] as FormPath;
  const { errors, touchedFields, isSubmitted } = useFormState<ServiceForm>({ name: head });
  const error = get(errors, path) as FieldError | undefined;
  if (typeof error?.message !== 'string') return undefined;
  return error.type === 'server' || isSubmitted || isTouched(touchedFields, path) ? error.message : undefined;
}

export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return list.length === 0 ? undefined : list.join(' ');
}

/** The error (blocks saving) or else the warning (does not) under an input. */
export function FieldMessage({ id, error, warning }: { id: string; error?: string; warning?: string }) {
  if (error !== undefined) {
    return (
      <p id={`${id}-msg`} className={styles.error}>
        <span aria-hidden="true" className={styles.errorMark}>
          ✕
        </span>{' '}
        <span className="visually-hidden">Error:</span> {error}
      </p>
    );
  }
  if (warning !== undefined) {
    return (
      <p id={`${id}-msg`} className={styles.warning}>
        <span aria-hidden="true" className={styles.warningMark}>
          !
        </span>{' '}
        <span className="visually-hidden">Warning:</span> {warning}
      </p>
    );
  }
  return null;
}

interface ShellProps {
  id: string;
  label: ReactNode;
  /** The CLI option, shown beside the label; null for options only the API has. */
  flag?: string | null;
  hint?: ReactNode;
  error?: string;
  warning?: string;
  className?: string;
  children: ReactNode;
}

function FieldShell({ id, label, flag, hint, error, warning, className, children }: ShellProps) {
  return (
    <div className={cx(styles.field, className)}>
      <div className={styles.labelRow}>
        <label htmlFor={id} className={styles.label}>
          {label}
        </label>
        <OptionFlag flag={flag} />
      </div>
      {children}
      {hint !== undefined && (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      )}
      <FieldMessage id={id} error={error} warning={warning} />
    </div>
  );
}

export function OptionFlag({ flag }: { flag?: string | null }) {
  if (flag === undefined) return null;
  return flag === null ? <span className={styles.apiOnly}>API only</span> : <code className={styles.flag}>{flag}</code>;
}

interface TextFieldProps {
  name: FormPath;
  label: string;
  flag?: string | null;
  hint?: ReactNode;
  placeholder?: string;
  /** Inputs whose validation depends on this one. */
  deps?: FormPath[];
  list?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
  mono?: boolean;
  wide?: boolean;
}

export function TextField({ name, label, flag, hint, placeholder, deps, list, inputMode, mono, wide }: TextFieldProps) {
  const { register } = useFormContext<ServiceForm>();
  const error = useFieldError(name);
  const warning = useFieldWarning(name);
  const id = fieldId(name);
  return (
    <FieldShell
      id={id}
      label={label}
      flag={flag}
      hint={hint}
      error={error}
      warning={warning}
      className={wide === true ? styles.wide : undefined}
    >
      <input
        id={id}
        className={cx(styles.input, mono === true && styles.mono)}
        type="text"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        list={list}
        inputMode={inputMode}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, (error ?? warning) !== undefined && `${id}-msg`)}
        {...register(name, { deps })}
      />
    </FieldShell>
  );
}

interface SelectFieldProps {
  name: FormPath;
  label: string;
  flag?: string | null;
  hint?: ReactNode;
  options: readonly { value: string; label: string }[];
  deps?: FormPath[];
}

export function SelectField({ name, label, flag, hint, options, deps }: SelectFieldProps) {
  const { register } = useFormContext<ServiceForm>();
  const error = useFieldError(name);
  const id = fieldId(name);
  return (
    <FieldShell id={id} label={label} flag={flag} hint={hint} error={error}>
      <select
        id={id}
        className={styles.select}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error !== undefined && `${id}-msg`)}
        {...register(name, { deps })}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

interface CheckboxFieldProps {
  name: FormPath;
  label: string;
  flag?: string | null;
  hint?: ReactNode;
  deps?: FormPath[];
}

export function CheckboxField({ name, label, flag, hint, deps }: CheckboxFieldProps) {
  const { register } = useFormContext<ServiceForm>();
  const error = useFieldError(name);
  const id = fieldId(name);
  return (
    <div className={styles.field}>
      <div className={styles.checkRow}>
        <input
          id={id}
          type="checkbox"
          className={styles.checkbox}
          aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error !== undefined && `${id}-msg`)}
          {...register(name, { deps })}
        />
        <label htmlFor={id} className={styles.label}>
          {label}
        </label>
        <OptionFlag flag={flag} />
      </div>
      {hint !== undefined && (
        <p id={`${id}-hint`} className={cx(styles.hint, styles.checkHint)}>
          {hint}
        </p>
      )}
      <FieldMessage id={id} error={error} />
    </div>
  );
}

/** What an update cannot change: shown, not editable, with the reason. */
export function ReadOnlyField({
  id,
  label,
  flag,
  value,
  reason,
}: {
  id: string;
  label: string;
  flag?: string | null;
  value: string;
  reason: string;
}) {
  return (
    <FieldShell id={id} label={label} flag={flag} hint={reason}>
      <input id={id} className={cx(styles.input, styles.readOnly)} type="text" readOnly value={value} aria-describedby={`${id}-hint`} />
    </FieldShell>
  );
}

interface RowInputProps {
  name: FormPath;
  /** The accessible name, e.g. "Port 2". */
  label: string;
  placeholder?: string;
  list?: string;
  mono?: boolean;
  className?: string;
}

/** An input inside a repeatable row: its label is the column header, its name says the row. */
export function RowInput({ name, label, placeholder, list, mono = true, className }: RowInputProps) {
  const { register } = useFormContext<ServiceForm>();
  const error = useFieldError(name);
  const warning = useFieldWarning(name);
  const id = fieldId(name);
  return (
    <div className={cx(styles.rowCell, className)}>
      <input
        id={id}
        className={cx(styles.input, mono && styles.mono)}
        type="text"
        autoComplete="off"
        spellCheck={false}
        aria-label={label}
        placeholder={placeholder}
        list={list}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describedBy((error ?? warning) !== undefined && `${id}-msg`)}
        {...register(name)}
      />
      <FieldMessage id={id} error={error} warning={warning} />
    </div>
  );
}

interface RowSelectProps {
  name: FormPath;
  label: string;
  options: readonly { value: string; label: string; group?: string }[];
  className?: string;
}

export function RowSelect({ name, label, options, className }: RowSelectProps) {
  const { register } = useFormContext<ServiceForm>();
  const error = useFieldError(name);
  const id = fieldId(name);
  const groups = [...new Set(options.map((o) => o.group))];
  const render = (list: typeof options) =>
    list.map((option) => (
      <option key={option.value} value={option.value}>
        {option.label}
      </option>
    ));
  return (
    <div className={cx(styles.rowCell, className)}>
      <select
        id={id}
        className={styles.select}
        aria-label={label}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describedBy(error !== undefined && `${id}-msg`)}
        {...register(name)}
      >
        {groups.map((group) =>
          group === undefined ? (
            render(options.filter((o) => o.group === undefined))
          ) : (
            <optgroup key={group} label={group}>
              {render(options.filter((o) => o.group === group))}
            </optgroup>
          ),
        )}
      </select>
      <FieldMessage id={id} error={error} />
    </div>
  );
}
