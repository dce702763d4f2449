/**
 * The form both pages share: the sections in the main column, and beside them the save
 * area, which re-checks the whole form on every change (what blocks saving, the live CLI
 * line) without re-rendering the inputs.
 */
import { useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { FormProvider, useFormState, useWatch, type UseFormReturn } from 'react-hook-form';
import { Button } from '../../components/button';
import { cx } from '../../components/class-names';
import { createIssueStore, IssueStoreContext, serverErrors, shownErrors } from './field-issues';
import { cliCommand, type CliTarget } from './form-cli-command';
import { fieldId } from './form-controls';
import { FormOptionsProvider, type FormOptions } from './form-options';
import { updateChanges } from './form-to-body';
import { OPTION_GROUPS, type BodyKey, type FieldIssue, type FormContext, type SectionId } from './option-groups';
import { DeploySection } from './sections/deploy-section';
import { EnvSection } from './sections/env-section';
import { SECTIONS, sectionElementId } from './sections/form-section';
import { GeneralSection } from './sections/general-section';
import { HealthCheckSection } from './sections/health-check-section';
import { HooksSection } from './sections/hooks-section';
import { LoggingSection } from './sections/logging-section';
import { NetworkingSection } from './sections/networking-section';
import { ResourcesSection } from './sections/resources-section';
import { SecuritySection } from './sections/security-section';
import { StorageSection } from './sections/storage-section';
import { CliLine } from './cli-line';
import type { ServiceForm } from './service-form-model';
import { bodyKeyOfPath, describePath, validateServiceForm } from './validate-form';
import styles from './service-form.module.css';

function sectionOfPath(path: string): SectionId | null {
  const key = bodyKeyOfPath(path);
  return key === null ? null : OPTION_GROUPS[key].section;
}

function focusPath(path: string): void {
  document.getElementById(fieldId(path))?.focus();
}

function SectionNav() {
  const store = useContext(IssueStoreContext);
  // Only sections with an error the form shows: an untouched form has no red chips.
  const read = () =>
    (store?.shown() ?? [])
      .map((e) => sectionOfPath(e.path))
      .filter((s): s is SectionId => s !== null)
      .sort()
      .join(' ');
  const withErrors = useSyncExternalStore(store?.subscribe ?? (() => () => undefined), read, read);
  return (
    <nav aria-label="Form sections" className={styles.sectionNav}>
      {SECTIONS.map((section) => {
        const hasError = withErrors.split(' ').includes(section.id);
        return (
          <a
            key={section.id}
            href={`#${sectionElementId(section.id)}`}
            className={cx(hasError && styles.hasError)}
            onClick={(event) => {
              event.preventDefault();
              const heading = document.getElementById(`${sectionElementId(section.id)}-title`);
              heading?.setAttribute('tabindex', '-1');
              heading?.scrollIntoView({ block: 'start' });
              heading?.focus({ preventScroll: true });
            }}
          >
            {section.title}
            {hasError && <span className="visually-hidden"> (has errors)</span>}
          </a>
        );
      })}
    </nav>
  );
}

interface SaveAreaProps {
  ctx: FormContext;
  cliTarget: CliTarget;
  submitLabel: string;
  submitting: boolean;
  extras?: ReactNode;
}

function IssueLinks({ issues }: { issues: readonly FieldIssue[] }) {
  return (
    <ul>
      {issues.slice(0, 12).map((issue) => (
        <li key={`${issue.path}:${issue.message}`}>
          <a
            href={`#${fieldId(issue.path)}`}
            onClick={(event) => {
              event.preventDefault();
              focusPath(issue.path);
            }}
          >
            {describePath(issue.path)}
          </a>
          {issue.message !== '' && `: ${issue.message}`}
        </li>
      ))}
      {issues.length > 12 && <li>…and {issues.length - 12} more</li>}
    </ul>
  );
}

function SaveArea({ ctx, cliTarget, submitLabel, submitting, extras }: SaveAreaProps) {
  const store = useContext(IssueStoreContext);
  const values = useWatch<ServiceForm>() as ServiceForm;
  const { touchedFields, isSubmitted, errors: heldErrors } = useFormState<ServiceForm>();
  const check = useMemo(() => validateServiceForm(values, ctx), [values, ctx]);
  const command = useMemo(() => {
    // Notes about a field that has errors would describe a value the user has not finished.
    const line = cliCommand(values, cliTarget);
    const broken = new Set(check.errors.map((error) => bodyKeyOfPath(error.path)));
    const aboutFine = (note: string) => !broken.has(note.split(':')[0] as BodyKey);
    return { ...line, notExpressible: line.notExpressible.filter(aboutFine), warnings: line.warnings.filter(aboutFine) };
  }, [values, cliTarget, check.errors]);
  const changeCount = useMemo(
    () => (ctx.mode === 'update' && check.errors.length === 0 ? updateChanges(ctx.original, values).length : null),
    [ctx, values, check.errors.length],
  );

  // What the form says now: the errors at inputs the user has left (all after a save
  // attempt), and the master's refusals from the last save, which its own check cannot know.
  const ownShown = shownErrors(check.errors, touchedFields, isSubmitted);
  const fromMaster = serverErrors(heldErrors).filter((error) => !ownShown.some((own) => own.path === error.path));
  const shown = [...ownShown, ...fromMaster];
  // The rest are not errors yet, only what is still to be filled in: named, without a message.
  const notYet = [...new Set(check.errors.filter((error) => !shown.some((s) => s.path === error.path)).map((error) => error.path))].map(
    (path) => ({ path, message: '' }),
  );
  const shownKey = shown.map((error) => `${error.path}\n${error.message}`).join('\n');

  useEffect(() => {
    store?.publish(check, shown);
    // `shown` is new on every render; its content is what matters (shownKey).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see the comment above
  }, [store, check, shownKey]);

  const errorCount = shown.length;
  return (
    <>
      <div id="sf-save-status" className={styles.blockers} aria-live="polite">
        {errorCount > 0 && (
          <>
            <p>
              <strong>{errorCount === 1 ? '1 problem blocks saving:' : `${errorCount} problems block saving:`}</strong>
            </p>
            <IssueLinks issues={shown} />
          </>
        )}
        {notYet.length > 0 && (
          <div className={styles.notYet}>
            <p>Still needed:</p>
            <IssueLinks issues={notYet} />
          </div>
        )}
        {errorCount === 0 &&
          notYet.length === 0 &&
          (changeCount === null ? (
            <p className={styles.ready}>Ready to create.</p>
          ) : changeCount === 0 ? (
            <p>No changes yet.</p>
          ) : (
            <p className={styles.ready}>{changeCount === 1 ? '1 field changed.' : `${changeCount} fields changed.`}</p>
          ))}
      </div>
      {extras}
      <div className={styles.saveRow}>
        <Button type="submit" variant="primary" disabled={submitting} aria-describedby="sf-save-status">
          {submitLabel}
        </Button>
      </div>
      <CliLine command={command} leftOut={check.errors.length} />
    </>
  );
}

interface ServiceFormViewProps {
  form: UseFormReturn<ServiceForm, FormContext>;
  ctx: FormContext;
  options: FormOptions;
  cliTarget: CliTarget;
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  submitting: boolean;
  onValid: (values: ServiceForm) => void;
  /** Above the sections: what the last save attempt said. */
  banner?: ReactNode;
  /** In the save area, above the button. */
  saveExtras?: ReactNode;
  /** Kept mounted (nothing typed is lost) but out of sight, e.g. while reviewing. */
  hidden?: boolean;
}

export function ServiceFormView({
  form,
  ctx,
  options,
  cliTarget,
  label,
  submitLabel,
  submitting,
  onValid,
  banner,
  saveExtras,
  hidden = false,
}: ServiceFormViewProps) {
  const [store] = useState(createIssueStore);
  return (
    <FormProvider {...form}>
      <FormOptionsProvider value={options}>
        <IssueStoreContext.Provider value={store}>
          <form
            noValidate
            aria-label={label}
            className={styles.layout}
            hidden={hidden}
            onSubmit={(event) => void form.handleSubmit(onValid)(event)}
          >
            <div className={styles.main}>
              {banner}
              <SectionNav />
              <GeneralSection />
              <NetworkingSection />
              <StorageSection />
              <EnvSection />
              <ResourcesSection />
              <SecuritySection />
              <LoggingSection />
              <DeploySection />
              <HealthCheckSection />
              <HooksSection />
            </div>
            <aside className={styles.aside} aria-label="Save">
              <SaveArea ctx={ctx} cliTarget={cliTarget} submitLabel={submitLabel} submitting={submitting} extras={saveExtras} />
            </aside>
          </form>
        </IssueStoreContext.Provider>
      </FormOptionsProvider>
    </FormProvider>
  );
}
