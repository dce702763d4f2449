import { describe, expect, it } from 'vitest';
import {
  healthCheckError,
  parseHealthCheckInitialDelay,
  parseHealthCheckInterval,
  parseHealthCheckPort,
  parseHealthCheckProtocol,
  parseHealthCheckTimeout,
  parseHealthCheckUri,
} from './health-check';
import type { HealthCheckBody } from './service-body';

describe('health-check options', () => {
  it.each([
    ['8080', { ok: true, value: 8080 }],
    ['none', { ok: true, value: null }],
    ['0', { ok: false, error: "Health check port must be a port number from 1 to 65535, not '0'" }],
    ['', { ok: false, error: "Health check port must be a port number from 1 to 65535, not ''" }],
  ])('port %j → %j', (value, result) => {
    expect(parseHealthCheckPort(value)).toEqual(result);
  });

  it.each([
    ['http', { ok: true, value: 'http' }],
    ['tcp', { ok: true, value: 'tcp' }],
    ['none', { ok: true, value: null }],
    ['https', { ok: false, error: "Protocol isn't in the right format: use http, tcp or none, not 'https'" }],
    ['HTTP', { ok: false, error: "Protocol isn't in the right format: use http, tcp or none, not 'HTTP'" }],
  ])('protocol %j → %j', (value, result) => {
    expect(parseHealthCheckProtocol(value)).toEqual(result);
  });

  it.each([
    ['/health', { ok: true, value: '/health' }],
    ['/health?full=1', { ok: true, value: '/health?full=1' }],
    ['health', { ok: true, value: 'health', warning: 'The health check URI is a path and usually starts with /' }],
    ['', { ok: false, error: "Uri can't be blank" }],
    ['/a b', { ok: false, error: "Invalid health check URI '/a b': a URI has no spaces" }],
  ])('uri %j → %j', (value, result) => {
    expect(parseHealthCheckUri(value)).toEqual(result);
  });

  it('reads the timing fields as whole seconds', () => {
    expect(parseHealthCheckTimeout('5')).toEqual({ ok: true, value: 5 });
    expect(parseHealthCheckTimeout('0')).toEqual({ ok: false, error: 'Timeout is too small' });
    expect(parseHealthCheckInterval('30')).toEqual({ ok: true, value: 30 });
    expect(parseHealthCheckInterval('30s')).toEqual({ ok: false, error: "Interval isn't an integer" });
    expect(parseHealthCheckInitialDelay('0')).toEqual({ ok: true, value: 0 });
    expect(parseHealthCheckInitialDelay('-1')).toEqual({ ok: false, error: 'Initial Delay is too small' });
  });
});

describe('healthCheckError', () => {
  it.each<[HealthCheckBody, string | null]>([
    [{ port: 80, protocol: 'http' }, null],
    [{ port: 80, protocol: 'http', timeout: 5, interval: 5 }, null],
    [{ port: 80, protocol: 'http', timeout: 30, interval: 20 }, 'Interval has to be bigger than timeout'],
    // The master compares with its defaults filled in (timeout 10, interval 60).
    [{ port: 80, protocol: 'tcp', interval: 5 }, 'Interval has to be bigger than timeout'],
    [{ port: 80, protocol: 'tcp', timeout: 61 }, 'Interval has to be bigger than timeout'],
    [{ port: null, protocol: null }, null],
    [{ port: null, protocol: 'tcp' }, 'A tcp health check needs a port'],
  ])('%j → %j', (check, error) => {
    expect(healthCheckError(check)).toBe(error);
  });
});
