// Who mounts a grid volume, and the docker volume names per scope (docs/kontena-api-grid.md G4).
import { describe, expect, it } from 'vitest';
import type { Service } from '../../api/schemas/service';
import { dockerVolumeNames, volumeUsage } from './volume-usage';

function service(name: string, stack: string, volumes: string[], instances = 2, total = 2): Service {
  // Only the fields the helpers read; the rest of ServiceJson does not matter here.
  return {
    id: `g/${stack}/${name}`,
    name,
    stack: { id: `g/${stack}`, name: stack },
    grid: { id: 'g' },
    volumes,
    instances,
    strategy: 'ha',
    instance_counts: { total, running: total },
  } as unknown as Service;
}

describe('volumeUsage', () => {
  it('finds named volumes only, with their mount paths and flags', () => {
    const db = service('db', 'shop', ['data:/var/lib/db:ro', '/tmp', '/host:/host', 'logs:/logs']);
    const cache = service('cache', 'null', ['data:/data']);
    const usage = volumeUsage([db, cache]);
    expect(usage.get('data')).toEqual([
      { service: db, mounts: ['/var/lib/db:ro'] },
      { service: cache, mounts: ['/data'] },
    ]);
    expect(usage.get('logs')).toEqual([{ service: db, mounts: ['/logs'] }]);
    expect([...usage.keys()].sort()).toEqual(['data', 'logs']);
  });
});

describe('dockerVolumeNames', () => {
  it.each([
    ['instance', service('redis', 'null', [], 2, 2), { names: ['redis.data-1', 'redis.data-2'], more: 0 }],
    [
      'instance',
      service('redis', 'mystack', [], 5, 5),
      { names: ['mystack.redis.data-1', 'mystack.redis.data-2', 'mystack.redis.data-3'], more: 2 },
    ],
    ['instance', service('redis', 'mystack', [], 0, 0), { names: [], more: 0 }],
    ['stack', service('redis', 'mystack', []), { names: ['mystack.data'], more: 0 }],
    ['grid', service('redis', 'mystack', []), { names: ['data'], more: 0 }],
  ])('scope %s', (scope, svc, expected) => {
    expect(dockerVolumeNames('data', scope, svc)).toEqual(expected);
  });
});
