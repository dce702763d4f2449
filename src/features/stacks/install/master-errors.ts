/**
 * The master's 422 to an install or upgrade, put where it belongs: `name` at the name
 * field, `services.<name>.<field>` at that service in the preview, the rest in a panel
 * (docs/kontena-api-grid.md G3.3).
 */
import { flattenFieldErrors, isApiError } from '../../../api/errors';

interface PlacedErrors {
  name: string | null;
  /** Per service name, its lines ("stateful: Stateful is required"). */
  services: Record<string, string[]>;
  /** Everything else, one line each; a network or server failure is one line too. */
  rest: string[];
}

const NO_ERRORS: PlacedErrors = { name: null, services: {}, rest: [] };

export function placeMasterErrors(error: unknown): PlacedErrors {
  if (error === null || error === undefined) return NO_ERRORS;
  if (!isApiError(error) || error.fieldErrors === null) {
    return { name: null, services: {}, rest: [error instanceof Error ? error.message : 'Something went wrong.'] };
  }
  const placed: PlacedErrors = { name: null, services: {}, rest: [] };
  for (const [key, value] of Object.entries(error.fieldErrors)) {
    if (key === 'name' && typeof value === 'string') placed.name = value;
    else if (key === 'services' && typeof value === 'object' && !Array.isArray(value)) {
      for (const [service, errors] of Object.entries(value)) {
        placed.services[service] =
          typeof errors === 'string' ? [errors] : flattenFieldErrors({ [service]: errors }).map((l) => l.slice(service.length + 1));
      }
    } else placed.rest.push(...flattenFieldErrors({ [key]: value }));
  }
  if (placed.name === null && placed.rest.length === 0 && Object.keys(placed.services).length === 0) placed.rest.push(error.message);
  return placed;
}
