import { parseIntegerField, parsePortNumber } from './integer';
import { fail, ok, type ParseResult } from './result';
import type { HealthCheckBody, HealthCheckProtocol } from './service-body';
import { shownValue } from './shown-value';
import { brokenTextError } from './master-text';

/** The master's defaults for the optional health-check fields. */
export const HEALTH_CHECK_DEFAULTS = { uri: '/', timeout: 10, interval: 60, initial_delay: 10 } as const;

/** `--health-check-port`: a port, or `none` (null). */
export function parseHealthCheckPort(raw: string): ParseResult<number | null> {
  if (raw.trim() === 'none') return ok(null);
  return parsePortNumber(raw, 'Health check port');
}

/** `--health-check-protocol`: `http`, `tcp`, or `none` (null, which removes the health check). */
export function parseHealthCheckProtocol(raw: string): ParseResult<HealthCheckProtocol | null> {
  const value = raw.trim();
  if (value === 'none') return ok(null);
  if (value === 'http' || value === 'tcp') return ok(value);
  return fail(`Protocol isn't in the right format: use http, tcp or none, not '${shownValue(value)}'`);
}

/** `--health-check-uri`: the path an http check requests. */
export function parseHealthCheckUri(raw: string): ParseResult<string> {
  const value = raw.trim();
  if (value === '') return fail("Uri can't be blank");
  const broken = brokenTextError(value);
  if (broken !== null) return fail(broken);
  if (/\s/.test(value)) return fail(`Invalid health check URI '${shownValue(value)}': a URI has no spaces`);
  if (/\p{Cc}/u.test(value)) return fail(`Invalid health check URI '${shownValue(value)}': a URI has no control characters`);
  if (!value.startsWith('/')) return ok(value, `The health check URI is a path and usually starts with /`);
  return ok(value);
}

/** `--health-check-timeout`, seconds, at least 1. */
export function parseHealthCheckTimeout(raw: string): ParseResult<number> {
  return parseIntegerField(raw, 'Timeout', { min: 1 });
}

/** `--health-check-interval`, seconds, at least 1. */
export function parseHealthCheckInterval(raw: string): ParseResult<number> {
  return parseIntegerField(raw, 'Interval', { min: 1 });
}

/** `--health-check-initial-delay`, seconds, 0 or more. */
export function parseHealthCheckInitialDelay(raw: string): ParseResult<number> {
  return parseIntegerField(raw, 'Initial Delay', { min: 0 });
}

/**
 * The checks on a whole health check: the master's "Interval has to be bigger than
 * timeout" (it compares with the defaults filled in, so an interval below 10 without a
 * timeout fails too; equal values pass), and a port for a check that has a protocol.
 * Returns the message, or null.
 */
export function healthCheckError(check: HealthCheckBody): string | null {
  const timeout = check.timeout ?? HEALTH_CHECK_DEFAULTS.timeout;
  const interval = check.interval ?? HEALTH_CHECK_DEFAULTS.interval;
  if (interval < timeout) return 'Interval has to be bigger than timeout';
  if (check.protocol !== null && check.port === null) return `A ${check.protocol} health check needs a port`;
  return null;
}
