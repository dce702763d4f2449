import { fail, ok, type ParseResult } from './result';
import { shownValue } from './shown-value';

/** Linux capability names (without `CAP_`) that Docker understands, plus `ALL`. */
export const KNOWN_CAPABILITIES = [
  'ALL',
  'AUDIT_CONTROL',
  'AUDIT_READ',
  'AUDIT_WRITE',
  'BLOCK_SUSPEND',
  'CHOWN',
  'DAC_OVERRIDE',
  'DAC_READ_SEARCH',
  'FOWNER',
  'FSETID',
  'IPC_LOCK',
  'IPC_OWNER',
  'KILL',
  'LEASE',
  'LINUX_IMMUTABLE',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
  'MKNOD',
  'NET_ADMIN',
  'NET_BIND_SERVICE',
  'NET_BROADCAST',
  'NET_RAW',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYSLOG',
  'SYS_ADMIN',
  'SYS_BOOT',
  'SYS_CHROOT',
  'SYS_MODULE',
  'SYS_NICE',
  'SYS_PACCT',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'SYS_RESOURCE',
  'SYS_TIME',
  'SYS_TTY_CONFIG',
  'WAKE_ALARM',
] as const;

/**
 * One `--cap-add`/`--cap-drop` value. It is kept exactly as typed (the master stores the
 * string and Docker accepts `NET_ADMIN` and `CAP_NET_ADMIN` alike); a name that is not a
 * known capability is accepted with a warning.
 */
export function parseCapability(raw: string): ParseResult<string> {
  const value = raw.trim();
  if (value === '') return fail("Capability can't be blank");
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(value)) return fail(`Invalid capability '${shownValue(value)}': use a name such as NET_ADMIN`);
  const bare = value.toUpperCase().replace(/^CAP_/, '');
  if (!(KNOWN_CAPABILITIES as readonly string[]).includes(bare)) {
    return ok(value, `${shownValue(value)} is not a known Linux capability`);
  }
  if (value !== value.toUpperCase()) return ok(value, `Capability names are written in uppercase: ${shownValue(value.toUpperCase())}`);
  return ok(value);
}
