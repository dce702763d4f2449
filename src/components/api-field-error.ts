import { flattenFieldErrors, isApiError } from '../api/errors';
import { withDefaultStackNames } from '../lib/default-stack-names';

/**
 * The message a form shows at `field` for a failed call: the master's 422 text for that
 * field, or null when the error belongs elsewhere (see `formErrorText`). A service of the
 * default stack is named `name`, not the master's `null/name`.
 */
export function fieldErrorText(error: unknown, field: string): string | null {
  if (!isApiError(error) || error.fieldErrors === null) return null;
  const value = error.fieldErrors[field];
  if (value === undefined) return null;
  return withDefaultStackNames(typeof value === 'string' ? value : flattenFieldErrors({ [field]: value }).join('; '));
}

/** The message for the whole form when no listed field holds it (network, 5xx, a 422 on another key). */
export function formErrorText(error: unknown, fields: readonly string[]): string | null {
  if (error === null || error === undefined) return null;
  if (fields.some((field) => fieldErrorText(error, field) !== null)) return null;
  if (isApiError(error) && error.fieldErrors !== null)
    return withDefaultStackNames(flattenFieldErrors(error.fieldErrors).join('; ') || error.message);
  return error instanceof Error ? withDefaultStackNames(error.message) : 'Something went wrong.';
}
