/**
 * The one zod entry point of the client. zod/mini's functions tree-shake where the
 * classic method-chaining API does not (it costs ~25 KB gzip on the first route).
 * Mini loads no locale, so every issue would read "Invalid input"; the English one
 * keeps the messages the client puts into its badResponse errors
 * ("grids: Invalid input: expected array, received undefined").
 */
import { z } from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

export { z };
