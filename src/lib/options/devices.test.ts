import { describe, expect, it } from 'vitest';
import { parseDevice } from './devices';

describe('parseDevice', () => {
  it.each([
    ['/dev/fuse', { hostPath: '/dev/fuse', containerPath: '/dev/fuse', permissions: 'rwm' }],
    [' /dev/sdc:/dev/xvdc ', { hostPath: '/dev/sdc', containerPath: '/dev/xvdc', permissions: 'rwm' }],
    ['/dev/sdc:/dev/xvdc:r', { hostPath: '/dev/sdc', containerPath: '/dev/xvdc', permissions: 'r' }],
    ['/dev/snd:rw', { hostPath: '/dev/snd', containerPath: '/dev/snd', permissions: 'rw' }],
    ['/dev/a:/dev/b:mwr', { hostPath: '/dev/a', containerPath: '/dev/b', permissions: 'mwr' }],
  ])('%s is accepted', (raw, spec) => {
    expect(parseDevice(raw)).toEqual({ ok: true, value: spec });
  });

  it.each([
    ['', "Device can't be blank"],
    ['dev/fuse', 'Invalid device'],
    ['/dev/a:/dev/b:rx', "Invalid device permissions 'rx'"],
    ['/dev/a:/dev/b:rr', "Invalid device permissions 'rr'"],
    ['/dev/a:b', 'Invalid device'],
    ['/dev/a:/dev/b:r:extra', 'Invalid device'],
    ['/dev/a b', 'Invalid device'],
  ])('%j is refused', (raw, message) => {
    const result = parseDevice(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});
