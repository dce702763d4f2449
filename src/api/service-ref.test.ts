import { describe, expect, it } from 'vitest';
import { serviceSchema } from './schemas/service';
import { parseServiceId, refOfService, serviceDisplayName, serviceId, servicePath, tryParseServiceId } from './service-ref';
import { serviceJson } from '../../test/api/fixtures';

describe('service refs', () => {
  it('round-trip G/S/N ids', () => {
    const ref = parseServiceId('terminal-a/teststack/redis');
    expect(ref).toEqual({ grid: 'terminal-a', stack: 'teststack', name: 'redis' });
    expect(serviceId(ref)).toBe('terminal-a/teststack/redis');
    expect(tryParseServiceId('terminal-a/redis')).toBeNull();
    expect(tryParseServiceId('a//b')).toBeNull();
    expect(() => parseServiceId('redis')).toThrow(/grid\/stack\/name/);
  });

  it('show the default stack as just the name, others as stack/name', () => {
    expect(serviceDisplayName({ grid: 'g', stack: 'null', name: 'redis' })).toBe('redis');
    expect(serviceDisplayName({ grid: 'g', stack: 'teststack', name: 'redis' })).toBe('teststack/redis');
    const service = serviceSchema.parse(serviceJson());
    expect(serviceDisplayName(service)).toBe('redis');
    expect(refOfService(service)).toEqual({ grid: 'terminal-a', stack: 'null', name: 'redis' });
  });

  it('build paths with each segment encoded and the separators kept', () => {
    expect(servicePath({ grid: 'g', stack: 'null', name: 'web' }, 'container_logs')).toBe('/v1/services/g/null/web/container_logs');
    expect(servicePath({ grid: 'g x', stack: 's/t', name: 'n#1' })).toBe('/v1/services/g%20x/s%2Ft/n%231');
  });
});
