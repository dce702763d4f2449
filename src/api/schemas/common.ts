import { z } from './zod-mini';

/**
 * The master writes `Time` fields as `...Z` and `DateTime` fields (deploy times, the
 * metrics timestamp) as `...+00:00` (docs/kontena-api.md §0); both are valid here.
 */
export const timestampSchema = z.iso.datetime({ offset: true });

/** `{id, name}` pairs the master embeds for grids, stacks and services. */
export const idNameSchema = z.looseObject({ id: z.string(), name: z.string() });

/** The `{}` that start/stop/restart/delete/env calls answer with (extra keys pass). */
export const emptyObjectSchema = z.looseObject({});
