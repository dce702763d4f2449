/**
 * A service's health as `kontena service ls` reads it from `health_status` (kontena-api.md
 * §7): none healthy → unhealthy, some → partial, all → healthy; no `health_status` means
 * the service has no health check. With no instance reporting at all (0 of 0) the CLI
 * would say "unhealthy"; the dashboard says "unknown", which is what is actually known.
 */
export type HealthLevel = 'healthy' | 'partial' | 'unhealthy' | 'unknown' | 'none';

export interface HealthCounts {
  healthy: number;
  total: number;
}

export function healthLevel(status: HealthCounts | undefined): HealthLevel {
  if (status === undefined) return 'none';
  if (status.total === 0) return 'unknown';
  if (status.healthy <= 0) return 'unhealthy';
  if (status.healthy < status.total) return 'partial';
  return 'healthy';
}

/** Worst first, so sorting by health ascending brings the trouble to the top. */
export const HEALTH_ORDER: Record<HealthLevel, number> = { unhealthy: 0, partial: 1, unknown: 2, healthy: 3, none: 4 };
