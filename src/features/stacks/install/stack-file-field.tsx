import { useId } from 'react';
import type { StackFileProblem } from '../../../lib/stack-file/problems';
import styles from './install.module.css';

interface StackFileFieldProps {
  source: string;
  onSourceChange: (source: string, fileName: string | null) => void;
  fileName: string | null;
  /** The file's problems (parse, then build), each naming its line. */
  problems: readonly StackFileProblem[];
  /** What the CLI notes and goes on with. */
  warnings: readonly StackFileProblem[];
  /** Why a chosen file could not be read, if it could not. */
  readError: string | null;
  onReadError: (message: string | null) => void;
}

/** The one line of the text a problem is about, for the list under the field. */
function lineText(source: string, line: number): string {
  return source.split(/\r\n|[\r\n]/)[line - 1] ?? '';
}

/** The kontena.yml, pasted or read from a file, with its problems under it, line by line. */
export function StackFileField({ source, onSourceChange, fileName, problems, warnings, readError, onReadError }: StackFileFieldProps) {
  const id = useId();
  const problemsId = `${id}-problems`;
  const hintId = `${id}-hint`;
  const invalid = problems.length > 0 || readError !== null;

  const readFile = (file: File | undefined) => {
    if (file === undefined) return;
    file.text().then(
      (text) => {
        onReadError(null);
        onSourceChange(text, file.name);
      },
      () => onReadError(`${file.name} could not be read; paste its text instead.`),
    );
  };

  return (
    <div className={styles.fileField}>
      <div className={styles.fileHead}>
        <label htmlFor={id} className={styles.label}>
          Stack file (kontena.yml)
        </label>
        <label className={styles.filePicker}>
          <span>Open a file…</span>
          <input
            type="file"
            accept=".yml,.yaml,text/yaml,text/plain"
            className="visually-hidden"
            aria-label="Open a stack file"
            onChange={(event) => {
              readFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </label>
        {fileName !== null && <span className={styles.muted}>read from {fileName}</span>}
      </div>
      <textarea
        id={id}
        className={styles.source}
        value={source}
        rows={16}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${problemsId} ${hintId}` : hintId}
        placeholder={'stack: user/name\nversion: 1.0.0\nservices:\n  web:\n    image: nginx:1.11-alpine'}
        onChange={(event) => onSourceChange(event.target.value, null)}
      />
      <p id={hintId} className={styles.hint}>
        Paste the file or open it. Liquid templates, <code>build:</code>, <code>env_file:</code> and registry stacks need the CLI.
      </p>
      {readError !== null && (
        <p className={styles.error} role="alert">
          {readError}
        </p>
      )}
      <div id={problemsId} aria-live="polite">
        {problems.length > 0 && (
          <ul className={styles.problems} aria-label="Problems in the stack file">
            {problems.map((p, index) => (
              <li key={`${p.line}-${p.column ?? 0}-${index}`}>
                <span className={styles.error}>
                  <span aria-hidden="true">! </span>
                  {p.message}
                </span>
                {lineText(source, p.line).trim() !== '' && (
                  <code className={styles.problemLine} aria-hidden="true">
                    {p.line} | {lineText(source, p.line)}
                  </code>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      {warnings.length > 0 && (
        <ul className={styles.warnings} aria-label="Notes on the stack file">
          {warnings.map((w, index) => (
            <li key={`${w.line}-${index}`}>{w.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
