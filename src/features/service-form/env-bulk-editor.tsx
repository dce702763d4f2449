import { useId, useMemo, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { Button } from '../../components/button';
import { envKey, envValue, parseEnvLines } from '../../lib/options/env';
import type { KeyValueRow, ServiceForm } from './service-form-model';
import styles from './service-form.module.css';

/** Rows after merging pasted entries in: a name already in the list gets the new value, others are appended. */
function mergeEnvRows(rows: readonly KeyValueRow[], entries: readonly string[]): KeyValueRow[] {
  const merged = rows.map((row) => ({ ...row }));
  for (const entry of entries) {
    const key = envKey(entry);
    const value = envValue(entry) ?? '';
    const existing = merged.find((row) => row.key === key);
    if (existing === undefined) merged.push({ key, value });
    else existing.value = value;
  }
  return merged;
}

/** "Paste KEY=VALUE lines": an .env file or `env` output into the Env rows. */
export function EnvBulkEditor() {
  const { getValues, setValue } = useFormContext<ServiceForm>();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const id = useId();
  const parsed = useMemo(() => parseEnvLines(text), [text]);

  const apply = (mode: 'add' | 'replace') => {
    const current = getValues('env').filter((row) => row.key !== '' || row.value !== '');
    const rows = mode === 'add' ? mergeEnvRows(current, parsed.entries) : mergeEnvRows([], parsed.entries);
    setValue('env', rows, { shouldDirty: true, shouldValidate: true, shouldTouch: true });
    setText('');
    setOpen(false);
  };

  return (
    <>
      <Button size="sm" variant="ghost" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}>
        Paste KEY=VALUE lines
      </Button>
      {open && (
        <div id={`${id}-panel`} className={styles.bulk}>
          <label htmlFor={`${id}-text`} className={styles.label}>
            KEY=VALUE lines
          </label>
          <textarea
            id={`${id}-text`}
            className={styles.textarea}
            rows={6}
            spellCheck={false}
            value={text}
            placeholder={'# an .env file, or the output of env\nNODE_ENV=production\nexport PORT=8080'}
            aria-describedby={`${id}-summary`}
            onChange={(event) => setText(event.target.value)}
          />
          <div id={`${id}-summary`} className={styles.hint} aria-live="polite">
            {parsed.entries.length === 1 ? '1 variable' : `${parsed.entries.length} variables`}. Blank lines and # comments are skipped, a
            leading export is dropped, values are kept as written.
            {parsed.errors.length > 0 && (
              <ul className={styles.bulkErrors}>
                {parsed.errors.map((error) => (
                  <li key={error.line} className={styles.error}>
                    Line {error.line}: {error.message}
                  </li>
                ))}
              </ul>
            )}
            {parsed.warnings.length > 0 && (
              <ul className={styles.bulkErrors}>
                {parsed.warnings.map((warning) => (
                  <li key={`${warning.line}-${warning.message}`} className={styles.warning}>
                    Line {warning.line}: {warning.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className={styles.rowActions}>
            <Button size="sm" variant="primary" disabled={parsed.entries.length === 0} onClick={() => apply('add')}>
              Add to the list
            </Button>
            <Button size="sm" disabled={parsed.entries.length === 0} onClick={() => apply('replace')}>
              Replace the list
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
