/**
 * The lifecycle commands of `kontena service` (deploy [--force], scale, start, stop,
 * restart, rm) as data, their names, and the removal that waits until the service is
 * gone. api/service-mutations runs them.
 */
import { isApiError, isTransientApiError } from './errors';
import { getService, removeService } from './services';
import { serviceDisplayName } from './service-ref';
import type { ServiceRef } from './service-ref';

export type ServiceAction =
  | { kind: 'deploy'; force: boolean }
  | { kind: 'scale'; instances: number }
  | { kind: 'start' }
  | { kind: 'stop' }
  | { kind: 'restart' }
  | { kind: 'remove' };

/** "Deploy", "Force deploy", "Scale to 3", "Start", … */
export function serviceActionTitle(action: ServiceAction): string {
  switch (action.kind) {
    case 'deploy':
      return action.force ? 'Force deploy' : 'Deploy';
    case 'scale':
      return `Scale to ${action.instances}`;
    case 'start':
      return 'Start';
    case 'stop':
      return 'Stop';
    case 'restart':
      return 'Restart';
    case 'remove':
      return 'Remove';
  }
}

/** After a DELETE the CLI polls GET every second until it answers 404; so do we, this long at most. */
const REMOVE_POLL_MS = 1000;
const REMOVE_WAIT_LIMIT_MS = 60_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** DELETE, then wait until the master no longer knows the service. `sleep`: tests pass an instant one. */
export async function removeServiceAndWait(ref: ServiceRef, sleep: (ms: number) => Promise<void> = realSleep): Promise<void> {
  await removeService(ref);
  for (let waited = 0; waited <= REMOVE_WAIT_LIMIT_MS; waited += REMOVE_POLL_MS) {
    try {
      await getService(ref);
    } catch (error) {
      if (isApiError(error) && error.kind === 'notFound') return;
      // The DELETE was accepted: a hiccup while checking is no reason to report a failure.
      if (!isTransientApiError(error)) throw error;
    }
    await sleep(REMOVE_POLL_MS);
  }
  throw new Error(
    `The master accepted the removal of ${serviceDisplayName(ref)}, but the service still exists after ${REMOVE_WAIT_LIMIT_MS / 1000} s.`,
  );
}
