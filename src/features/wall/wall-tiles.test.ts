import { describe, expect, it } from 'vitest';
import { serviceJson } from '../../../test/app/fixtures';
import type { ServiceSpec } from '../../../test/app/fixtures';
import type { DeployStatus } from '../../api/grid-deploy-events';
import type { Service } from '../../api/schemas/service';
import { healthFromInstances } from '../../lib/service-health';
import { orderTiles, serviceProblems, summarize, tileMatches, toWallTile, withReportedHealth } from './wall-tiles';

function service(spec: Omit<ServiceSpec, 'grid'> & { grid?: string; health?: [number, number]; strategy?: Service['strategy'] }): Service {
  const s = serviceJson({ grid: 'production', ...spec });
  return {
    ...s,
    ...(spec.strategy ? { strategy: spec.strategy } : {}),
    ...(spec.health ? { health_status: { healthy: spec.health[0], total: spec.health[1] } } : {}),
  };
}

const failed: DeployStatus = { inProgress: false, failed: { reason: 'Cannot find applicable node', atMs: 1 } };
const deploying: DeployStatus = { inProgress: true, failed: null };

describe('problems of a service', () => {
  it('makes a problem of instances that reported unhealthy on a tile, never of pending ones', () => {
    const svc = service({ name: 'a', instances: 3, running: 3, health: [0, 3] });
    const reported = (healthy: number, unhealthy: number, pending: number) =>
      healthFromInstances(true, [
        ...Array.from({ length: healthy }, () => ({ health_status: { status: 'healthy' as const } })),
        ...Array.from({ length: unhealthy }, () => ({ health_status: { status: 'unhealthy' as const } })),
        ...Array.from({ length: pending }, () => ({})),
      ]);
    // A tile from the list, then told by its instances (the rules themselves: lib/service-problems.test).
    const tile = toWallTile(svc, undefined);
    expect([tile.tone, tile.problems]).toEqual(['ok', []]);
    expect(withReportedHealth(tile, tile.health)).toBe(tile);
    const pending = withReportedHealth(tile, reported(0, 0, 3));
    expect([pending.tone, pending.problems]).toEqual(['ok', []]);
    const unhealthy = withReportedHealth(tile, reported(0, 3, 0));
    expect([unhealthy.tone, unhealthy.problems.map((p) => p.kind)]).toEqual(['danger', ['unhealthy']]);
  });

  it('says what is wrong in words, not only by colour', () => {
    const tile = toWallTile(service({ name: 'web', instances: 3, running: 1 }), undefined);
    expect(tile.problems[0]).toMatchObject({ title: 'Degraded', detail: '1 of 3 running', tone: 'warn' });
    expect(toWallTile(service({ name: 'db', instances: 2, running: 0 }), undefined).problems[0]).toMatchObject({
      title: 'Down',
      detail: '0 of 2 running',
      tone: 'danger',
    });
    expect(toWallTile(service({ name: 'x', instances: 1, running: 1 }), failed).problems[0]?.detail).toBe('Cannot find applicable node');
    // The counts are on the tile's next line: a stopped tile only says more when something still runs.
    expect(serviceProblems(service({ name: 's', state: 'stopped', instances: 2, running: 0 }), undefined)).toEqual([
      { kind: 'stopped', tone: 'warn', title: 'Stopped', detail: '' },
    ]);
  });
});

describe('wall order', () => {
  const tiles = [
    toWallTile(service({ name: 'alpha', instances: 1, running: 1 }), undefined),
    toWallTile(service({ name: 'cron', state: 'initialized', instances: 1, running: 0 }), undefined),
    toWallTile(service({ name: 'web', instances: 3, running: 2 }), undefined),
    toWallTile(service({ name: 'beta', instances: 1, running: 1 }), deploying),
    toWallTile(service({ name: 'worker', state: 'stopped', instances: 2, running: 0 }), undefined),
    toWallTile(service({ name: 'db', instances: 2, running: 0 }), undefined),
    toWallTile(
      service({ name: 'api', stack: 'shop', instances: 2, running: 2, health: [0, 2] }),
      undefined,
      healthFromInstances(true, [{ health_status: { status: 'unhealthy' } }, { health_status: { status: 'unhealthy' } }]),
    ),
    toWallTile(service({ name: 'pay', instances: 1, running: 1 }), failed),
    toWallTile(service({ name: 'zeta', instances: 1, running: 1 }), undefined),
  ];

  it('puts problems first, worst first, then deploys, the healthy, and the never deployed', () => {
    expect(orderTiles(tiles).map((t) => t.label)).toEqual(['db', 'pay', 'shop/api', 'web', 'worker', 'beta', 'alpha', 'zeta', 'cron']);
  });

  it('does not depend on the order the master listed them in', () => {
    const reversed = orderTiles([...tiles].reverse()).map((t) => t.id);
    expect(reversed).toEqual(orderTiles(tiles).map((t) => t.id));
  });

  it('moves a service that stops in front of every service without a problem', () => {
    const before = orderTiles(tiles).map((t) => t.label);
    expect(before.indexOf('zeta')).toBeGreaterThan(before.indexOf('beta'));
    const stopped = tiles.map((t) =>
      t.label === 'zeta' ? toWallTile(service({ name: 'zeta', state: 'stopped', instances: 1, running: 0 }), undefined) : t,
    );
    const after = orderTiles(stopped).map((t) => t.label);
    expect(after.indexOf('zeta')).toBeLessThan(after.indexOf('beta'));
    expect(after.slice(0, 6)).toEqual(['db', 'pay', 'shop/api', 'web', 'worker', 'zeta']);
  });

  it('ranks services with more problems first among equals, and sorts grids together', () => {
    const a = toWallTile(service({ name: 'a', instances: 2, running: 0 }), undefined);
    const b = toWallTile(service({ name: 'b', instances: 2, running: 0 }), failed);
    const c = toWallTile(service({ grid: 'staging', name: 'a', instances: 2, running: 0 }), undefined);
    expect(orderTiles([c, a, b]).map((t) => t.id)).toEqual(['production/null/b', 'production/null/a', 'staging/null/a']);
  });

  it('counts problems for the header', () => {
    expect(summarize(tiles)).toEqual({ total: 9, problems: 5, danger: 3, deploying: 1 });
  });
});

describe('selection from the URL', () => {
  it('keeps services of the listed stacks whose stack/name contains the filter', () => {
    const api = service({ name: 'api', stack: 'shop' });
    const web = service({ name: 'web' });
    expect(tileMatches(api, { stacks: [], filter: '' })).toBe(true);
    expect(tileMatches(api, { stacks: ['null'], filter: '' })).toBe(false);
    expect(tileMatches(web, { stacks: ['null'], filter: '' })).toBe(true);
    expect(tileMatches(api, { stacks: [], filter: 'shop/a' })).toBe(true);
    expect(tileMatches(web, { stacks: [], filter: 'api' })).toBe(false);
  });
});
