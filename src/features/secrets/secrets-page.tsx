import { useEffect, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { secretsQuery, servicesQuery } from '../../api/queries';
import type { Secret } from '../../api/schemas/secret';
import { secretCreateMutation, secretDeleteMutation, secretRevealMutation, secretUpdateMutation } from '../../api/secret-mutations';
import { serviceDisplayName } from '../../api/service-ref';
import { fieldErrorText, formErrorText } from '../../components/api-field-error';
import { Button } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DraftOfferBanner } from '../../components/draft-offer';
import { LoadError } from '../../components/load-error';
import { Panel, PanelBox, PanelLoading, PanelTable } from '../../components/panel';
import { TextField } from '../../components/text-field';
import { useCheckedForm } from '../../components/use-checked-form';
import { useFormDraft } from '../../components/use-form-draft';
import type { FormDraft } from '../../components/use-form-draft';
import { formatTableDateTime } from '../../lib/clock-format';
import { formatServicePath } from '../../lib/format-path';
import { secretUsage } from '../../lib/secret-usage';
import type { SecretUse } from '../../lib/secret-usage';
import { checkSecretCreate, checkSecretValue, NO_SECRET } from './secret-forms';
import type { SecretCreateValues, SecretValueValues } from './secret-forms';
import styles from './secrets-page.module.css';

/** The master's bare "is already taken" reads better with its field name. */
function withFieldName(field: string, message: string | null): string | null {
  if (message === null) return null;
  return /^[a-z]/.test(message) ? `${field} ${message}` : message;
}

function isVaultMissing(error: unknown): boolean {
  return isApiError(error) && error.status === 503;
}

function UsedBy({ grid, uses }: { grid: string; uses: readonly SecretUse[] | undefined }) {
  if (uses === undefined || uses.length === 0) return <span className={styles.muted}>no service</span>;
  return (
    <ul className={styles.uses}>
      {uses.map((use) => (
        <li key={`${use.serviceId}:${use.envName}`}>
          <Link to={formatServicePath({ grid, stack: use.stack, name: use.service })}>
            {serviceDisplayName({ grid, stack: use.stack, name: use.service })}
          </Link>
          <span className={styles.muted}> as </span>
          <code>{use.envName}</code>
        </li>
      ))}
    </ul>
  );
}

// A draft may hold a secret's value as typed: drafts live in sessionStorage only, which
// dies with the tab (lib/form-drafts.ts), and a draft goes as soon as the value is saved.
const NO_VALUE: SecretValueValues = { value: '' };

function CreateSecretForm({ grid, onCreated }: { grid: string; onCreated: (name: string) => void }) {
  const form = useCheckedForm<SecretCreateValues, SecretCreateValues>({ defaultValues: NO_SECRET, check: checkSecretCreate });
  const [name, value] = form.watch(['name', 'value']);
  const kept = useFormDraft({ form: 'secret-create', initial: NO_SECRET, values: { name, value } });
  const create = useMutation({
    ...secretCreateMutation(grid),
    onSuccess: (_answer, input) => {
      kept.drop();
      form.reset(NO_SECRET);
      onCreated(input.name);
    },
  });
  const submit = (event: FormEvent) => void form.handleSubmit((secret) => create.mutate(secret))(event);
  // Typing again clears what the last attempt reported.
  const edited = () => {
    form.clearErrors();
    if (create.isError) create.reset();
  };
  const { errors } = form.formState;
  const nameError = errors.name?.message ?? withFieldName('Name', fieldErrorText(create.error, 'name'));
  const valueError = errors.value?.message ?? withFieldName('Value', fieldErrorText(create.error, 'value'));
  const formError = formErrorText(create.error, ['name', 'value']);
  return (
    <>
      {kept.offer !== null && (
        <DraftOfferBanner
          placement="panel"
          offer={kept.offer}
          formName="New secret"
          onRestore={() => {
            const restored = kept.restore({ name, value });
            form.setValue('name', restored.name);
            form.setValue('value', restored.value);
            form.setFocus('name');
          }}
          onDiscard={kept.discard}
        />
      )}
      <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="create-secret-heading">
        <h2 id="create-secret-heading" className={styles.formTitle}>
          New secret
        </h2>
        <TextField
          className={styles.nameField}
          label="Name"
          placeholder="DB_PASSWORD"
          {...form.register('name', { onChange: edited })}
          error={nameError}
        />
        <div className={styles.valueField}>
          <label htmlFor="create-secret-value" className={styles.label}>
            Value
          </label>
          <textarea
            id="create-secret-value"
            className={styles.textarea}
            rows={2}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={valueError !== null || undefined}
            aria-describedby="create-secret-value-message"
            {...form.register('value', { onChange: edited })}
          />
          <p id="create-secret-value-message" className={valueError !== null ? styles.error : styles.hint}>
            {valueError ?? 'Kept in the master’s vault; shown again only when asked for.'}
          </p>
        </div>
        <div className={styles.submit}>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create secret'}
          </Button>
        </div>
        {formError !== null && (
          <p role="alert" className={styles.formError}>
            {formError}
          </p>
        )}
      </form>
    </>
  );
}

