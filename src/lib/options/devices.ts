import { fail, ok, type ParseResult } from './result';
import { shownValue } from './shown-value';

/** A device mapping as Docker's `--device` reads it: `/dev/host[:/dev/container][:permissions]`. */
interface DeviceSpec {
  hostPath: string;
  containerPath: string;
  /** Some of r, w and m, in any order; Docker's default is rwm. */
  permissions: string;
}

const PERMISSIONS = /^(?!.*(.).*\1)[rwm]{1,3}$/;

/**
 * One entry of a service's `devices` (the master stores the strings and hands them to
 * Docker at deploy, where a bad one fails the deploy). The CLI has no option for it.
 * Forms: `/dev/fuse`, `/dev/sdc:/dev/xvdc`, `/dev/sdc:/dev/xvdc:r`, `/dev/snd:rw`.
 */
export function parseDevice(raw: string): ParseResult<DeviceSpec> {
  const value = raw.trim();
  const usage = 'write /dev/HOST, /dev/HOST:/dev/CONTAINER or /dev/HOST:/dev/CONTAINER:PERMISSIONS (some of r, w, m)';
  if (value === '') return fail("Device can't be blank");
  if (/[\s\p{Cc}]/u.test(value)) return fail(`Invalid device '${shownValue(value)}': ${usage}`);
  const parts = value.split(':');
  const [hostPath = '', second, third] = parts;
  if (parts.length > 3 || !hostPath.startsWith('/')) return fail(`Invalid device '${shownValue(value)}': ${usage}`);
  if (second === undefined) return ok({ hostPath, containerPath: hostPath, permissions: 'rwm' });
  if (third === undefined) {
    if (PERMISSIONS.test(second)) return ok({ hostPath, containerPath: hostPath, permissions: second });
    if (!second.startsWith('/')) return fail(`Invalid device '${shownValue(value)}': ${usage}`);
    return ok({ hostPath, containerPath: second, permissions: 'rwm' });
  }
  if (!second.startsWith('/')) return fail(`Invalid device '${shownValue(value)}': ${usage}`);
  if (!PERMISSIONS.test(third)) return fail(`Invalid device permissions '${shownValue(third)}': use some of r, w and m (e.g. rwm, r)`);
  return ok({ hostPath, containerPath: second, permissions: third });
}
