import { useIsFetching } from '@tanstack/react-query';
import { StatusBadge } from '../../components/status-badge';
import { useConnection } from '../use-connection';

/** online ● / reconnecting ◆ / offline ▲, as the api client last saw the master. */
export function ConnectionIndicator() {
  const state = useConnection();
  const fetching = useIsFetching() > 0;
  const shown = state === 'online' ? 'online' : fetching ? 'reconnecting' : 'offline';
  return (
    <span role="status" title="Connection to the Kontena Master">
      <span className="visually-hidden">Connection: </span>
      <StatusBadge tone={shown === 'online' ? 'ok' : shown === 'reconnecting' ? 'warn' : 'danger'} label={shown} />
    </span>
  );
}