interface UpdateValueFormProps {
  grid: string;
  name: string;
  /** The row's draft of the new value; `initialValue` is what it restored, or ''. */
  kept: FormDraft<{ value: string }>;
  initialValue: string;
  onDone: () => void;
  onCancel: () => void;
}

function UpdateValueForm({ grid, name, kept, initialValue, onDone, onCancel }: UpdateValueFormProps) {
  const form = useCheckedForm<SecretValueValues, string>({ defaultValues: { value: initialValue }, check: checkSecretValue });
  const { setFocus } = form;
  useEffect(() => setFocus('value'), [setFocus]);
  const update = useMutation({
    ...secretUpdateMutation(grid, name),
    onSuccess: () => {
      kept.drop();
      onDone();
    },
  });
  const id = `update-${name}`;
  const error =
    form.formState.errors.value?.message ??
    (update.error
      ? isApiError(update.error) && update.error.kind === 'notFound'
        ? `${name} no longer exists`
        : formErrorText(update.error, [])
      : null);
  return (
    <form
      className={styles.inlineForm}
      noValidate
      aria-label={`New value for ${name}`}
      onSubmit={(event) => void form.handleSubmit((value) => update.mutate(value))(event)}
    >
      <label htmlFor={id} className="visually-hidden">
        New value for {name}
      </label>
      <textarea
        id={id}
        className={styles.textarea}
        rows={1}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error !== null || undefined}
        aria-describedby={`${id}-message`}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
        {...form.register('value', {
          onChange: (event: ChangeEvent<HTMLTextAreaElement>) => {
            kept.save({ value: event.target.value });
            form.clearErrors();
          },
        })}
      />
      <Button type="submit" size="sm" variant="primary" disabled={update.isPending}>
        {update.isPending ? 'Saving…' : 'Save value'}
      </Button>
      <Button size="sm" variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
      <p id={`${id}-message`} className={error !== null ? styles.error : styles.hint}>
        {error ?? 'Services using it get the new value at their next deploy; the master redeploys running ones about 20 s later.'}
      </p>
    </form>
  );
}

function SecretRow({
  grid,
  secret,
  uses,
  onNote,
  onDelete,
}: {
  grid: string;
  secret: Secret;
  uses: readonly SecretUse[] | undefined;
  onNote: (text: string) => void;
  onDelete: () => void;
}) {
  const [value, setValue] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  // A new value typed and not saved: offered back in this row, opening the form with it.
  const kept = useFormDraft({ form: `secret-value:${secret.name}`, initial: NO_VALUE });
  const [restored, setRestored] = useState('');
  const reveal = useMutation({ ...secretRevealMutation(grid, secret.name), onSuccess: (read) => setValue(read.value) });
  return (
    <tr>
      <th scope="row" className={styles.name}>
        {secret.name}
      </th>
      <td className={styles.value}>
        {editing ? (
          <UpdateValueForm
            grid={grid}
            name={secret.name}
            kept={kept}
            initialValue={restored}
            onCancel={() => {
              kept.discard();
              setEditing(false);
            }}
            onDone={() => {
              setEditing(false);
              setValue(null);
              onNote(
                `Updated ${secret.name}.${uses !== undefined && uses.length > 0 ? ' The master redeploys the running services that use it about 20 s later.' : ''}`,
              );
            }}
          />
        ) : kept.offer !== null ? (
          <DraftOfferBanner
            placement="cell"
            offer={kept.offer}
            formName={`New value for ${secret.name}`}
            onRestore={() => {
              setRestored(kept.restore(NO_VALUE).value);
              setEditing(true);
            }}
            onDiscard={kept.discard}
          />
        ) : value !== null ? (
          <span className={styles.revealed}>{value}</span>
        ) : (
          <>
            <span className={styles.masked} aria-hidden="true">
              ••••••••
            </span>
            <span className="visually-hidden">hidden</span>
          </>
        )}
        {reveal.isError && (
          <p role="alert" className={styles.error}>
            Could not read the value: {reveal.error.message}
          </p>
        )}
      </td>
      <td>
        <UsedBy grid={grid} uses={uses} />
      </td>
      <td className={styles.time}>
        <time dateTime={secret.updated_at} title={`created ${secret.created_at}`}>
          {formatTableDateTime(secret.updated_at)}
        </time>
      </td>
      <td className={styles.actions}>
        {!editing && (
          <>
            <Button
              size="sm"
              variant="ghost"
              aria-pressed={value !== null}
              aria-label={`${value !== null ? 'Hide' : 'Reveal'} the value of ${secret.name}`}
              disabled={reveal.isPending}
              onClick={() => (value !== null ? setValue(null) : reveal.mutate())}
            >
              {value !== null ? 'Hide' : reveal.isPending ? 'Reading…' : 'Reveal'}
            </Button>
            <Button
              size="sm"
              aria-label={`Update the value of ${secret.name}`}
              onClick={() => {
                setRestored('');
                setEditing(true);
              }}
            >
              Update
            </Button>
            <Button size="sm" aria-label={`Delete ${secret.name}`} onClick={onDelete}>
              Delete
            </Button>
          </>
        )}
      </td>
    </tr>
  );
}

