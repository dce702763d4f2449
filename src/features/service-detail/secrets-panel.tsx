import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { isApiError } from '../../api/errors';
import { secretsQuery } from '../../api/queries';
import type { Service } from '../../api/schemas/service';
import type { ServiceRef } from '../../api/service-ref';
import { fieldErrorText, formErrorText } from '../../components/api-field-error';
import { Button } from '../../components/button';
import { DraftOfferBanner } from '../../components/draft-offer';
import { Panel, PanelTable } from '../../components/panel';
import { TextField } from '../../components/text-field';
import { useFormDraft } from '../../components/use-form-draft';
import { formatSecretsPath } from '../../lib/format-secrets-path';
import { parseSecretLink, secretMissing } from '../../lib/options/secrets';
import { ChangeFailed, ChangeNote } from './change-note';
import { linkSecret, unlinkSecret } from './service-changes';
import type { SecretLinkSpec } from './service-changes';
import { useServiceChange } from './use-service-change';
import styles from './overview.module.css';

const NO_LINK = { secret: '', name: '' };

/** `kontena service secret link/unlink`: vault secret → environment variable. */
export function SecretsPanel({ serviceRef, service }: { serviceRef: ServiceRef; service: Service }) {
  const vault = useQuery(secretsQuery(serviceRef.grid));
  const [secret, setSecret] = useState('');
  const [envName, setEnvName] = useState('');
  const [clientErrors, setClientErrors] = useState<{ secret?: string; name?: string }>({});
  const [note, setNote] = useState<string | null>(null);
  const secretInput = useRef<HTMLInputElement>(null);
  // The link being typed survives a sign-out, a reload or a crash until it is made.
  const kept = useFormDraft({ form: 'secret-link', initial: NO_LINK, values: { secret, name: envName } });

  const link = useServiceChange(
    serviceRef,
    (spec: SecretLinkSpec) => linkSecret(serviceRef, spec),
    (spec) => {
      kept.drop();
      setSecret('');
      setEnvName('');
      setNote(`Linked secret ${spec.secret} as ${spec.name}.`);
    },
  );
  const unlink = useServiceChange(
    serviceRef,
    (spec: SecretLinkSpec) => unlinkSecret(serviceRef, spec),
    (spec) => setNote(`Unlinked secret ${spec.secret} (${spec.name}).`),
  );
  // Typing again clears what the last attempt reported.
  const edited = () => {
    setClientErrors({});
    if (link.isError) link.reset();
  };

  // The link as typed; the variable defaults to the secret's name, as in the CLI.
  const typedSecret = secret.trim();
  const typed = typedSecret === '' ? null : parseSecretLink(typedSecret, envName.trim() === '' ? typedSecret : envName);

  const onLink = (event: FormEvent) => {
    event.preventDefault();
    setNote(null);
    unlink.reset();
    if (typed === null) {
      setClientErrors({ secret: 'Pick the vault secret to link' });
      return;
    }
    if (!typed.ok) {
      setClientErrors(typed.error.includes('variable name') ? { name: typed.error } : { secret: typed.error });
      return;
    }
    const missing = vault.data === undefined ? null : secretMissing(typed.value.secret, vault.data.map((s) => s.name));
    if (missing !== null) {
      setClientErrors({ secret: missing });
      return;
    }
    setClientErrors({});
    link.mutate({ secret: typed.value.secret, name: typed.value.name });
  };

  const vaultNames = vault.data?.map((s) => s.name) ?? [];
  const vaultProblem =
    vault.isError && isApiError(vault.error) && vault.error.status === 503
      ? 'The master has no vault configured, so it keeps no secrets.'
      : vault.isError
        ? 'Could not load the grid’s secrets; type the name.'
        : null;
  const secretError = clientErrors.secret ?? fieldErrorText(link.error, 'secrets') ?? formErrorText(link.error, ['secrets', 'name']);
  const nameError = clientErrors.name ?? fieldErrorText(link.error, 'name');
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
            setSecret(restored.secret);
            setEnvName(restored.name);
            secretInput.current?.focus();
          }}
          onDiscard={kept.discard}
        />
      )}
      <form className={styles.form} onSubmit={onLink} noValidate aria-label="Link a secret">
        <TextField
          ref={secretInput}
          className={styles.formField}
          label="Vault secret"
          name="secret"
          placeholder={vaultNames[0] ?? 'SECRET_NAME'}
          suggestions={vaultNames}
          value={secret}
          onChange={(event) => {
            setSecret(event.target.value);
            edited();
          }}
          error={secretError}
          hint={vaultProblem ?? (vault.data !== undefined && vault.data.length === 0 ? 'The grid has no secrets yet.' : `${vaultNames.length} in this grid`)}
        />
        <TextField
          className={styles.formField}
          label="As variable"
          name="name"
          placeholder={typedSecret === '' ? 'ENV_NAME' : typedSecret}
          value={envName}
          onChange={(event) => {
            setEnvName(event.target.value);
            edited();
          }}
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
