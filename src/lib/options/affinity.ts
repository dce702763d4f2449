import { fail, ok, type ParseResult } from './result';
import { shownValue } from './shown-value';
import { brokenTextError } from './master-text';

export const AFFINITY_SUBJECTS = ['node', 'label', 'service', 'container'] as const;
export type AffinitySubject = (typeof AFFINITY_SUBJECTS)[number];
export type AffinityOperator = '==' | '!=';

export interface AffinitySpec {
  subject: AffinitySubject;
  operator: AffinityOperator;
  /** A node name, a node label (`az=a`), a service or container name; `%s` is the instance number. */
  value: string;
}

const AFFINITY = /^(node|label|service|container)(==|!=)(.+)$/;

/**
 * One `-a` value: `node==n1`, `node!=n1`, `label==az=a`, `label!=ssd`, `service==redis`,
 * `service!=web`, `container==web-%s`, `container!=db-1`. The master stores any string
 * and only a deploy finds a bad filter, so the dashboard checks the shape up front.
 */
export function parseAffinity(raw: string): ParseResult<AffinitySpec> {
  const value = raw.trim();
  const broken = brokenTextError(value);
  if (broken !== null) return fail(broken);
  const match = AFFINITY.exec(value);
  if (match === null) {
    return fail(
      `Invalid affinity '${shownValue(value)}': write node, label, service or container, then == or !=, then a value (e.g. node==node-1, label==az=a, service!=web)`,
    );
  }
  const [, subject, operator, target] = match;
  return ok({ subject: subject as AffinitySubject, operator: operator as AffinityOperator, value: target ?? '' });
}

export function formatAffinity(spec: AffinitySpec): string {
  return `${spec.subject}${spec.operator}${spec.value}`;
}
