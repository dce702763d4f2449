import { describe, expect, it } from 'vitest';
import { formatSecret, parseSecret, parseSecretCli } from './secrets';

describe('parseSecretCli (the CLI parse_secrets)', () => {
  it.each([
    ['PW:DB_PASSWORD:env', { secret: 'PW', name: 'DB_PASSWORD', type: 'env' }],
    ['PW:DB_PASSWORD', { secret: 'PW', name: 'DB_PASSWORD', type: null }],
    ['PW', { secret: 'PW', name: null, type: null }],
    ['a:b:c:d', { secret: 'a', name: 'b', type: 'c' }],
  ])('%j → %j', (value, secret) => {
    expect(parseSecretCli(value)).toEqual(secret);
  });
});

describe('parseSecret', () => {
  it.each([
    ['PW:DB_PASSWORD', { ok: true, value: { secret: 'PW', name: 'DB_PASSWORD', type: 'env' } }],
    ['PW:DB_PASSWORD:env', { ok: true, value: { secret: 'PW', name: 'DB_PASSWORD', type: 'env' } }],
    ['my-secret_1:TOKEN', { ok: true, value: { secret: 'my-secret_1', name: 'TOKEN', type: 'env' } }],
    [
      'PW:db-password',
      {
        ok: true,
        value: { secret: 'PW', name: 'db-password', type: 'env' },
        warning: 'db-password is not a portable variable name: use letters, digits and _, not starting with a digit',
      },
    ],
    ['PW', { ok: false, error: 'Invalid secret value PW: write SECRET:NAME or SECRET:NAME:env' }],
    ['', { ok: false, error: "Invalid secret value '': write SECRET:NAME or SECRET:NAME:env" }],
    ['PW:', { ok: false, error: 'Invalid secret value PW:: write SECRET:NAME or SECRET:NAME:env' }],
    [':NAME', { ok: false, error: 'Invalid secret value :NAME: write SECRET:NAME or SECRET:NAME:env' }],
    ['a:b:env:d', { ok: false, error: 'Invalid secret value a:b:env:d: write SECRET:NAME or SECRET:NAME:env' }],
    [
      'PW:NAME:file',
      { ok: false, error: "Secret type 'file' is not supported: the master always injects secrets as environment variables (env)" },
    ],
    ['-PW:NAME', { ok: false, error: "Invalid secret name '-PW': use letters, digits, _ and -, not starting with -" }],
    ['PW:A=B', { ok: false, error: "Invalid variable name 'A=B' for secret PW" }],
  ])('%j → %j', (value, result) => {
    expect(parseSecret(value)).toEqual(result);
  });

  it('formats without the type, which is always env', () => {
    expect(formatSecret({ secret: 'PW', name: 'DB_PASSWORD' })).toBe('PW:DB_PASSWORD');
  });
});
