/**
 * `/v1/volumes/G[/V]` (docs/kontena-api-grid.md G4, G0.1): grid volume definitions. This
 * router names the missing grid or volume in its 404 bodies, and writes no audit entry (the
 * real route hands the volume to the audit mutation as its service, which refuses it).
 */
import type { AuthInfo } from '../auth';
import type { SimContext } from '../context';
import { HttpError, empty, json, unprocessable } from '../http';
import { userCanSeeGrid } from '../model/store';
import type { GridRecord, VolumeRecord } from '../model/types';
import type { Router } from '../router';
import { isPlainObject, runHash, string, stringValue, type ErrorMap, type Filter } from '../validation/filters';
import { NAME_PATTERN } from '../validation/service-inputs';
import { volumeJson } from '../views/volume-json';
import { requireUser } from './helpers';

/** `model :driver_opts, class: Hash`: any JSON object, anything else is not the right class. */
const hashModel: Filter = {
  run: (value) =>
    value === null || value === undefined
      ? { ok: false, symbol: 'nils' }
      : isPlainObject(value)
        ? { ok: true, value }
        : { ok: false, symbol: 'model' },
  hasDefault: false,
};

/** Volumes::Create: the mutation's filter order (grid, set by the route, then scope, name, driver). */
const createSpec = {
  required: {
    // Unanchored on the real master (quirk): "gridx" or "my-instance" pass.
    scope: string({ matches: /instance|stack|grid/ }),
    name: string({ matches: NAME_PATTERN }),
    driver: string(),
  },
  optional: { driver_opts: hashModel },
};

function findGrid(ctx: SimContext, auth: AuthInfo | null, name: string): GridRecord {
  const user = requireUser(auth);
  const grid = ctx.store.grids.get(name);
  if (!grid) throw new HttpError(404, { error: `Grid ${name} not found` });
  if (!userCanSeeGrid(user, grid)) throw new HttpError(403, { error: 'Access denied' });
  return grid;
}

function loadVolume(grid: GridRecord, name: string): VolumeRecord {
  const volume = grid.volumes.get(name);
  if (!volume) throw new HttpError(404, { error: `Volume ${name} not found` });
  return volume;
}

/** Whether a service volume string ("V:/path[:flags]") mounts the named grid volume. */
function mounts(spec: string, name: string): boolean {
  const first = spec.split(':')[0] ?? '';
  return !first.startsWith('/') && first === name;
}

/** Volumes::Delete#validate: one error per service that mounts it, keyed by the bare service name. */
function inUseErrors(grid: GridRecord, volume: VolumeRecord): ErrorMap | null {
  const errors: ErrorMap = {};
  for (const service of grid.services.values()) {
    if (service.volumes.some((v) => mounts(v, volume.name))) errors[service.name] = `Volume still in use in service ${service.name}`;
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

export function volumeRoutes(router: Router): void {
  router.get('/v1/volumes/:grid', ({ auth, params }, ctx) => {
    const grid = findGrid(ctx, auth, params.grid ?? '');
    return json(200, { volumes: [...grid.volumes.values()].map((v) => volumeJson(grid, v)) });
  });

  router.get('/v1/volumes/:grid/:volume', ({ auth, params }, ctx) => {
    const grid = findGrid(ctx, auth, params.grid ?? '');
    return json(200, volumeJson(grid, loadVolume(grid, params.volume ?? '')));
  });

  router.post('/v1/volumes/:grid', async (req, ctx) => {
    const grid = findGrid(ctx, req.auth, req.params.grid ?? '');
    const result = runHash(createSpec, await req.json(), true);
    if (result.errors) throw unprocessable(result.errors);
    const name = stringValue(result.value.name);
    if (grid.volumes.has(name)) throw unprocessable({ name: 'Volume with given name already exists' });
    const now = ctx.clock.now();
    const opts = result.value.driver_opts;
    const volume: VolumeRecord = {
      id: ctx.store.ids.objectId(now),
      name,
      scope: stringValue(result.value.scope),
      driver: stringValue(result.value.driver),
      driverOpts: isPlainObject(opts) ? opts : null,
      createdAt: now,
      updatedAt: now,
    };
    grid.volumes.set(name, volume);
    return json(201, volumeJson(grid, volume));
  });

  router.delete('/v1/volumes/:grid/:volume', ({ auth, params }, ctx) => {
    const grid = findGrid(ctx, auth, params.grid ?? '');
    const volume = loadVolume(grid, params.volume ?? '');
    const errors = inUseErrors(grid, volume);
    if (errors) throw unprocessable(errors);
    grid.volumes.delete(volume.name);
    return json(200, {});
  });

  // Roda's `r.on ':grid_name'` loads the grid before any method or deeper path is matched:
  // whatever else is sent below a grid answers its 404/403 first, then the empty 404.
  for (const pattern of ['/v1/volumes/:grid', '/v1/volumes/:grid/:volume', '/v1/volumes/:grid/:volume/:rest']) {
    router.all(pattern, ({ auth, params }, ctx) => {
      findGrid(ctx, auth, params.grid ?? '');
      return empty(404);
    });
  }
}
