/**
 * What is known about a service's health, and the words every view says it in (the
 * services list, the service header, the overview, the wall).
 *
 * The master's service JSON has `health_status: {healthy, total}` only (docs/kontena-api.md
 * §4.4): "healthy" counts the containers whose check reported healthy, "total" all of
 * them. So 0/3 can mean "none has reported yet" (just deployed, within initial_delay) as
 * well as "all three reported unhealthy". Only the containers tell the two apart (§4.6:
 * a container has `health_status` only once its check has reported). An instance that
 * has not reported is pending, never unhealthy: unhealthy (red) needs an instance that
 * reported so.
 */

/**
 * - none: no health check configured;
 * - unknown: a check, but no instance to check;
 * - healthy: every instance reported healthy;
 * - pending: none reported unhealthy, some not reported yet;
 * - partial: some reported unhealthy, some healthy;
 * - unhealthy: some reported unhealthy, none healthy;
 * - unresolved: from the service JSON alone, some instances are not healthy, and whether
 *   they are pending or unhealthy is not known (yet).
 */
export type HealthLevel = 'none' | 'unknown' | 'healthy' | 'pending' | 'partial' | 'unhealthy' | 'unresolved';

/** The master's `health_status` of a service. */
export interface HealthCounts {
  healthy: number;
  total: number;
}

export interface ServiceHealth {
  level: HealthLevel;
  healthy: number;
  total: number;
  /** Instances whose check reported unhealthy; null when not known (the service JSON alone). */
  unhealthy: number | null;
  /** Instances whose check has not reported yet; null when not known. */
  pending: number | null;
}

/** The same tones as components/status-badge (lib/ has no component imports). */
type HealthTone = 'ok' | 'info' | 'warn' | 'danger' | 'neutral';

interface HealthWords {
  /** Shown: "2/3 healthy · 1 pending", "pending", "no health check". */
  text: string;
  /** A sentence for a tooltip or a screen reader. */
  detail: string;
  tone: HealthTone;
}

/** What a container says of its check (ContainerJson.health_status, §4.6): absent until it reports. */
export interface ReportingInstance {
  health_status?: { status: 'healthy' | 'unhealthy' } | undefined;
}

const NO_CHECK: ServiceHealth = { level: 'none', healthy: 0, total: 0, unhealthy: null, pending: null };

/** A service's health level from its JSON alone: none, unknown, healthy or unresolved. */
export function healthLevel(status: HealthCounts | undefined): HealthLevel {
  return healthFromService(status).level;
}

/** What the service JSON's `health_status` tells: all healthy, or not, and why not is unresolved. */
export function healthFromService(status: HealthCounts | undefined): ServiceHealth {
  if (status === undefined) return NO_CHECK;
  const { healthy, total } = status;
  if (total <= 0) return { level: 'unknown', healthy: 0, total: 0, unhealthy: 0, pending: 0 };
  if (healthy >= total) return { level: 'healthy', healthy: total, total, unhealthy: 0, pending: 0 };
  return { level: 'unresolved', healthy: Math.max(0, healthy), total, unhealthy: null, pending: null };
}

/** The level of counts that are all known. */
function levelOf(healthy: number, unhealthy: number, pending: number): HealthLevel {
  if (healthy + unhealthy + pending === 0) return 'unknown';
  if (unhealthy > 0) return healthy > 0 ? 'partial' : 'unhealthy';
  if (pending > 0) return 'pending';
  return 'healthy';
}

/**
 * What the instances themselves say (the service's containers, as `…/containers`
 * returns them: the same set the master's `health_status.total` counts).
 */
export function healthFromInstances(hasCheck: boolean, instances: readonly ReportingInstance[]): ServiceHealth {
  if (!hasCheck) return NO_CHECK;
  let healthy = 0;
  let unhealthy = 0;
  let pending = 0;
  for (const instance of instances) {
    const status = instance.health_status?.status;
    if (status === 'healthy') healthy += 1;
    else if (status === 'unhealthy') unhealthy += 1;
    else pending += 1;
  }
  return { level: levelOf(healthy, unhealthy, pending), healthy, total: instances.length, unhealthy, pending };
}

