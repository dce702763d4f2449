import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { fieldErrorText, formErrorText } from '../../components/api-field-error';
import { Button } from '../../components/button';
import { Panel } from '../../components/panel';
import { nodeLabelsMutation } from '../../api/node-mutations';
import { labelsText, parseLabelsInput } from './node-labels-input';
import styles from './node-page.module.css';
import listStyles from './nodes.module.css';

interface LabelsEditorProps {
  grid: string;
  node: string;
  labels: readonly string[];
  onDone: (note: string) => void;
  onCancel: () => void;
}

/** The labels as text, one a line; checked before sending, the master's refusal shown at the field. */
function LabelsEditor({ grid, node, labels, onDone, onCancel }: LabelsEditorProps) {
  const [text, setText] = useState(() => labelsText(labels));
  const [problem, setProblem] = useState<string | null>(null);
  // The note goes with this call (mutate's own callback): the factory's onSuccess puts the answer in the cache.
  const save = useMutation(nodeLabelsMutation(grid, node));
  const fieldId = useId();
  const messageId = `${fieldId}-message`;
  const error = problem ?? fieldErrorText(save.error, 'labels');
  const formError = formErrorText(save.error, ['labels']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseLabelsInput(text);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem(null);
    save.mutate(parsed.labels, {
      onSuccess: (answer) => onDone(answer.labels.length === 0 ? `Cleared the labels of ${node}.` : `Saved the labels of ${node}.`),
    });
  };

  return (
    <form className={styles.labelsForm} onSubmit={submit} noValidate aria-label={`Labels of ${node}`}>
      <label htmlFor={fieldId} className={styles.fieldLabel}>
        Labels
      </label>
      <textarea
        id={fieldId}
        className={styles.textarea}
        rows={Math.min(8, Math.max(3, labels.length + 1))}
        spellCheck={false}
        autoComplete="off"
        value={text}
        aria-invalid={error !== null || undefined}
        aria-describedby={messageId}
        onChange={(e) => {
          setText(e.target.value);
          setProblem(null);
          if (save.isError) save.reset();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      />
      <p id={messageId} className={error !== null ? styles.error : styles.hint}>
        {error ??
          'One key=value a line (e.g. region=eu-west-1, az=a). The list replaces every label; the scheduler reads them at the next deploy.'}
      </p>
      <div className={styles.formButtons}>
        <Button type="submit" size="sm" variant="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save labels'}
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      {formError !== null && (
        <p role="alert" className={styles.error}>
          {formError}
        </p>
      )}
    </form>
  );
}

/** The node's labels (`kontena node label ls`), and editing them (`label add/remove`, as one list). */
export function NodeLabelsPanel({ grid, node, labels }: { grid: string; node: string; labels: readonly string[] }) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const headingId = useId();
  return (
    <Panel
      id={headingId}
      title="Labels"
      tools={
        !editing && (
          <Button
            size="sm"
            onClick={() => {
              setNote(null);
              setEditing(true);
            }}
          >
            Edit labels
          </Button>
        )
      }
    >
      <div className={styles.panelBody}>
        {editing ? (
          <LabelsEditor
            grid={grid}
            node={node}
            labels={labels}
            onCancel={() => setEditing(false)}
            onDone={(text) => {
              setEditing(false);
              setNote(text);
            }}
          />
        ) : labels.length === 0 ? (
          <p className={listStyles.muted}>No labels.</p>
        ) : (
          <ul className={listStyles.labels} aria-label={`Labels of ${node}`}>
            {labels.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        )}
        <p role="status" className={note === null ? undefined : styles.savedNote}>
          {note}
        </p>
      </div>
    </Panel>
  );
}
