import { describe, expect, it } from 'vitest';
import { parseCapability } from './capabilities';

describe('parseCapability', () => {
  it.each([
    ['NET_ADMIN', { ok: true, value: 'NET_ADMIN' }],
    ['CAP_NET_ADMIN', { ok: true, value: 'CAP_NET_ADMIN' }],
    ['ALL', { ok: true, value: 'ALL' }],
    [' SYS_PTRACE ', { ok: true, value: 'SYS_PTRACE' }],
    ['net_admin', { ok: true, value: 'net_admin', warning: 'Capability names are written in uppercase: NET_ADMIN' }],
    ['NET_ADMINS', { ok: true, value: 'NET_ADMINS', warning: 'NET_ADMINS is not a known Linux capability' }],
    ['', { ok: false, error: "Capability can't be blank" }],
    ['NET ADMIN', { ok: false, error: "Invalid capability 'NET ADMIN': use a name such as NET_ADMIN" }],
    ['-NET_ADMIN', { ok: false, error: "Invalid capability '-NET_ADMIN': use a name such as NET_ADMIN" }],
  ])('%j → %j', (value, result) => {
    expect(parseCapability(value)).toEqual(result);
  });
});
