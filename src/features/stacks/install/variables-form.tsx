import { useId } from 'react';
import { cx } from '../../../components/class-names';
import type { VariableField, VariableInput } from '../../../lib/stack-file/variable-values';
import styles from './install.module.css';

const OTHER = '\u0000other';

interface VariableControlProps {
  field: VariableField;
  value: string | boolean | undefined;
  error: string | undefined;
  onChange: (value: string | boolean) => void;
}

function hintOf(field: VariableField): string | null {
  const parts = [
    field.description,
    field.default !== null && !field.secret ? `Default: ${String(field.default)}` : null,
    field.generatedWhenEmpty !== null ? `Empty: ${field.generatedWhenEmpty}` : null,
  ].filter((p): p is string => p !== null && p !== '');
  return parts.length === 0 ? null : parts.join(' · ');
}

/** One variable as the control its type asks for; its message under it. */
function VariableControl({ field, value, error, onChange }: VariableControlProps) {
  const id = useId();
  const messageId = `${id}-message`;
  const hint = hintOf(field);
  const message = error ?? hint;
  const shown = value ?? (field.default === null ? '' : field.default);
  const common = {
    id,
    'aria-invalid': error !== undefined || undefined,
    'aria-describedby': message !== null ? messageId : undefined,
    'aria-required': field.required || undefined,
  };
  const label = (
    <label htmlFor={id} className={styles.label}>
      {field.label}
      {field.required && <span className={styles.required}> (required)</span>}
      {field.label !== field.name && <span className={styles.varName}> {field.name}</span>}
    </label>
  );
  let control;
  if (field.type === 'boolean') {
    control = (
      <div className={styles.checkRow}>
        <input {...common} type="checkbox" checked={shown === true || shown === 'true'} onChange={(e) => onChange(e.target.checked)} />
        {label}
      </div>
    );
  } else if (field.options !== null) {
    const text = String(shown);
    const listed = field.options.some((o) => o.value === text);
    const other = field.canBeOther && !listed && text !== '';
    control = (
      <>
        {label}
        <select
          {...common}
          className={cx(styles.input, error !== undefined && styles.invalid)}
          value={other ? OTHER : text}
          onChange={(e) => onChange(e.target.value === OTHER ? ' ' : e.target.value)}
        >
          {!listed && !other && <option value="">Choose…</option>}
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label === o.value ? o.label : `${o.label} (${o.value})`}
            </option>
          ))}
          {field.canBeOther && <option value={OTHER}>Other…</option>}
        </select>
        {other && (
          <input
            className={cx(styles.input, error !== undefined && styles.invalid)}
            aria-label={`${field.label}: other value`}
            value={text.trim() === '' ? '' : text}
            onChange={(e) => onChange(e.target.value === '' ? ' ' : e.target.value)}
          />
        )}
      </>
    );
  } else {
    control = (
      <>
        {label}
        <input
          {...common}
          className={cx(styles.input, error !== undefined && styles.invalid)}
          type={field.secret ? 'password' : field.type === 'integer' ? 'number' : field.type === 'uri' ? 'url' : 'text'}
          inputMode={field.type === 'integer' ? 'numeric' : undefined}
          autoComplete={field.secret ? 'new-password' : 'off'}
          spellCheck={false}
          value={String(shown)}
          onChange={(e) => onChange(e.target.value)}
        />
      </>
    );
  }
  return (
    <div className={styles.variable}>
      {control}
      {message !== null && (
        <p id={messageId} className={error !== undefined ? styles.error : styles.hint}>
          {error !== undefined && <span aria-hidden="true">! </span>}
          {message}
        </p>
      )}
    </div>
  );
}

interface VariablesFormProps {
  fields: readonly VariableField[];
  answers: VariableInput;
  errors: Readonly<Record<string, string>>;
  onAnswer: (name: string, value: string | boolean) => void;
}

/** The file's `variables:` as a form: what `kontena stack install` would prompt for. */
export function VariablesForm({ fields, answers, errors, onAnswer }: VariablesFormProps) {
  if (fields.length === 0) return <p className={styles.muted}>The file asks for no variables.</p>;
  return (
    <div className={styles.variables}>
      {fields.map((field) => (
        <VariableControl
          key={field.name}
          field={field}
          value={answers[field.name]}
          error={errors[field.name]}
          onChange={(value) => onAnswer(field.name, value)}
        />
      ))}
    </div>
  );
}
