import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { cx } from './class-names';
import styles from './text-field.module.css';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: ReactNode;
  /** Shown under the field and announced with it; marks the field invalid. */
  error?: string | null;
  /** Help under the field (not shown while there is an error). */
  hint?: ReactNode;
  /** Options offered while typing (a datalist); any other value may still be typed. */
  suggestions?: readonly string[];
  className?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled one-line input with its hint or error tied to it for assistive tech. */
export function TextField({ label, error, hint, suggestions, className, ref, ...input }: TextFieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  const listId = `${id}-list`;
  const hasError = error !== undefined && error !== null && error !== '';
  const message = hasError ? error : hint;
  return (
    <div className={cx(styles.field, className)}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        className={cx(styles.input, hasError && styles.invalid)}
        aria-invalid={hasError || undefined}
        aria-describedby={message !== undefined && message !== null ? messageId : undefined}
        list={suggestions !== undefined ? listId : undefined}
        autoComplete="off"
        spellCheck={false}
        {...input}
      />
      {suggestions !== undefined && (
        <datalist id={listId}>
          {suggestions.map((option) => (
            <option key={option} value={option} />
          ))}
        </datalist>
      )}
      {message !== undefined && message !== null && (
        <p id={messageId} className={hasError ? styles.error : styles.hint}>
          {hasError && (
            <span className={styles.errorMark} aria-hidden="true">
              !{' '}
            </span>
          )}
          {message}
        </p>
      )}
    </div>
  );
}
