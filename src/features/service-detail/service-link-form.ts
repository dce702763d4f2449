/** The Links panel's add row (`kontena service link`): a target service and its alias. */
import type { Service } from '../../api/schemas/service';
import type { ServiceLinkSpec } from '../../api/service-links';
import { NULL_STACK } from '../../api/service-ref';
import type { FormCheck } from '../../components/use-checked-form';
import { linkTargetMissing, parseLinkAlias, parseLinkTarget } from '../../lib/options/links';

export interface ServiceLinkValues {
  /** `N` (a service of the default stack) or `S/N`. */
  target: string;
  /** Empty = the target's name. */
  alias: string;
}

export const NO_SERVICE_LINK: ServiceLinkValues = { target: '', alias: '' };

export interface ServiceLinkContext {
  /** The service that links. */
  service: Service;
  /** The grid's services, when they could be read (else the master says whether the target exists). */
  services: readonly Service[] | undefined;
}

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

/** The target as typed, or null while none is typed. */
export function typedLinkTarget(values: ServiceLinkValues): { target: string; alias: string } | { error: string } | null {
  const target = values.target.trim();
  return target === '' ? null : readTarget(target);
}

export function checkServiceLink(
  values: ServiceLinkValues,
  ctx: ServiceLinkContext | undefined,
): FormCheck<ServiceLinkValues, ServiceLinkSpec> {
  const typed = typedLinkTarget(values);
  if (typed === null) return { ok: false, errors: { target: 'Pick the service to link to' } };
  if ('error' in typed) return { ok: false, errors: { target: typed.error } };
  const alias = values.alias.trim() === '' ? typed.alias : values.alias.trim();
  const aliasCheck = parseLinkAlias(alias);
  if (!aliasCheck.ok) return { ok: false, errors: { alias: aliasCheck.error } };
  if (ctx !== undefined && typed.target === `${ctx.service.stack.name}/${ctx.service.name}`)
    return { ok: false, errors: { target: 'A service cannot link to itself' } };
  const missing =
    ctx?.services === undefined
      ? null
      : linkTargetMissing(
          typed.target,
          ctx.services.map((s) => `${s.stack.name}/${s.name}`),
        );
  if (missing !== null) return { ok: false, errors: { target: missing } };
  return { ok: true, value: { target: typed.target, alias } };
}
