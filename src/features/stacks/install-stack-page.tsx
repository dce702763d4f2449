/**
 * /grids/:grid/install-stack[?upgrade=NAME] — `kontena stack install` and `kontena stack
 * upgrade` from a pasted or uploaded kontena.yml: the file checked as it is typed (every
 * problem naming its line), the stack name, the variables as a form, what the stack creates
 * (or, for an upgrade, how its services change), the CLI line, and then the exact body the
 * stack-file library built. Deploying is offered afterwards, as the CLI's next step.
 */
import { useId, useMemo, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Stack } from '../../api/schemas/stack';
import { stackInstallMutation, stackUpgradeMutation } from '../../api/stack-mutations';
import { stackQuery } from '../../api/stack-queries';
import { Button } from '../../components/button';
import { DraftOfferBanner } from '../../components/draft-offer';
import { LoadError } from '../../components/load-error';
import { PanelLoading } from '../../components/panel';
import { TextField } from '../../components/text-field';
import { useFormDraft } from '../../components/use-form-draft';
import { formatStackPath, formatStacksPath } from '../../lib/format-grid-paths';
import { buildStackInstallBody, buildStackUpgradeBody } from '../../lib/stack-file/build-stack-body';
import { parseStackFile } from '../../lib/stack-file/parse-stack-file';
import { stackInstallCommandLine, stackUpgradeCommandLine } from '../../lib/stack-file/stack-command-line';
import { describeVariables } from '../../lib/stack-file/variable-values';
import { InstallCli } from './install/install-cli';
import { InstalledPanel } from './install/installed-panel';
import { placeMasterErrors } from './install/master-errors';
import { diffStackServices } from './install/service-preview';
import { InstallPreview, UpgradeDiff } from './install/services-preview';
import { StackFileField } from './install/stack-file-field';
import { useDebouncedValue } from './install/use-debounced-value';
import { VariablesForm } from './install/variables-form';
import styles from './install/install.module.css';

/** The master's stack name rule (docs/kontena-api-grid.md G3.1). */
const STACK_NAME = /^(?!-)(\w|-)+$/;
const PARSE_DELAY_MS = 250;

interface InstallDraft {
  source: string;
  fileName: string;
  /** The name as typed; ignored until `nameEdited` (the file's name is shown until then). */
  name: string;
  nameEdited: boolean;
  answers: Record<string, string | boolean>;
}

const EMPTY: InstallDraft = { source: '', fileName: '', name: '', nameEdited: false, answers: {} };

function nameError(name: string): string | null {
  if (name === '') return 'Give the stack a name.';
  return STACK_NAME.test(name) ? null : 'Use letters, digits, _ and - only, not starting with -.';
}

export function InstallStackPage() {
  const params = useParams();
  const grid = params.grid ?? '';
  const [search] = useSearchParams();
  const upgrade = search.get('upgrade');
  const installed = useQuery({ ...stackQuery(grid, upgrade ?? ''), enabled: upgrade !== null });
  const title = upgrade === null ? 'Install a stack' : `Upgrade ${upgrade}`;

  return (
    <div className={styles.page}>
      <title>{`${title} · Stacks · ${grid} · Kontena`}</title>
      <nav aria-label="Breadcrumb" className={styles.crumbs}>
        <Link to={formatStacksPath(grid)}>Stacks</Link>
        {upgrade !== null && (
          <>
            <span aria-hidden="true"> / </span>
            <Link to={formatStackPath(grid, upgrade)}>{upgrade}</Link>
          </>
        )}
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{upgrade === null ? 'Install' : 'Upgrade'}</span>
      </nav>
      <h1>{title}</h1>
      {upgrade === null ? (
        <InstallForm key="install" grid={grid} installed={null} />
      ) : installed.data !== undefined ? (
        <InstallForm key={`upgrade:${upgrade}`} grid={grid} installed={installed.data} />
      ) : installed.isError ? (
        <LoadError
          what="the stack"
          error={installed.error}
          retrying={installed.isFetching}
          onRetry={() => void installed.refetch()}
          notFound={{
            title: `There is no stack “${upgrade}” in grid “${grid}” to upgrade`,
            text: <Link to={formatStacksPath(grid)}>See the grid’s stacks</Link>,
          }}
        />
      ) : (
        <PanelLoading label="Loading the stack…" rows={6} />
      )}
    </div>
  );
}

