import type { ServiceState } from '../api/schemas/service';
import { StatusBadge } from './status-badge';
import type { StatusTone } from './status-badge';

const toneOf: Record<ServiceState, StatusTone> = {
  running: 'ok',
  initialized: 'info',
  deploying: 'warn',
  restarting: 'warn',
  stopped: 'neutral',
};

/** A service's state as the master names it, with a colour and a shape. */
export function ServiceStateBadge({ state, className }: { state: ServiceState; className?: string }) {
  return <StatusBadge tone={toneOf[state]} label={state} className={className} />;
}
