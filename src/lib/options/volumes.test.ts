import { describe, expect, it } from 'vitest';
import { formatVolume, parseVolume, parseVolumesFrom, statefulVolumesError, statefulVolumesFromError, type VolumeSpec } from './volumes';

describe('parseVolume (the master parse_volume)', () => {
  it.each<[string, VolumeSpec]>([
    ['/data', { kind: 'anonymous', path: '/data' }],
    ['/data:', { kind: 'anonymous', path: '/data' }],
    [
      '/var/run/docker.sock:/var/run/docker.sock',
      { kind: 'bind', hostPath: '/var/run/docker.sock', path: '/var/run/docker.sock', flags: '' },
    ],
    ['/host:/data:ro', { kind: 'bind', hostPath: '/host', path: '/data', flags: 'ro' }],
    ['/host:/data:ro:z', { kind: 'bind', hostPath: '/host', path: '/data', flags: 'ro,z' }],
    ['mydata:/data', { kind: 'named', volume: 'mydata', path: '/data', flags: '' }],
    ['mydata:/data:rw', { kind: 'named', volume: 'mydata', path: '/data', flags: 'rw' }],
    [' mydata:/data ', { kind: 'named', volume: 'mydata', path: '/data', flags: '' }],
  ])('%j → %j', (value, spec) => {
    expect(parseVolume(value)).toEqual({ ok: true, value: spec });
  });

  it.each([
    ['data', "Volume definition 'data' not in right format"],
    ['', "Volume definition '' not in right format"],
    ['/host:data', "Volume definition '/host:data' not in right format"],
    ['a:b', "Volume definition 'a:b' not in right format"],
    [':/data', "Volume definition ':/data' not in right format"],
    ['/a::/b', "Volume definition '/a::/b' not in right format"],
  ])('%j → %s', (value, error) => {
    expect(parseVolume(value)).toEqual({ ok: false, error });
  });

  it('formats back to the same text', () => {
    for (const text of ['/data', '/host:/data', '/host:/data:ro', '/host:/data:ro:z', 'v:/data', 'v:/data:rw']) {
      const parsed = parseVolume(text);
      expect(parsed.ok && formatVolume(parsed.value)).toBe(text);
    }
  });
});

describe('stateful services', () => {
  it.each<[boolean, string[], string[], string | null]>([
    [true, [], ['/data'], 'Adding a non-named volume is not supported to a stateful service'],
    [true, ['/data'], ['/data'], null],
    [true, [], ['v:/data'], null],
    // The master only looks for a ':', so a bind mount passes.
    [true, [], ['/host:/data'], null],
    [false, [], ['/data'], null],
  ])('stateful=%s, %j → %j: %j', (stateful, current, next, error) => {
    expect(statefulVolumesError(stateful, current, next)).toBe(error);
  });

  it('refuses volumes_from on a stateful service', () => {
    expect(statefulVolumesFromError(true, ['data-%s'])).toBe('Cannot combine stateful & volumes_from');
    expect(statefulVolumesFromError(true, [])).toBeNull();
    expect(statefulVolumesFromError(false, ['data-%s'])).toBeNull();
  });
});

describe('parseVolumesFrom', () => {
  it.each([
    ['data-%s', { ok: true, value: 'data-%s' }],
    [' data-1 ', { ok: true, value: 'data-1' }],
    ['', { ok: false, error: "Volumes from can't be blank" }],
    ['a b', { ok: false, error: "Invalid volumes-from value 'a b': a container name has no spaces" }],
  ])('%j → %j', (value, result) => {
    expect(parseVolumesFrom(value)).toEqual(result);
  });
});