/**
 * /grids/:grid/secrets — the grid's vault: which services use each secret, create,
 * update and delete. Values are never listed; one is read (GET /v1/secrets/G/NAME,
 * which the master writes to its audit log) only when the user asks to reveal it, and
 * it is kept in that row only, never in the query cache.
 */
export function SecretsPage() {
  const grid = useParams().grid ?? '';
  const secrets = useQuery(secretsQuery(grid));
  const services = useQuery(servicesQuery(grid));
  const [note, setNote] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const remove = useMutation({
    ...secretDeleteMutation(grid),
    onSuccess: (_answer, name) => {
      setDeleting(null);
      setNote(`Deleted ${name}.`);
    },
  });
  const usage = secretUsage(services.data ?? []);
  const deletingUses = deleting === null ? [] : (usage.get(deleting) ?? []);

  return (
    <div className={styles.page}>
      <title>{`Secrets · ${grid} · Kontena`}</title>
      <div className={styles.header}>
        <h1>Secrets</h1>
        <p className={styles.subtitle}>
          Vault secrets of grid <strong>{grid}</strong>, injected into services as environment variables.
        </p>
      </div>

      {secrets.data === undefined && secrets.isPending && <PanelLoading label="Loading the secrets…" rows={4} />}

      {secrets.data === undefined && secrets.isError && isVaultMissing(secrets.error) && (
        <PanelBox>
          <p className={styles.empty}>The master has no vault configured (no vault key and iv), so this grid can keep no secrets.</p>
        </PanelBox>
      )}

      {secrets.data === undefined && secrets.isError && !isVaultMissing(secrets.error) && (
        <LoadError
          what="the secrets"
          error={secrets.error}
          retrying={secrets.isFetching}
          onRetry={() => void secrets.refetch()}
          notFound={{ title: `There is no grid “${grid}”`, text: 'Pick another grid from the switcher.' }}
        />
      )}

      <div role="status" className={note === null ? undefined : styles.note}>
        {note}
      </div>

      {secrets.data !== undefined && (
        <Panel
          id="secrets-list-heading"
          title={secrets.data.length === 1 ? '1 secret' : `${secrets.data.length} secrets`}
          meta={services.isError ? 'Could not load the services: “used by” is unknown.' : undefined}
        >
          {secrets.data.length === 0 ? (
            <p className={styles.empty}>No secrets in this grid yet.</p>
          ) : (
            <PanelTable
              columns={['Name', 'Value', 'Used by', 'Updated']}
              actions
              labelledBy="secrets-list-heading"
              className={styles.cells}
            >
              {secrets.data.map((secret) => (
                <SecretRow
                  key={secret.name}
                  grid={grid}
                  secret={secret}
                  uses={services.data === undefined ? undefined : (usage.get(secret.name) ?? [])}
                  onNote={setNote}
                  onDelete={() => {
                    setNote(null);
                    remove.reset();
                    setDeleting(secret.name);
                  }}
                />
              ))}
            </PanelTable>
          )}
          <CreateSecretForm grid={grid} onCreated={(name) => setNote(`Created ${name}. Link it to a service from the service’s page.`)} />
        </Panel>
      )}

      {deleting !== null && (
        <ConfirmDialog
          title={`Delete secret ${deleting}?`}
          confirmLabel="Delete secret"
          busyLabel="Deleting…"
          busy={remove.isPending}
          error={remove.error ? remove.error.message : null}
          onConfirm={() => remove.mutate(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>The value is gone for good.</p>
          {deletingUses.length > 0 && (
            <p>
              Still linked to {deletingUses.map((u) => serviceDisplayName({ grid, stack: u.stack, name: u.service })).join(', ')}: unlink it
              there too, or their next deploy cannot inject it.
            </p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
