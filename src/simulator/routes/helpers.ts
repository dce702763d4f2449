/** Lookups every resource route starts with (load_grid, load service, …). */
import type { AuthInfo } from '../auth';
import type { SimContext } from '../context';
import { HttpError, notFound } from '../http';
import { findService, userCanSeeGrid } from '../model/store';
import type { GridRecord, ServiceRecord, StackRecord, UserRecord } from '../model/types';

/** The signed-in caller; only the soft-auth paths (/v1/nodes/*, /oauth2/authorize) get here without a token. */
export function requireAuth(auth: AuthInfo | null): AuthInfo {
  if (!auth) throw new HttpError(403, { error: 'invalid_token', error_description: 'Invalid token' });
  return auth;
}

export function requireUser(auth: AuthInfo | null): UserRecord {
  return requireAuth(auth).user;
}

export function loadGrid(ctx: SimContext, auth: AuthInfo | null, name: string): GridRecord {
  const user = requireUser(auth);
  const grid = ctx.store.grids.get(name);
  if (!grid) throw notFound();
  if (!userCanSeeGrid(user, grid)) throw new HttpError(403, { error: 'Access denied' });
  return grid;
}

/** `/v1/stacks/G/S…`: an unknown stack is a 404 with an empty object. */
export function loadStack(ctx: SimContext, auth: AuthInfo | null, params: Record<string, string>): StackRecord {
  const grid = loadGrid(ctx, auth, params.grid ?? '');
  const stack = grid.stacks.get(params.stack ?? '');
  if (!stack) throw new HttpError(404, {});
  return stack;
}

export function loadService(ctx: SimContext, auth: AuthInfo | null, params: Record<string, string>): ServiceRecord {
  const grid = loadGrid(ctx, auth, params.grid ?? '');
  const service = findService(grid, params.stack ?? '', params.name ?? '');
  if (!service) throw notFound();
  return service;
}

/** Ruby `String#to_i`: leading integer or 0. */
export function toI(text: string | null): number {
  if (text === null) return 0;
  const m = /^\s*[-+]?\d+/.exec(text);
  return m ? Number.parseInt(m[0], 10) : 0;
}
