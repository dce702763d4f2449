/** Vault secrets (docs/kontena-api.md §4.9). */
import type { SimContext } from '../context';
import { auditOf } from '../model/audit';
import { empty, json, notFound, unprocessable } from '../http';
import type { GridRecord, SecretRecord } from '../model/types';
import { isoZ } from '../model/time';
import type { Router } from '../router';
import { boolean, runHash, string, stringValue } from '../validation/filters';
import { NAME_PATTERN } from '../validation/service-inputs';
import { loadGrid } from './helpers';

function secretWithValue(grid: GridRecord, s: SecretRecord): Record<string, unknown> {
  return { id: `${grid.name}/${s.name}`, name: s.name, created_at: isoZ(s.createdAt), value: s.value };
}

/** A secret change bumps updated_at of its services, so the scheduler redeploys them. */
function touchUsers(ctx: SimContext, grid: GridRecord, name: string): void {
  const now = ctx.clock.now();
  for (const service of grid.services.values()) {
    if (service.secrets.some((ref) => ref.secret === name)) service.updatedAt = now;
  }
}

const createSpec = { required: { name: string({ matches: NAME_PATTERN }), value: string() } };
const updateSpec = { required: { value: string() }, optional: { upsert: boolean(), name: string({ matches: NAME_PATTERN }) } };

function create(ctx: SimContext, grid: GridRecord, name: string, value: string): SecretRecord {
  const now = ctx.clock.now();
  const secret: SecretRecord = { id: ctx.store.ids.objectId(now), name, value, createdAt: now, updatedAt: now };
  grid.secrets.set(name, secret);
  touchUsers(ctx, grid, name);
  return secret;
}

export function secretRoutes(router: Router): void {
  router.get('/v1/grids/:grid/secrets', ({ auth, params }, ctx) => {
    const grid = loadGrid(ctx, auth, params.grid ?? '');
    const secrets = [...grid.secrets.values()].map((s) => ({
      id: `${grid.name}/${s.name}`,
      name: s.name,
      created_at: isoZ(s.createdAt),
      updated_at: isoZ(s.updatedAt),
    }));
    return json(200, { secrets });
  });

  router.post('/v1/grids/:grid/secrets', async (req, ctx) => {
    const grid = loadGrid(ctx, req.auth, req.params.grid ?? '');
    const result = runHash(createSpec, await req.json(), true);
    if (result.errors) throw unprocessable(result.errors);
    const name = stringValue(result.value.name);
    if (grid.secrets.has(name)) throw unprocessable({ name: 'is already taken' });
    const secret = create(ctx, grid, name, stringValue(result.value.value));
    req.audit(auditOf.secret(grid, secret, 'create'));
    return json(201, secretWithValue(grid, secret));
  });

  router.get('/v1/secrets/:grid/:secret', ({ auth, params, audit }, ctx) => {
    const grid = loadGrid(ctx, auth, params.grid ?? '');
    const secret = grid.secrets.get(params.secret ?? '');
    if (!secret) throw notFound();
    audit(auditOf.secret(grid, secret, 'show'));
    return json(200, secretWithValue(grid, secret));
  });

  router.put('/v1/secrets/:grid/:secret', async (req, ctx) => {
    const grid = loadGrid(ctx, req.auth, req.params.grid ?? '');
    const result = runHash(updateSpec, await req.json(), true);
    if (result.errors) throw unprocessable(result.errors);
    const value = stringValue(result.value.value);
    const existing = grid.secrets.get(req.params.secret ?? '');
    if (existing) {
      if (existing.value !== value) {
        existing.value = value;
        existing.updatedAt = ctx.clock.now();
        touchUsers(ctx, grid, existing.name);
      }
      req.audit(auditOf.secret(grid, existing, 'update'));
      return json(200, secretWithValue(grid, existing));
    }
    if (result.value.upsert !== true) return empty(404);
    const name = result.value.name === undefined ? (req.params.secret ?? '') : stringValue(result.value.name);
    if (grid.secrets.has(name)) throw unprocessable({ name: 'is already taken' });
    const secret = create(ctx, grid, name, value);
    req.audit(auditOf.secret(grid, secret, 'create'));
    return json(201, secretWithValue(grid, secret));
  });

  router.delete('/v1/secrets/:grid/:secret', ({ auth, params, audit }, ctx) => {
    const grid = loadGrid(ctx, auth, params.grid ?? '');
    const secret = grid.secrets.get(params.secret ?? '');
    if (!secret || !grid.secrets.delete(secret.name)) throw notFound();
    audit(auditOf.secret(grid, secret, 'delete'));
    return json(200, {});
  });
}
