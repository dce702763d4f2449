/**
 * The words the lifecycle commands of `kontena service` are told in: what the master did
 * when it accepted one, and why one failed. The commands themselves run as mutations
 * (api/service-mutations, runServiceAction).
 */
import { isApiError } from '../../api/errors';
import type { FieldErrors } from '../../api/errors';
import type { ServiceAction } from '../../api/service-actions';
import { withDefaultStackNames } from '../../lib/default-stack-names';

/** What the master did when the action was accepted (the CLI's "Sending stop signal"). */
export function actionAcceptedText(action: ServiceAction, name: string): string {
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