/**
 * The instances' answer where it can be had, else the service JSON's: `instances` is
 * undefined while they are not loaded.
 */
export function knownHealth(
  status: HealthCounts | undefined,
  hasCheck: boolean,
  instances: readonly ReportingInstance[] | undefined,
): ServiceHealth {
  if (!hasCheck) return NO_CHECK;
  if (instances === undefined) return healthFromService(status ?? { healthy: 0, total: 0 });
  return healthFromInstances(true, instances);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const TONE: Record<HealthLevel, HealthTone> = {
  none: 'neutral',
  unknown: 'neutral',
  healthy: 'ok',
  pending: 'info',
  partial: 'warn',
  unhealthy: 'danger',
  // Not known to be bad: never red before an instance said so.
  unresolved: 'neutral',
};

/** The one wording of a health state, for every view. */
export function describeHealth(health: ServiceHealth): HealthWords {
  const { level, healthy, total } = health;
  const tone = TONE[level];
  const unhealthy = health.unhealthy ?? 0;
  const pending = health.pending ?? 0;
  const ratio = `${healthy}/${total} healthy`;
  switch (level) {
    case 'none':
      return { text: 'no health check', detail: 'No health check is configured for this service.', tone };
    case 'unknown':
      return { text: 'no instances', detail: 'A health check is configured, but there is no instance to check.', tone };
    case 'healthy':
      return { text: ratio, detail: `All ${plural(total, 'instance')} reported healthy.`, tone };
    case 'unresolved':
      return {
        text: ratio,
        detail: `${healthy} of ${plural(total, 'instance')} reported healthy; whether the others have not reported yet or reported unhealthy is being checked.`,
        tone,
      };
    default: {
      const parts: string[] = [];
      // None reported yet says only that: "0/3 healthy" reads as a failure, and nothing failed.
      if (level === 'pending' && healthy === 0) parts.push('pending');
      else {
        parts.push(ratio);
        if (unhealthy > 0) parts.push(`${unhealthy} unhealthy`);
        if (pending > 0) parts.push(`${pending} pending`);
      }
      const said: string[] = [];
      if (healthy > 0) said.push(`${healthy} healthy`);
      if (unhealthy > 0) said.push(`${unhealthy} unhealthy`);
      const reported = said.length > 0 ? `Of ${plural(total, 'instance')}, ${said.join(' and ')} reported` : '';
      const waiting =
        pending > 0
          ? `${plural(pending, 'instance has', 'instances have')} not reported yet (a check first reports after its initial delay)`
          : '';
      const detail = `${[reported, waiting].filter((s) => s !== '').join('; ')}.`;
      return { text: parts.join(' · '), detail: detail.charAt(0).toUpperCase() + detail.slice(1), tone };
    }
  }
}

/** One instance's check, in the same words: "healthy", "unhealthy", or "pending" before it reports. */
export function describeInstanceHealth(instance: ReportingInstance): HealthWords {
  const status = instance.health_status?.status;
  if (status === 'healthy') return { text: 'healthy', detail: 'The health check reported healthy.', tone: 'ok' };
  if (status === 'unhealthy') return { text: 'unhealthy', detail: 'The health check reported unhealthy.', tone: 'danger' };
  return { text: 'pending', detail: 'The health check has not reported yet (it first reports after its initial delay).', tone: 'info' };
}

/** Worst first, so sorting by health ascending brings the trouble to the top. */
export const HEALTH_ORDER: Record<HealthLevel, number> = {
  unhealthy: 0,
  partial: 1,
  unresolved: 2,
  pending: 3,
  unknown: 4,
  healthy: 5,
  none: 6,
};
