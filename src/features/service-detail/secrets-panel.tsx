import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { isApiError } from '../../api/errors';
import { queryKeys, secretsQuery } from '../../api/queries';
import type { Service } from '../../api/schemas/service';
import type { ServiceRef } from '../../api/service-ref';
import { fieldErrorText, formErrorText } from '../../components/api-field-error';
import { Button } from '../../components/button';
import { cx } from '../../components/class-names';
import { TextField } from '../../components/text-field';
import { formatSecretsPath } from '../../lib/format-secrets-path';
import { parseSecret } from '../../lib/options/secrets';
import { ChangeNote } from './change-note';
import { linkSecret, unlinkSecret } from './service-changes';
import type { SecretLinkSpec } from './service-changes';
import styles from './overview.module.css';

/** `kontena service secret link/unlink`: vault secret → environment variable. */
export function SecretsPanel({ serviceRef, service }: { serviceRef: ServiceRef; service: Service }) {
  const queryClient = useQueryClient();
  const vault = useQuery(secretsQuery(serviceRef.grid));
  const [secret, setSecret] = useState('');
  const [envName, setEnvName] = useState('');
  const [clientErrors, setClientErrors] = useState<{ secret?: string; name?: string }>({});
  const [note, setNote] = useState<string | null>(null);

  const settle = async (updated: Service) => {
    queryClient.setQueryData(queryKeys.service(serviceRef), updated);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.service(serviceRef) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.services(serviceRef.grid) }),
    ]);
  };

  const link = useMutation({
    mutationFn: (spec: SecretLinkSpec) => linkSecret(serviceRef, spec),
    onSuccess: async (updated, spec) => {
      setSecret('');
      setEnvName('');
      setNote(`Linked secret ${spec.secret} as ${spec.name}.`);
      await settle(updated);
    },
    // A failure may mean the service changed or is gone: show what the master has now.
    onError: () => void queryClient.invalidateQueries({ queryKey: queryKeys.service(serviceRef) }),
  });

  const unlink = useMutation({
    mutationFn: (spec: SecretLinkSpec) => unlinkSecret(serviceRef, spec),
    onSuccess: async (updated, spec) => {
      setNote(`Unlinked secret ${spec.secret} (${spec.name}).`);
      await settle(updated);
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: queryKeys.service(serviceRef) }),
  });

  const onLink = (event: FormEvent) => {
    event.preventDefault();
    setNote(null);
    unlink.reset();
    const name = envName.trim() === '' ? secret.trim() : envName.trim();
    if (secret.trim() === '') {
      setClientErrors({ secret: 'Pick the vault secret to link' });
      return;
    }
    const parsed = parseSecret(`${secret.trim()}:${name}`);
    if (!parsed.ok) {
      setClientErrors(parsed.error.includes('variable name') ? { name: parsed.error } : { secret: parsed.error });
      return;
    }
    setClientErrors({});
    link.mutate({ secret: parsed.value.secret, name: parsed.value.name });
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
  const parsedWarning = (() => {
    const name = envName.trim() === '' ? secret.trim() : envName.trim();
    if (secret.trim() === '' || name === '') return undefined;
    const parsed = parseSecret(`${secret.trim()}:${name}`);
    return parsed.ok ? parsed.warning : undefined;
  })();
  const unlinkError = unlink.error ? (fieldErrorText(unlink.error, 'secrets') ?? formErrorText(unlink.error, [])) : null;

  return (
    <section className={styles.panel} aria-labelledby="overview-secrets">
      <div className={styles.panelHeader}>
        <h2 id="overview-secrets" className={styles.panelTitle}>
          Secrets
        </h2>
        <span className={styles.panelMeta}>{service.secrets.length === 0 ? 'none' : `${service.secrets.length} linked`}</span>
        <Link to={formatSecretsPath(serviceRef.grid)} className={styles.panelTools}>
          The grid’s secrets
        </Link>
      </div>
      {service.secrets.length === 0 ? (
        <p className={styles.empty}>No vault secrets are injected into this service.</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table} aria-labelledby="overview-secrets">
            <thead>
              <tr>
                <th scope="col">Vault secret</th>
                <th scope="col">Environment variable</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
      {unlinkError !== null && (
        <p role="alert" className={cx(styles.note, styles.formError)}>
          Could not unlink: {unlinkError}
        </p>
      )}
      <ChangeNote text={note} state={service.state} />
      <form className={styles.form} onSubmit={onLink} noValidate aria-label="Link a secret">
        <TextField
          className={styles.formField}
          label="Vault secret"
          name="secret"
          placeholder={vaultNames[0] ?? 'SECRET_NAME'}
          suggestions={vaultNames}
          value={secret}
          onChange={(event) => {
            setSecret(event.target.value);
            setClientErrors({});
            if (link.isError) link.reset();
          }}
          error={secretError}
          hint={vaultProblem ?? (vault.data !== undefined && vault.data.length === 0 ? 'The grid has no secrets yet.' : `${vaultNames.length} in this grid`)}
        />
        <TextField
          className={styles.formField}
          label="As variable"
          name="name"
          placeholder={secret.trim() === '' ? 'ENV_NAME' : secret.trim()}
          value={envName}
          onChange={(event) => {
            setEnvName(event.target.value);
            setClientErrors({});
            if (link.isError) link.reset();
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
    </section>
  );
}
