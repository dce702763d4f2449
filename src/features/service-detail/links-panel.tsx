import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { servicesQuery } from '../../api/queries';
import type { Service } from '../../api/schemas/service';
import { NULL_STACK, serviceDisplayName } from '../../api/service-ref';
import type { ServiceRef } from '../../api/service-ref';
import { fieldErrorText, formErrorText } from '../../components/api-field-error';
import { Button } from '../../components/button';
import { DraftOfferBanner } from '../../components/draft-offer';
import { Panel, PanelTable } from '../../components/panel';
import { TextField } from '../../components/text-field';
import { useFormDraft } from '../../components/use-form-draft';
import { formatServicePath } from '../../lib/format-path';
import { linkTargetMissing, parseLinkAlias, parseLinkTarget } from '../../lib/options/links';
import { ChangeFailed, ChangeNote } from './change-note';
import { linkService, unlinkService } from './service-changes';
import type { ServiceLinkSpec } from './service-changes';
import { linkTargetLabel, linkTargetName, refOfLink, servicesLinkingTo } from './service-references';
import { useServiceChange } from './use-service-change';
import styles from './overview.module.css';

/**
 * A target as typed: "N" (the default stack, as the CLI reads a bare TARGET and as the
 * dashboard shows such services) or "S/N". Returns the `S/N` name and the default alias.
 */
function readTarget(raw: string): { target: string; alias: string } | { error: string } {
  const parsed = parseLinkTarget(raw);
  if (!parsed.ok) return { error: parsed.error };
  const name = parsed.value;
  const slash = name.indexOf('/');
  return slash === -1 ? { target: `${NULL_STACK}/${name}`, alias: name } : { target: name, alias: name.slice(slash + 1) };
}

const NO_LINK = { target: '', alias: '' };

/** `kontena service link/unlink`, plus the services that link to this one. */
export function LinksPanel({ serviceRef, service }: { serviceRef: ServiceRef; service: Service }) {
  const services = useQuery(servicesQuery(serviceRef.grid));
  const [target, setTarget] = useState('');
  const [alias, setAlias] = useState('');
  const [clientErrors, setClientErrors] = useState<{ links?: string; alias?: string }>({});
  const [note, setNote] = useState<string | null>(null);
  const targetInput = useRef<HTMLInputElement>(null);
  // The link being typed survives a sign-out, a reload or a crash until it is made.
  const kept = useFormDraft({ form: 'service-link', initial: NO_LINK, values: { target, alias } });

  const link = useServiceChange(
    serviceRef,
    (spec: ServiceLinkSpec) => linkService(serviceRef, spec),
    (spec) => {
      kept.drop();
      setTarget('');
      setAlias('');
      setNote(`Linked ${linkTargetLabel(spec.target)} as ${spec.alias}.`);
    },
  );
  const unlink = useServiceChange(
    serviceRef,
    (targetId: string) => unlinkService(serviceRef, targetId),
    (targetId) => setNote(`Unlinked ${linkTargetLabel(targetId)}.`),
  );
  // Typing again clears what the last attempt reported.
  const edited = () => {
    setClientErrors({});
    if (link.isError) link.reset();
  };

  const typed = target.trim() === '' ? null : readTarget(target.trim());

  const onLink = (event: FormEvent) => {
    event.preventDefault();
    setNote(null);
    unlink.reset();
    if (typed === null) {
      setClientErrors({ links: 'Pick the service to link to' });
      return;
    }
    if ('error' in typed) {
      setClientErrors({ links: typed.error });
      return;
    }
    const chosenAlias = alias.trim() === '' ? typed.alias : alias.trim();
    const aliasCheck = parseLinkAlias(chosenAlias);
    if (!aliasCheck.ok) {
      setClientErrors({ alias: aliasCheck.error });
      return;
    }
    if (typed.target === `${service.stack.name}/${service.name}`) {
      setClientErrors({ links: 'A service cannot link to itself' });
      return;
    }
    const missing = services.data === undefined ? null : linkTargetMissing(typed.target, services.data.map((s) => `${s.stack.name}/${s.name}`));
    if (missing !== null) {
      setClientErrors({ links: missing });
      return;
    }
    setClientErrors({});
    link.mutate({ target: typed.target, alias: chosenAlias });
  };

  const ownId = service.id;
  const candidates = (services.data ?? [])
    .filter((s) => s.id !== ownId && !service.links.some((l) => l.id === s.id))
    .map((s) => serviceDisplayName(s))
    .sort();
  const incoming = servicesLinkingTo(services.data ?? [], ownId);
  const linkError = clientErrors.links ?? fieldErrorText(link.error, 'links') ?? formErrorText(link.error, ['links', 'alias']);
  const aliasError = clientErrors.alias ?? fieldErrorText(link.error, 'alias');
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
            setTarget(restored.target);
            setAlias(restored.alias);
            targetInput.current?.focus();
          }}
          onDiscard={kept.discard}
        />
      )}
      <form className={styles.form} onSubmit={onLink} noValidate aria-label="Link a service">
        <TextField
          ref={targetInput}
          className={styles.formGrow}
          label="Link to service"
          name="target"
          placeholder={candidates[0] ?? 'SERVICE or STACK/SERVICE'}
          suggestions={candidates}
          value={target}
          onChange={(event) => {
            setTarget(event.target.value);
            edited();
          }}
          error={linkError}
          hint="A name without a stack is a service of the default stack."
        />
        <TextField
          className={styles.formField}
          label="Alias"
          name="alias"
          placeholder={typed !== null && !('error' in typed) ? typed.alias : 'alias'}
          value={alias}
          onChange={(event) => {
            setAlias(event.target.value);
            edited();
          }}
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
                  <Link to={formatServicePath({ grid: serviceRef.grid, stack: from.stack.name, name: from.name })}>{serviceDisplayName(from)}</Link>
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
