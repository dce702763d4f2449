import { flattenFieldErrors, isApiError } from '../../../api/errors';

/** A failed call in one sentence: the master's 422 lines, else the error's message. */
export function describeApiFailure(error: unknown): string {
  if (isApiError(error) && error.fieldErrors !== null) return flattenFieldErrors(error.fieldErrors).join('; ') || error.message;
  return error instanceof Error ? error.message : 'Something went wrong.';
}
