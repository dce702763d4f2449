import { useId, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../components/button';
import { DraftOfferBanner } from '../../components/draft-offer';
import { ModalDialog } from '../../components/modal-dialog';
import dialogStyles from '../../components/modal-dialog.module.css';
import { useFormDraft } from '../../components/use-form-draft';
import { parseScaleInput } from '../../lib/scale-input';
import { describeActionError } from './lifecycle';
import styles from './services.module.css';

interface ScaleDialogProps {
  /** `name` or `stack/name`. */
  name: string;
  current: number;
  strategy: string;
  /** Sends the scale; a rejection is shown in the dialog, which stays open for another try. */
  onScale: (instances: number) => Promise<unknown>;
  onClose: () => void;
  returnFocusTo?: () => HTMLElement | null;
}

/**
 * `kontena service scale NAME COUNT`: a whole number, 0 or more; anything else is
 * refused here with the reason, and nothing is sent.
 */
export function ScaleDialog({ name, current, strategy, onScale, onClose, returnFocusTo }: ScaleDialogProps) {
  const [text, setText] = useState(String(current));
  const [invalid, setInvalid] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();
  const hintId = useId();
  // A count typed and not sent survives a sign-out or a reload: offered when this dialog opens again.
  const initial = useMemo(() => ({ instances: String(current) }), [current]);
  const kept = useFormDraft({ form: `scale:${name}`, initial, values: { instances: text }, revision: String(current) });
  // Cancel, Esc: the user let go of what they typed.
  const cancel = () => {
    kept.discard();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const parsed = parseScaleInput(text);
    if (!parsed.ok) {
      setInvalid(parsed.error);
      inputRef.current?.focus();
      return;
    }
    setInvalid(null);
    setFailure(null);
    setBusy(true);
    onScale(parsed.instances).then(
      () => {
        kept.drop();
        onClose();
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(describeActionError(error, name));
      },
    );
  };

  return (
    <ModalDialog title={`Scale ${name}`} onClose={() => !busy && cancel()} initialFocusRef={inputRef} returnFocusTo={returnFocusTo}>
      <form onSubmit={submit} noValidate>
        {kept.offer !== null && (
          <DraftOfferBanner
            placement="dialog"
            offer={kept.offer}
            formName={`Scale ${name}`}
            onRestore={() => {
              setText(kept.restore({ instances: text }).instances);
              inputRef.current?.focus();
            }}
            onDiscard={kept.discard}
            changedText={`It was ${kept.offer.revision ?? '?'} instances then and is ${current} now: check the count before scaling.`}
          />
        )}
        <div className={styles.field}>
          <label htmlFor={inputId} className={styles.label}>
            Instances
          </label>
          <input
            ref={inputRef}
            id={inputId}
            className={styles.input}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (invalid !== null) setInvalid(null);
            }}
            aria-invalid={invalid !== null}
            aria-describedby={invalid !== null ? `${errorId} ${hintId}` : hintId}
            disabled={busy}
          />
          {invalid !== null && (
            <p id={errorId} className={styles.fieldError}>
              {invalid}
            </p>
          )}
          <p id={hintId} className={styles.hint}>
            Now {current}
            {strategy === 'daemon' ? ' per node (daemon strategy: this many on every node)' : ''}. 0 stops every instance but keeps the
            service.
          </p>
        </div>
        {failure !== null && (
          <div role="alert" className={dialogStyles.error}>
            {failure}
          </div>
        )}
        <div className={dialogStyles.footer}>
          <Button onClick={cancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={busy} aria-busy={busy}>
            {busy ? 'Scaling…' : 'Scale'}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
