import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { servicesQuery } from '../../api/queries';
import type { Service } from '../../api/schemas/service';
import { linkTargetLabel, linkTargetName } from '../../api/service-links';
import type { ServiceLinkSpec } from '../../api/service-links';
import { serviceLinkMutation, serviceUnlinkMutation } from '../../api/service-mutations';
import { serviceDisplayName } from '../../api/service-ref';
import type { ServiceRef } from '../../api/service-ref';
import { fieldErrorText, formErrorText } from '../../components/api-field-error';
import { Button } from '../../components/button';
import { DraftOfferBanner } from '../../components/draft-offer';
import { Panel, PanelTable } from '../../components/panel';
import { TextField } from '../../components/text-field';
import { useCheckedForm } from '../../components/use-checked-form';
import { useFormDraft } from '../../components/use-form-draft';
import { formatServicePath } from '../../lib/format-path';
import { ChangeFailed, ChangeNote } from './change-note';
import { checkServiceLink, NO_SERVICE_LINK, typedLinkTarget } from './service-link-form';
import type { ServiceLinkContext, ServiceLinkValues } from './service-link-form';
import { refOfLink, servicesLinkingTo } from './service-references';
import styles from './overview.module.css';

/** `kontena service link/unlink`, plus the services that link to this one. */
export function LinksPanel({ serviceRef, service }: { serviceRef: ServiceRef; service: Service }) {
  const services = useQuery(servicesQuery(serviceRef.grid));
  const form = useCheckedForm<ServiceLinkValues, ServiceLinkSpec, ServiceLinkContext>({
    defaultValues: NO_SERVICE_LINK,
    check: checkServiceLink,
    context: { service, services: services.data },
  });
  const [target, alias] = form.watch(['target', 'alias']);
  const [note, setNote] = useState<string | null>(null);
  // The link being typed survives a sign-out, a reload or a crash until it is made.
  const kept = useFormDraft({ form: 'service-link', initial: NO_SERVICE_LINK, values: { target, alias } });

  const link = useMutation({
    ...serviceLinkMutation(serviceRef),
    onSuccess: (_answer, spec: ServiceLinkSpec) => {
      kept.drop();
      form.reset(NO_SERVICE_LINK);
      setNote(`Linked ${linkTargetLabel(spec.target)} as ${spec.alias}.`);
    },
  });
  const unlink = useMutation({
    ...serviceUnlinkMutation(serviceRef),
    onSuccess: (_answer, targetId) => setNote(`Unlinked ${linkTargetLabel(targetId)}.`),
  });
  // Typing again clears what the last attempt reported.
  const edited = () => {
    form.clearErrors();
    if (link.isError) link.reset();
  };

  const typed = typedLinkTarget({ target, alias });

  const onLink = (event: FormEvent) => {
    setNote(null);
    unlink.reset();
    void form.handleSubmit((spec) => link.mutate(spec))(event);
  };

  const ownId = service.id;
  const candidates = (services.data ?? [])
    .filter((s) => s.id !== ownId && !service.links.some((l) => l.id === s.id))
    .map((s) => serviceDisplayName(s))
    .sort();
  const incoming = servicesLinkingTo(services.data ?? [], ownId);
  const { errors } = form.formState;
  const linkError = errors.target?.message ?? fieldErrorText(link.error, 'links') ?? formErrorText(link.error, ['links', 'alias']);
  const aliasError = errors.alias?.message ?? fieldErrorText(link.error, 'alias');
  const unlinkError = fieldErrorText(unlink.error, 'links') ?? formErrorText(unlink.error, []);

  return (
    <Panel id="overview-links" title="Links" meta={service.links.length === 0 ? 'none' : `${service.links.length} linked`}>
      {service.links.length === 0 ? (
        <p className={styles.empty}>This service links to no other service.</p>
      ) : (
        <PanelTable columns={['Alias', 'Service']} actions labelledBy="overview-links" className={styles.cells}>
          {service.links.map((l) => {
            const ref = refOfLink(l);
            const shown = ref ? serviceDisplayName(ref) : linkTargetName(l);
            return (
              <tr key={l.id}>
                <th scope="row" className={styles.cellMono}>
                  {l.alias}
                </th>
                <td className={styles.cellMono}>{ref ? <Link to={formatServicePath(ref)}>{shown}</Link> : shown}</td>
                <td className={styles.cellActions}>
                  <Button
                    size="sm"
                    aria-label={`Unlink ${shown}`}
                    disabled={unlink.isPending}
                    onClick={() => {
                      setNote(null);
                      link.reset();
                      unlink.mutate(l.id);
                    }}
                  >
                    Unlink
                  </Button>
                </td>
              </tr>
            );
          })}
        </PanelTable>
      )}
      <ChangeFailed action="unlink" reason={unlinkError} />
      <ChangeNote text={note} state={service.state} />
      {kept.offer !== null && (
        <DraftOfferBanner
          placement="panel"
          offer={kept.offer}
          formName="Link a service"
          onRestore={() => {
            const restored = kept.restore({ target, alias });
            form.setValue('target', restored.target);
            form.setValue('alias', restored.alias);
            form.setFocus('target');
          }}
          onDiscard={kept.discard}
        />
      )}
      <form className={styles.form} onSubmit={onLink} noValidate aria-label="Link a service">
        <TextField
          className={styles.formGrow}
          label="Link to service"
          placeholder={candidates[0] ?? 'SERVICE or STACK/SERVICE'}
          suggestions={candidates}
          {...form.register('target', { onChange: edited })}
          error={linkError}
          hint="A name without a stack is a service of the default stack."
        />
        <TextField
          className={styles.formField}
          label="Alias"
          placeholder={typed !== null && !('error' in typed) ? typed.alias : 'alias'}
          {...form.register('alias', { onChange: edited })}
          error={aliasError}
          hint="Defaults to the service’s name."
        />
        <div className={styles.formSubmit}>
          <Button type="submit" variant="primary" disabled={link.isPending}>
            {link.isPending ? 'Linking…' : 'Link service'}
          </Button>
        </div>
      </form>
      <h3 className={styles.subheading}>Linked from</h3>
      <div className={styles.incoming}>
        {services.data === undefined ? (
          <p className={styles.muted}>{services.isError ? 'Could not load the grid’s services.' : 'Loading…'}</p>
        ) : incoming.length === 0 ? (
          <p className={styles.muted}>No service links to {serviceDisplayName(service)}.</p>
        ) : (
          <>
            <ul className={styles.inlineList} aria-label="Services that link to this one">
              {incoming.map(({ service: from, alias: fromAlias }) => (
                <li key={from.id} className={styles.chip}>
                  <Link to={formatServicePath({ grid: serviceRef.grid, stack: from.stack.name, name: from.name })}>
                    {serviceDisplayName(from)}
                  </Link>
                  <span className={styles.muted}> as {fromAlias}</span>
                </li>
              ))}
            </ul>
            <p className={styles.muted}>The master refuses to remove {serviceDisplayName(service)} while these services link to it.</p>
          </>
        )}
      </div>
    </Panel>
  );
}
