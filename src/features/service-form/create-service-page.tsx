import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { serviceCreateMutation, serviceDeployMutation } from '../../api/service-mutations';
import type { SavedService } from '../../api/service-mutations';
import { NULL_STACK, refOfService, serviceDisplayName } from '../../api/service-ref';
import { Banner } from '../../components/banner';
import { Button } from '../../components/button';
import { DeployProgressPanel } from '../../components/deploy-progress-panel';
import { DraftOfferBanner } from '../../components/draft-offer';
import { formatServicePath, formatServicesPath } from '../../lib/format-path';
import type { CliTarget } from './form-cli-command';
import { useLoadFormOptions } from './form-options';
import { serviceFormResolver } from './form-resolver';
import { createBody } from './form-to-body';
import type { FormContext } from './option-groups';
import { reportSaveError, SaveProblemBanner, type SaveProblem } from './save-problem';
import { emptyServiceForm, type ServiceForm } from './service-form-model';
import { ServiceFormView } from './service-form-view';
import { UnsavedChangesGuard } from './unsaved-changes-guard';
import { useServiceFormDraft } from './use-service-form-draft';
import styles from './service-form.module.css';

type Created = SavedService;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function CreatedPanel({ created, onCreateAnother }: { created: Created; onCreateAnother: () => void }) {
  const ref = refOfService(created.service);
  const name = serviceDisplayName(ref);
  const path = formatServicePath(ref);
  const [deploy, setDeploy] = useState<{ id: string; sentAt: number } | null>(
    created.deploy === null ? null : { id: created.deploy.id, sentAt: created.sentAt },
  );
  const deployNow = useMutation({ ...serviceDeployMutation(ref), onSuccess: (record) => setDeploy({ id: record.id, sentAt: Date.now() }) });
  const deployError = deployNow.error ?? created.deployError;

  return (
    <div className={styles.done}>
      <Banner
        tone="info"
        role="status"
        title={`Service ${name} created in grid ${ref.grid}.`}
        actions={
          deploy === null ? (
            <Button variant="primary" disabled={deployNow.isPending} onClick={() => deployNow.mutate({ force: false })}>
              {deployNow.isPending ? 'Deploying…' : 'Deploy now'}
            </Button>
          ) : undefined
        }
      >
        {deploy !== null ? (
          <p>The deploy has started: follow it below.</p>
        ) : deployError !== null && deployError !== undefined ? (
          <p>The deploy could not be started ({errorText(deployError)}). The service is saved; deploy it when the problem is solved.</p>
        ) : (
          <p>It is not deployed yet: nothing runs until it is deployed.</p>
        )}
      </Banner>
      {deploy !== null && <DeployProgressPanel serviceRef={ref} deployId={deploy.id} title="Deploy" sentAt={deploy.sentAt} />}
      <p className={styles.saveRow}>
        <Link to={path}>Open {name}</Link>
        <span aria-hidden="true">·</span>
        <Link to={`${path}/settings`}>Edit its settings</Link>
        <span aria-hidden="true">·</span>
        <Link to={formatServicesPath(ref.grid)}>All services</Link>
        <span aria-hidden="true">·</span>
        <Button size="sm" onClick={onCreateAnother}>
          Create another service
        </Button>
      </p>
    </div>
  );
}

function CreateForm({ grid, onCreated }: { grid: string; onCreated: (created: Created) => void }) {
  const options = useLoadFormOptions('create', grid, null);
  const ctx = useMemo<FormContext>(() => ({ mode: 'create', secretNames: options.secretNames ?? undefined }), [options.secretNames]);
  const cliTarget = useMemo<CliTarget>(() => ({ mode: 'create', grid }), [grid]);
  // Checked once an input is left, then on every change: nothing is wrong before the user did anything.
  const form = useForm<ServiceForm, FormContext>({
    defaultValues: emptyServiceForm(),
    resolver: serviceFormResolver,
    context: ctx,
    mode: 'onTouched',
  });
  // What was typed survives a sign-out, a reload or a crash until the service is created.
  const [empty] = useState(emptyServiceForm);
  const draft = useServiceFormDraft(form, { form: 'create-service', initial: empty });
  const [deployNow, setDeployNow] = useState(true);
  const [problem, setProblem] = useState<SaveProblem | null>(null);

  // Creates the service (and deploys it, when asked: followed like any deploy).
  const create = useMutation({
    ...serviceCreateMutation(grid),
    onSuccess: (created) => {
      draft.drop();
      onCreated(created);
    },
    onError: (error) => setProblem(reportSaveError(error, form, NULL_STACK)),
  });

  return (
    <>
      <ServiceFormView
        form={form}
        ctx={ctx}
        options={options}
        cliTarget={cliTarget}
        label="New service"
        submitLabel={create.isPending ? 'Creating…' : 'Create service'}
        submitting={create.isPending}
        onValid={(values) => {
          setProblem(null);
          create.mutate({ body: createBody(values), deploy: deployNow });
        }}
        banner={
          problem !== null || draft.offer !== null ? (
            <>
              {draft.offer !== null && (
                <DraftOfferBanner offer={draft.offer} formName="New service" onRestore={draft.restore} onDiscard={draft.discard} />
              )}
              {problem !== null && <SaveProblemBanner problem={problem} />}
            </>
          ) : undefined
        }
        saveExtras={
          <div className={styles.deployChoice}>
            <div className={styles.checkRow}>
              <input
                id="sf-deploy-now"
                type="checkbox"
                className={styles.checkbox}
                checked={deployNow}
                onChange={(event) => setDeployNow(event.target.checked)}
                aria-describedby="sf-deploy-now-hint"
              />
              <label htmlFor="sf-deploy-now" className={styles.label}>
                Deploy now
              </label>
            </div>
            <p id="sf-deploy-now-hint" className={`${styles.hint} ${styles.checkHint}`}>
              Creating a service does not start it; this deploys it right after (kontena service deploy).
            </p>
          </div>
        }
      />
      <UnsavedChangesGuard when={form.formState.isDirty && !create.isPending} />
    </>
  );
}

/** /grids/:grid/services/new: every option of `kontena service create`, and what the API takes beyond it. */
export function CreateServicePage() {
  const { grid = '' } = useParams();
  const [created, setCreated] = useState<Created | null>(null);
  const [attempt, setAttempt] = useState(0);
  return (
    <div className={styles.page}>
      <title>{`New service · ${grid} · Kontena`}</title>
      <header className={styles.header}>
        <h1>New service</h1>
        <p className={styles.subtitle}>
          Grid <strong>{grid}</strong> · default stack
        </p>
      </header>
      {created !== null ? (
        <CreatedPanel
          created={created}
          onCreateAnother={() => {
            setCreated(null);
            setAttempt((n) => n + 1);
          }}
        />
      ) : (
        <CreateForm key={attempt} grid={grid} onCreated={setCreated} />
      )}
    </div>
  );
}
