/**
 * The lifecycle commands of `kontena service` (deploy [--force], scale, start, stop,
 * restart, rm) as one function each page calls, and the words their results are told in.
 */
import { isApiError, isTransientApiError } from '../../api/errors';
import type { FieldErrors } from '../../api/errors';
import type { Deploy } from '../../api/schemas/deploy';
import { deployService, getService, removeService, restartService, scaleService, startService, stopService } from '../../api/services';
import { serviceDisplayName } from '../../api/service-ref';
import { withDefaultStackNames } from '../../lib/default-stack-names';
import type { ServiceRef } from '../../api/service-ref';

export type LifecycleAction =
  | { kind: 'deploy'; force: boolean }
  | { kind: 'scale'; instances: number }
  | { kind: 'start' }
  | { kind: 'stop' }
  | { kind: 'restart' }
  | { kind: 'remove' };

/** After a DELETE the CLI polls GET every second until it answers 404; so do we, this long at most. */
export const REMOVE_POLL_MS = 1000;
export const REMOVE_WAIT_LIMIT_MS = 60_000;

export interface PerformOptions {
  /** Waits between the removal checks (tests pass an instant one). */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitUntilGone(ref: ServiceRef, sleep: (ms: number) => Promise<void>): Promise<void> {
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
  throw new Error(`The master accepted the removal of ${serviceDisplayName(ref)}, but the service still exists after ${REMOVE_WAIT_LIMIT_MS / 1000} s.`);
}

/** Sends the action; deploy and scale give the deploy record to follow, the others null. */
export async function performAction(ref: ServiceRef, action: LifecycleAction, options: PerformOptions = {}): Promise<Deploy | null> {
  switch (action.kind) {
    case 'deploy':
      return deployService(ref, { force: action.force });
    case 'scale':
      return scaleService(ref, action.instances);
    case 'start':
      await startService(ref);
      return null;
    case 'stop':
      await stopService(ref);
      return null;
    case 'restart':
      await restartService(ref);
      return null;
    case 'remove':
      await removeService(ref);
      await waitUntilGone(ref, options.sleep ?? realSleep);
      return null;
  }
}

/** "Deploy", "Force deploy", "Scale to 3", "Start", … */
export function actionTitle(action: LifecycleAction): string {
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

/** What the master did when the action was accepted (the CLI's "Sending stop signal"). */
export function actionAcceptedText(action: LifecycleAction, name: string): string {
  switch (action.kind) {
    case 'deploy':
      return `${action.force ? 'Force deploy' : 'Deploy'} of ${name} started`;
    case 'scale':
      return `Scaling ${name} to ${action.instances} instance${action.instances === 1 ? '' : 's'}`;
    case 'start':
      return `Start signal sent to ${name}`;
    case 'stop':
      return `Stop signal sent to ${name}`;
    case 'restart':
      return `Restart signal sent to ${name}`;
    case 'remove':
      return `Removed ${name}`;
  }
}

function leafMessages(errors: FieldErrors): string[] {
  const out: string[] = [];
  for (const value of Object.values(errors)) {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) {
      for (const entry of value) {
        if (typeof entry === 'string') out.push(entry);
        else if (entry !== null) out.push(...leafMessages(entry));
      }
    } else out.push(...leafMessages(value));
  }
  return out;
}

/**
 * A failed action in words. The master's 422 messages are shown as it says them
 * ("Cannot delete service that is linked to another service (web, app)"). A 404 names
 * the service as the list does (`name`, not the API path's `…/null/name`) when the
 * caller gives that name.
 */
export function describeActionError(error: unknown, name?: string): string {
  if (isApiError(error)) {
    if (error.kind === 'validation' && error.fieldErrors) {
      const messages = leafMessages(error.fieldErrors);
      if (messages.length > 0) return withDefaultStackNames(messages.join(' '));
    }
    if (error.kind === 'notFound') return `The master no longer knows ${name ?? 'this service'}: it may have been removed meanwhile.`;
    return withDefaultStackNames(error.message);
  }
  if (error instanceof Error) return withDefaultStackNames(error.message);
  return 'Something unexpected went wrong.';
}
