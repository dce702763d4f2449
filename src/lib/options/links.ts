import { NAME_PATTERN } from './names';
import { fail, ok, type ParseResult } from './result';
import { rubySplit } from './ruby';
import type { LinkBody } from './service-body';
import { shownValue } from './shown-value';

/**
 * The CLI's `parse_links` for one value: split on `:`, the first field is the name, the
 * second (when present) the alias, and anything after that is silently dropped.
 */
export function parseLinkCli(value: string): ParseResult<LinkBody> {
  const [name, alias] = rubySplit(value, ':');
  if (name === undefined) return fail(`Invalid link value ${shownValue(value)}`);
  return ok({ name, alias: alias ?? name });
}

/** Aliases name the link inside the linking containers; the CLI defaults them to the name as typed, `/` included. */
const ALIAS_PATTERN = /^(?!-)[A-Za-z0-9_./-]+$/;

/**
 * `name[:alias]`, where name is `N` (a service in the linking service's own stack) or
 * `S/N`. The alias defaults to the name as typed, like the CLI.
 */
export function parseLink(raw: string): ParseResult<LinkBody> {
  const value = raw.trim();
  const fields = value.split(':');
  if (value === '' || fields.length > 2 || fields.includes('')) {
    return fail(
      `Invalid link value ${value === '' ? "''" : shownValue(value)}: write SERVICE or STACK/SERVICE, optionally followed by :ALIAS`,
    );
  }
  const [name = '', alias = name] = fields;
  const target = parseLinkTarget(name);
  if (!target.ok) return target;
  const checkedAlias = parseLinkAlias(alias);
  if (!checkedAlias.ok) return checkedAlias;
  return ok({ name, alias });
}

/**
 * The service of a link on its own (the form and the Links panel have an input for it):
 * `N` (a service in the linking service's own stack) or `S/N`.
 */
export function parseLinkTarget(raw: string): ParseResult<string> {
  const name = raw.trim();
  const segments = name.split('/');
  if (segments.length > 2 || !segments.every((segment) => NAME_PATTERN.test(segment))) {
    return fail(
      `Invalid link target '${shownValue(name)}': write SERVICE or STACK/SERVICE (letters, digits, _ and -, not starting with -)`,
    );
  }
  return ok(name);
}

/** The alias of a link on its own: the name the linked service has inside the linking containers. */
export function parseLinkAlias(raw: string): ParseResult<string> {
  const alias = raw.trim();
  if (!ALIAS_PATTERN.test(alias))
    return fail(`Invalid link alias '${shownValue(alias)}': use letters, digits, _, ., / and -, not starting with -`);
  return ok(alias);
}

/**
 * The master's refusal of a link to a service the grid does not have (docs/kontena-api.md
 * §4.10), or null: `target` is `S/N`, `services` the grid's services as `S/N`. A stack
 * none of them is in is taken for a stack that does not exist.
 */
export function linkTargetMissing(target: string, services: readonly string[]): string | null {
  if (services.includes(target)) return null;
  const stack = target.slice(0, target.indexOf('/'));
  if (!services.some((service) => service.startsWith(`${stack}/`))) return `Link ${shownValue(target)} points to non-existing stack`;
  return `Service ${shownValue(target)} does not exist`;
}

/** The shortest `-l` value: the alias is left out when it equals the name. */
export function formatLink(link: LinkBody): string {
  return link.alias === link.name ? link.name : `${link.name}:${link.alias}`;
}