/** The form itself; `installed` is the stack an upgrade replaces, null for an install. */
function InstallForm({ grid, installed }: { grid: string; installed: Stack | null }) {
  const upgrading = installed !== null;
  const [form, setForm] = useState<InstallDraft>(EMPTY);
  const [readError, setReadError] = useState<string | null>(null);
  const [done, setDone] = useState<Stack | null>(null);
  const draft = useFormDraft({ form: upgrading ? `upgrade-stack:${installed.name}` : 'install-stack', initial: EMPTY, values: form });
  const save = useMutation(upgrading ? stackUpgradeMutation(grid, installed.name) : stackInstallMutation(grid));
  const ids = { variables: useId(), preview: useId(), send: useId() };

  const source = useDebouncedValue(form.source, PARSE_DELAY_MS);
  const settling = source !== form.source;
  const parsed = useMemo(() => parseStackFile(source), [source]);
  const file = parsed.ok ? parsed.value : null;
  const stackName = upgrading ? installed.name : form.nameEdited ? form.name.trim() : (file?.name ?? '');
  const previousValues = installed?.variables ?? undefined;
  const context = { stackName, grid, previousValues };
  const fields = file === null ? [] : describeVariables(file, form.answers, context);
  const built = useMemo(() => {
    if (file === null) return null;
    // Built on every change of the answers: what Install sends is this very body, so random
    // values (random_string …) shown in the preview are the ones sent.
    return upgrading
      ? buildStackUpgradeBody(file, form.answers, { grid, name: installed.name, previousValues: installed.variables })
      : buildStackInstallBody(file, form.answers, { grid, name: stackName });
  }, [file, form.answers, grid, upgrading, installed, stackName]);

  const problems = parsed.ok ? (built !== null && !built.ok ? built.problems : []) : parsed.problems;
  const warnings = built?.ok === true ? built.warnings : (file?.warnings ?? []);
  const variableErrors = built !== null && !built.ok ? built.variables : {};
  const placed = placeMasterErrors(save.error);
  const localNameError = upgrading || file === null ? null : nameError(stackName);
  const command =
    file === null
      ? null
      : upgrading
        ? stackUpgradeCommandLine(file, installed.name, form.answers, { fileName: form.fileName || undefined })
        : stackInstallCommandLine(file, stackName, form.answers, { fileName: form.fileName || undefined });

  const blockers: string[] = [];
  if (form.source.trim() === '') blockers.push('Paste or open a stack file.');
  else if (settling) blockers.push('Reading the file…');
  else if (problems.length > 0)
    blockers.push(`The stack file has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} (see under the file).`);
  if (localNameError !== null && form.source.trim() !== '' && !settling && parsed.ok) blockers.push(`Stack name: ${localNameError}`);
  const variableErrorCount = Object.keys(variableErrors).length;
  if (variableErrorCount > 0)
    blockers.push(`${variableErrorCount === 1 ? 'A variable needs' : `${variableErrorCount} variables need`} an answer or a fix.`);
  const body = built?.ok === true && blockers.length === 0 ? built.body : null;

  const setSource = (text: string, fileName: string | null) =>
    setForm((f) => ({ ...f, source: text, fileName: fileName ?? (text === '' ? '' : f.fileName) }));

  if (done !== null) return <InstalledPanel grid={grid} stack={done} upgraded={upgrading} />;

  return (
    <form
      className={styles.form}
      aria-label={upgrading ? `Upgrade stack ${installed.name}` : 'Install a stack'}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (body === null) return;
        save.mutate(body, {
          onSuccess: (stack) => {
            draft.drop();
            setDone(stack);
          },
        });
      }}
    >
      {draft.offer !== null && (
        <DraftOfferBanner
          offer={draft.offer}
          formName={upgrading ? `Upgrade ${installed.name}` : 'Install a stack'}
          onRestore={() => setForm(draft.restore(form))}
          onDiscard={draft.discard}
        />
      )}
      <section className={styles.panel} aria-label="Stack file">
        <div className={styles.panelBody}>
          <StackFileField
            source={form.source}
            fileName={form.fileName === '' ? null : form.fileName}
            onSourceChange={setSource}
            // An untouched, empty field is not an error: the Install button's list says what is missing.
            problems={settling || form.source.trim() === '' ? [] : problems}
            warnings={settling ? [] : warnings}
            readError={readError}
            onReadError={setReadError}
          />
          {upgrading && installed.source !== null && installed.source !== '' && form.source === '' && (
            <Button size="sm" onClick={() => setSource(installed.source ?? '', null)}>
              Start from the installed file (revision {installed.revision ?? '?'})
            </Button>
          )}
          {upgrading ? (
            <p className={styles.fixedName}>
              Stack name: <strong className={styles.mono}>{installed.name}</strong>{' '}
              <span className={styles.muted}>(an upgrade keeps the name)</span>
            </p>
          ) : (
            <TextField
              label="Stack name"
              className={styles.nameField}
              value={stackName}
              onChange={(e) => {
                save.reset();
                setForm((f) => ({ ...f, name: e.target.value, nameEdited: true }));
              }}
              error={placed.name ?? (form.nameEdited || file !== null ? localNameError : null)}
              hint={file === null ? 'Taken from the file’s stack: line.' : `The file says ${file.stack}.`}
            />
          )}
        </div>
      </section>

      {file !== null && (
        <section className={styles.panel} aria-labelledby={ids.variables}>
          <div className={styles.panelHead}>
            <h2 id={ids.variables} className={styles.panelTitle}>
              Variables
            </h2>
            {upgrading && <span className={styles.muted}>defaults are the installed stack’s values</span>}
          </div>
          <div className={styles.panelBody}>
            <VariablesForm
              fields={fields}
              answers={form.answers}
              errors={variableErrors}
              onAnswer={(name, value) => setForm((f) => ({ ...f, answers: { ...f.answers, [name]: value } }))}
            />
          </div>
        </section>
      )}

      <section className={styles.panel} aria-labelledby={ids.preview}>
        <div className={styles.panelHead}>
          <h2 id={ids.preview} className={styles.panelTitle}>
            {upgrading ? 'What the upgrade changes' : 'What the install creates'}
          </h2>
        </div>
        <div className={styles.panelBody}>
          {built?.ok === true ? (
            upgrading ? (
              <UpgradeDiff diffs={diffStackServices(installed.services, built.body.services)} errors={placed.services} />
            ) : (
              <InstallPreview services={built.body.services} errors={placed.services} />
            )
          ) : (
            <p className={styles.muted}>Shown once the file and the variables are valid.</p>
          )}
          {built?.ok === true && built.body.volumes.length > 0 && (
            <p className={styles.muted}>
              Volumes:{' '}
              {built.body.volumes.map((v) => (v.name === v.external ? v.name : `${v.name} (grid volume ${v.external})`)).join(', ')}
            </p>
          )}
        </div>
      </section>

      <InstallCli command={command} />

      {placed.rest.length > 0 && (
        <div role="alert" className={styles.errorPanel}>
          <p>
            <strong>The master refused the {upgrading ? 'upgrade' : 'install'}:</strong>
          </p>
          <ul>
            {placed.rest.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className={styles.muted}>What you typed is kept.</p>
        </div>
      )}
      {Object.keys(placed.services).length > 0 && (
        <p role="alert" className={styles.error}>
          The master refused some services: see their messages in the preview above.
        </p>
      )}

      <div className={styles.sendRow}>
        <Button type="submit" variant="primary" disabled={body === null || save.isPending} aria-describedby={ids.send}>
          {save.isPending ? (upgrading ? 'Upgrading…' : 'Installing…') : upgrading ? 'Upgrade' : 'Install'}
        </Button>
        <div id={ids.send}>
          {blockers.length > 0 ? (
            <ul className={styles.blockers} aria-label={`What blocks the ${upgrading ? 'upgrade' : 'install'}`}>
              {blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          ) : (
            <p className={styles.muted}>
              {upgrading
                ? 'Saves a new revision of the stack; deploying it is offered next.'
                : 'Creates the stack and its services; deploying it is offered next.'}
            </p>
          )}
        </div>
      </div>
    </form>
  );
}
