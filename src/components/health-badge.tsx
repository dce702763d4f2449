import { healthLevel } from '../lib/service-health';
import type { HealthCounts, HealthLevel } from '../lib/service-health';
import { StatusBadge } from './status-badge';
import type { StatusTone } from './status-badge';

const toneOf: Record<HealthLevel, StatusTone> = { healthy: 'ok', partial: 'warn', unhealthy: 'danger', unknown: 'neutral', none: 'neutral' };

/**
 * A service's health check result (`health_status`) as a badge, toned by `healthLevel`.
 * The label defaults to "2/3 healthy", or "no status yet" when the master reports none.
 */
export function HealthBadge({ status, label }: { status: HealthCounts | undefined; label?: string }) {
  const text = label ?? (status === undefined ? 'no status yet' : `${status.healthy}/${status.total} healthy`);
  return <StatusBadge tone={toneOf[healthLevel(status)]} label={text} />;
}
