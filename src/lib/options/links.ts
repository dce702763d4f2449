import { NAME_PATTERN } from './names';
import { fail, ok, type ParseResult } from './result';
import { rubySplit } from './ruby';
import type { LinkBody } from './service-body';

/**
 * The CLI's `parse_links` for one value: split on `:`, the first field is the name, the
 * second (when present) the alias, and anything after that is silently dropped.
 */
export function parseLinkCli(value: string): ParseResult<LinkBody> {
  const [name, alias] = rubySplit(value, ':');
  if (name === undefined) return fail(`Invalid link value ${value}`);
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
    return fail(`Invalid link value ${value === '' ? "''" : value}: write SERVICE or STACK/SERVICE, optionally followed by :ALIAS`);
  }
  const [name = '', alias = name] = fields;
  const segments = name.split('/');
  if (segments.length > 2 || !segments.every((segment) => NAME_PATTERN.test(segment))) {
    return fail(`Invalid link target '${name}': write SERVICE or STACK/SERVICE (letters, digits, _ and -, not starting with -)`);
  }
  if (!ALIAS_PATTERN.test(alias)) return fail(`Invalid link alias '${alias}': use letters, digits, _, ., / and -, not starting with -`);
  return ok({ name, alias });
}

/** The shortest `-l` value: the alias is left out when it equals the name. */
export function formatLink(link: LinkBody): string {
  return link.alias === link.name ? link.name : `${link.name}:${link.alias}`;
}
