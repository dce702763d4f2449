import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { isApiError } from '../../api/errors';
import { secretsQuery } from '../../api/queries';
import type { Service } from '../../api/schemas/service';
import type { SecretLinkSpec } from '../../api/service-links';
import { secretLinkMutation, secretUnlinkMutation } from '../../api/service-mutations';
import type { ServiceRef } from '../../api/service-ref';
import { fieldErrorText, formErrorText } from '../../components/api-field-error';
import { Button } from '../../components/button';
import { DraftOfferBanner } from '../../components/draft-offer';
import { Panel, PanelTable } from '../../components/panel';
import { TextField } from '../../components/text-field';
import { useCheckedForm } from '../../components/use-checked-form';
import { useFormDraft } from '../../components/use-form-draft';
import { formatSecretsPath } from '../../lib/format-secrets-path';
import { ChangeFailed, ChangeNote } from './change-note';
import { checkSecretLink, NO_SECRET_LINK, typedSecretLink } from './secret-link-form';
import type { SecretLinkValues } from './secret-link-form';
import styles from './overview.module.css';

/** `kontena service secret link/unlink`: vault secret → environment variable. */
export function SecretsPanel({ serviceRef, service }: { serviceRef: ServiceRef; service: Service }) {
  const vault = useQuery(secretsQuery(serviceRef.grid));
  const vaultNames = vault.data?.map((s) => s.name);
  const form = useCheckedForm<SecretLinkValues, SecretLinkSpec, readonly string[]>({
    defaultValues: NO_SECRET_LINK,
    check: checkSecretLink,
    context: vaultNames,
  });
  const [secret, envName] = form.watch(['secret', 'name']);
  const [note, setNote] = useState<string | null>(null);
  // The link being typed survives a sign-out, a reload or a crash until it is made.
  const kept = useFormDraft({ form: 'secret-link', initial: NO_SECRET_LINK, values: { secret, name: envName } });

  const link = useMutation({
    ...secretLinkMutation(serviceRef),
    onSuccess: (_answer, spec: SecretLinkSpec) => {
      kept.drop();
      form.reset(NO_SECRET_LINK);
      setNote(`Linked secret ${spec.secret} as ${spec.name}.`);
    },
  });
  const unlink = useMutation({
    ...secretUnlinkMutation(serviceRef),
    onSuccess: (_answer, spec: SecretLinkSpec) => setNote(`Unlinked secret ${spec.secret} (${spec.name}).`),
  });
  // Typing again clears what the last attempt reported.
  const edited = () => {
    form.clearErrors();
    if (link.isError) link.reset();
  };

  const typedSecret = secret.trim();
  const typed = typedSecretLink({ secret, name: envName });

  const onLink = (event: FormEvent) => {
    setNote(null);
    unlink.reset();
    void form.handleSubmit((spec) => link.mutate(spec))(event);
  };

  const suggestions = vaultNames ?? [];
  const vaultProblem =
    vault.isError && isApiError(vault.error) && vault.error.status === 503
      ? 'The master has no vault configured, so it keeps no secrets.'
      : vault.isError
        ? 'Could not load the grid’s secrets; type the name.'
        : null;
  const { errors } = form.formState;
  const secretError = errors.secret?.message ?? fieldErrorText(link.error, 'secrets') ?? formErrorText(link.error, ['secrets', 'name']);
  const nameError = errors.name?.message ?? fieldErrorText(link.error, 'name');
  const parsedWarning = typed?.ok ? typed.warning : undefined;
  const unlinkError = fieldErrorText(unlink.error, 'secrets') ?? formErrorText(unlink.error, []);

  return (
    <Panel
      id="overview-secrets"
      title="Secrets"
      meta={service.secrets.length === 0 ? 'none' : `${service.secrets.length} linked`}
      tools={<Link to={formatSecretsPath(serviceRef.grid)}>The grid’s secrets</Link>}
    >
      {service.secrets.length === 0 ? (
        <p className={styles.empty}>No vault secrets are injected into this service.</p>
      ) : (
        <PanelTable columns={['Vault secret', 'Environment variable']} actions labelledBy="overview-secrets" className={styles.cells}>
          {service.secrets.map((s) => (
            <tr key={`${s.secret}:${s.name}`}>
              <th scope="row" className={styles.cellMono}>
                {s.secret}
              </th>
              <td className={styles.cellMono}>
                <span aria-hidden="true">→ </span>
                {s.name}
              </td>
              <td className={styles.cellActions}>
                <Button
                  size="sm"
                  aria-label={`Unlink secret ${s.secret} (${s.name})`}
                  disabled={unlink.isPending}
                  onClick={() => {
                    setNote(null);
                    link.reset();
                    unlink.mutate({ secret: s.secret, name: s.name });
                  }}
                >
                  Unlink
                </Button>
              </td>
            </tr>
          ))}
        </PanelTable>
      )}
      <ChangeFailed action="unlink" reason={unlinkError} />
      <ChangeNote text={note} state={service.state} />
      {kept.offer !== null && (
        <DraftOfferBanner
          placement="panel"
          offer={kept.offer}
          formName="Link a secret"
          onRestore={() => {
            const restored = kept.restore({ secret, name: envName });
            form.setValue('secret', restored.secret);
            form.setValue('name', restored.name);
            form.setFocus('secret');
          }}
          onDiscard={kept.discard}
        />
      )}
      <form className={styles.form} onSubmit={onLink} noValidate aria-label="Link a secret">
        <TextField
          className={styles.formField}
          label="Vault secret"
          placeholder={suggestions[0] ?? 'SECRET_NAME'}
          suggestions={suggestions}
          {...form.register('secret', { onChange: edited })}
          error={secretError}
          hint={
            vaultProblem ??
            (vault.data !== undefined && vault.data.length === 0 ? 'The grid has no secrets yet.' : `${suggestions.length} in this grid`)
          }
        />
        <TextField
          className={styles.formField}
          label="As variable"
          placeholder={typedSecret === '' ? 'ENV_NAME' : typedSecret}
          {...form.register('name', { onChange: edited })}
          error={nameError}
          hint={parsedWarning ?? 'Defaults to the secret’s name.'}
        />
        <div className={styles.formSubmit}>
          <Button type="submit" variant="primary" disabled={link.isPending}>
            {link.isPending ? 'Linking…' : 'Link secret'}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
