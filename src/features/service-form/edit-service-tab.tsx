import { useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { serviceQuery } from '../../api/queries';
import type { Service } from '../../api/schemas/service';
import { serviceDisplayName, serviceId } from '../../api/service-ref';
import { serviceDeployMutation, serviceUpdateMutation } from '../../api/service-mutations';
import { Banner } from '../../components/banner';
import { Button } from '../../components/button';
import { DraftOfferBanner } from '../../components/draft-offer';
import { SkeletonRows } from '../../components/skeleton';
import { useServiceRef } from '../../components/use-service-ref';
import { describeChanges, type FieldChange } from './describe-changes';
import { cliCommand, type CliTarget } from './form-cli-command';
import { formFromService } from './form-from-service';
import { useLoadFormOptions } from './form-options';
import { serviceFormResolver } from './form-resolver';
import { updateBody } from './form-to-body';
import type { FormContext } from './option-groups';
import { redeployNote, ReviewChanges } from './review-changes';
import { reportSaveError, SaveProblemBanner, type SaveProblem } from './save-problem';
import type { ServiceForm } from './service-form-model';
import { ServiceFormView } from './service-form-view';
import { UnsavedChangesGuard } from './unsaved-changes-guard';
import { useServiceFormDraft } from './use-service-form-draft';
import styles from './service-form.module.css';

interface Saved {
  service: Service;
  changes: FieldChange[];
  /** A deploy started with the save (one started from the banner is its mutation's); its panel is the service page's. */
  deployStarted: boolean;
  deployError: unknown;
}

function SavedBanner({ saved }: { saved: Saved }) {
  const ref = { grid: saved.service.grid.id, stack: saved.service.stack.name, name: saved.service.name };
  const deployNow = useMutation(serviceDeployMutation(ref));
  const deployStarted = saved.deployStarted || deployNow.isSuccess;
  const deployError = deployNow.error ?? saved.deployError;
  const fields = saved.changes.map((c) => c.label).join(', ');
  return (
    <>
      <Banner
        tone="info"
        role="status"
        title={`Saved ${serviceDisplayName(saved.service)}: revision ${saved.service.revision}.`}
        actions={
          !deployStarted ? (
            <Button variant="primary" disabled={deployNow.isPending} onClick={() => deployNow.mutate({ force: false })}>
              {deployNow.isPending ? 'Deploying…' : 'Deploy now'}
            </Button>
          ) : undefined
        }
      >
        <p>Changed: {fields}.</p>
        {deployStarted ? (
          <p>The deploy has started: its progress shows above the tabs.</p>
        ) : deployError !== null && deployError !== undefined ? (
          <p>The deploy could not be started ({deployError instanceof Error ? deployError.message : String(deployError)}).</p>
        ) : (
          <p>{redeployNote(saved.service.state)}</p>
        )}
      </Banner>
    </>
  );
}

function EditForm({ initial }: { initial: Service }) {
  const ref = useServiceRef();
  const latest = useQuery(serviceQuery(ref)).data ?? initial;
  // The form compares with the service as it was when the form was filled, not with
  // whatever a later poll brings: an update sends only what the user changed.
  const [baseline, setBaseline] = useState(initial);
  const options = useLoadFormOptions('update', ref.grid, baseline);
  const ctx = useMemo<FormContext>(
    () => ({ mode: 'update', original: baseline, secretNames: options.secretNames ?? undefined }),
    [baseline, options.secretNames],
  );
  const cliTarget = useMemo<CliTarget>(() => ({ mode: 'update', grid: ref.grid, original: baseline }), [ref.grid, baseline]);
  const form = useForm<ServiceForm, FormContext>({
    defaultValues: formFromService(initial),
    resolver: serviceFormResolver,
    context: ctx,
    mode: 'onTouched',
  });
  const [step, setStep] = useState<'edit' | 'review'>('edit');
  const [reviewed, setReviewed] = useState<{ values: ServiceForm; changes: FieldChange[] } | null>(null);
  const [notice, setNotice] = useState<'no-changes' | null>(null);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [deployNow, setDeployNow] = useState(false);
  // Kept against the revision it was typed on: restored over a newer one, it says so.
  const shown = useMemo(() => formFromService(baseline), [baseline]);
  const draft = useServiceFormDraft(form, { form: 'edit-service', initial: shown, revision: String(baseline.revision) });

  // Saves the changes under review (and deploys, when asked: followed like any deploy).
  const save = useMutation({
    ...serviceUpdateMutation(ref),
    onSuccess: (result) => {
      draft.drop();
      setBaseline(result.service);
      form.reset(formFromService(result.service));
      const { deploy, deployError } = result;
      setSaved({
        service: result.service,
        changes: reviewed?.changes ?? [],
        deployStarted: deploy !== null,
        deployError,
      });
      setDeployNow(false);
      setStep('edit');
    },
    onError: (error) => {
      // Show the form first, so that the first field the master names can take focus.
      flushSync(() => setStep('edit'));
      setProblem(reportSaveError(error, form, baseline.stack.name));
    },
  });

  const drifted = latest.revision !== baseline.revision && latest.updated_at !== baseline.updated_at;
  const banner = (
    <>
      {draft.offer !== null && (
        <DraftOfferBanner
          offer={draft.offer}
          formName={`Settings of ${serviceDisplayName(baseline)}`}
          onRestore={draft.restore}
          onDiscard={draft.discard}
          changedText={`The service has changed on the master since (revision ${draft.offer.revision ?? '?'} → ${baseline.revision}): review before saving.`}
        />
      )}
      {saved !== null && <SavedBanner key={saved.service.revision} saved={saved} />}
      {problem !== null && <SaveProblemBanner problem={problem} />}
      {notice === 'no-changes' && <Banner tone="info" role="status" title="Nothing to save: no field would change on the master." />}
      {drifted && (
        <Banner
          tone="warn"
          title={`The service changed on the master since this form was filled (revision ${baseline.revision} → ${latest.revision}).`}
          actions={
            <Button
              onClick={() => {
                setBaseline(latest);
                form.reset(formFromService(latest));
                setProblem(null);
              }}
            >
              {form.formState.isDirty ? 'Discard my changes and load it' : 'Load the new values'}
            </Button>
          }
        >
          <p>Saving sends only the fields you changed here; the others keep what the master has now.</p>
        </Banner>
      )}
    </>
  );

  return (
    <>
      {step === 'review' && reviewed !== null && (
        <ReviewChanges
          service={baseline}
          state={latest.state}
          changes={reviewed.changes}
          command={cliCommand(reviewed.values, cliTarget)}
          deployNow={deployNow}
          onDeployNowChange={setDeployNow}
          saving={save.isPending}
          onSave={() => {
            setProblem(null);
            save.mutate({ body: updateBody(baseline, reviewed.values), deploy: deployNow });
          }}
          onBack={() => setStep('edit')}
        />
      )}
      <ServiceFormView
        form={form}
        ctx={ctx}
        options={options}
        cliTarget={cliTarget}
        label={`Settings of ${serviceDisplayName(baseline)}`}
        submitLabel="Review changes"
        submitting={save.isPending}
        hidden={step === 'review'}
        banner={banner}
        onValid={(values) => {
          const changes = describeChanges(baseline, values);
          setSaved(null);
          if (changes.length === 0) {
            setNotice('no-changes');
            return;
          }
          setNotice(null);
          setReviewed({ values, changes });
          setStep('review');
        }}
      />
      <UnsavedChangesGuard when={form.formState.isDirty && !save.isPending} />
    </>
  );
}

/** The service page's Settings tab: `kontena service update`, every option, with a diff before saving. */
export function EditServiceTab() {
  const ref = useServiceRef();
  const query = useQuery(serviceQuery(ref));
  if (query.data === undefined) {
    return (
      <div className={styles.page}>
        <title>{`Settings · ${serviceDisplayName(ref)} · Kontena`}</title>
        {query.isError ? (
          <p role="alert">The service’s settings could not be loaded: {query.error.message}</p>
        ) : (
          <>
            <p role="status" className="visually-hidden">
              Loading the service’s settings…
            </p>
            <SkeletonRows />
          </>
        )}
      </div>
    );
  }
  return (
    <div className={styles.page}>
      <title>{`Settings · ${serviceDisplayName(ref)} · Kontena`}</title>
      <EditForm key={serviceId(ref)} initial={query.data} />
    </div>
  );
}
