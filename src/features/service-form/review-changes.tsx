import { useEffect, useRef } from 'react';
import type { Service } from '../../api/schemas/service';
import { serviceDisplayName } from '../../api/service-ref';
import { Button } from '../../components/button';
import type { CommandLine } from '../../lib/cli-command';
import { CliLine } from './cli-line';
import type { FieldChange } from './describe-changes';
import { OptionFlag } from './form-controls';
import styles from './service-form.module.css';

/** What happens after an update, by the service's state (docs/kontena-api.md §4.4: the 20 s scheduler). */
export function redeployNote(state: Service['state']): string {
  switch (state) {
    case 'initialized':
      return 'This service has never been deployed: the change applies at its first deploy.';
    case 'stopped':
      return 'This service is stopped: the change applies when it is deployed (which starts it) or started.';
    default:
      return 'The master redeploys a running service by itself about 20 s after an update. Deploy now to roll the change out at once instead.';
  }
}

function Values({ items, className }: { items: string[]; className: string | undefined }) {
  if (items.length === 0) return <span className={className}>not set</span>;
  return <span className={className}>{items.join(', ')}</span>;
}

function ChangeValue({ change }: { change: FieldChange }) {
  if (change.kind === 'scalar') {
    return (
      <span>
        <Values items={change.before} className={styles.before} /> <span className={styles.arrow}>→</span>{' '}
        <Values items={change.after} className={styles.after} />
      </span>
    );
  }
  const unchangedSet = change.removed.length === 0 && change.added.length === 0;
  return (
    <>
      {change.removed.map((item, i) => (
        <span key={`-${i}-${item}`} className={styles.before}>
          <span className="visually-hidden">removed: </span>− {item}
        </span>
      ))}
      {change.added.map((item, i) => (
        <span key={`+${i}-${item}`} className={styles.after}>
          <span className="visually-hidden">added: </span>+ {item}
        </span>
      ))}
      {unchangedSet && <span>new order: {change.after.join(', ')}</span>}
      {change.after.length === 0 && <span className={styles.changeNote}>The list will be empty.</span>}
    </>
  );
}

interface ReviewChangesProps {
  service: Service;
  /** The service's state now (the form's service may be older). */
  state: Service['state'];
  changes: FieldChange[];
  command: CommandLine;
  deployNow: boolean;
  onDeployNowChange: (value: boolean) => void;
  saving: boolean;
  onSave: () => void;
  onBack: () => void;
}

/** The field-by-field diff of an update, shown before it is sent. */
export function ReviewChanges({
  service,
  state,
  changes,
  command,
  deployNow,
  onDeployNowChange,
  saving,
  onSave,
  onBack,
}: ReviewChangesProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const name = serviceDisplayName(service);
  return (
    <section className={styles.review} aria-labelledby="sf-review-title">
      <h2 id="sf-review-title" ref={headingRef} tabIndex={-1} className={styles.sectionTitle}>
        Review the changes to {name}
      </h2>
      <p>
        {changes.length === 1 ? '1 field changes' : `${changes.length} fields change`}. Only these are sent; everything else stays as it is.
      </p>
      <dl className={styles.changes} aria-label="Changes">
        {changes.map((change) => (
          <div key={change.key} className={styles.change}>
            <dt>
              {change.label} <OptionFlag flag={change.flag} />
            </dt>
            <dd>
              <ChangeValue change={change} />
              {change.notes.map((note) => (
                <span key={note} className={styles.changeNote}>
                  {note}
                </span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <CliLine command={command} leftOut={0} />
      <div className={styles.deployChoice}>
        <div className={styles.checkRow}>
          <input
            id="sf-deploy-after-save"
            type="checkbox"
            className={styles.checkbox}
            checked={deployNow}
            onChange={(event) => onDeployNowChange(event.target.checked)}
            aria-describedby="sf-deploy-after-save-hint"
          />
          <label htmlFor="sf-deploy-after-save" className={styles.label}>
            Deploy now
          </label>
        </div>
        <p id="sf-deploy-after-save-hint" className={`${styles.hint} ${styles.checkHint}`}>
          {redeployNote(state)}
        </p>
      </div>
      <div className={styles.saveRow}>
        <Button variant="primary" disabled={saving} onClick={onSave}>
          {saving ? 'Saving…' : 'Save changes'}
        </Button>
        <Button disabled={saving} onClick={onBack}>
          Back to editing
        </Button>
      </div>
    </section>
  );
}
