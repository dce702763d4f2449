/**
 * What `npm run bench` calls to measure the palette's search: a deterministic set of
 * items shaped like the `large` scenario (5,000 services plus stacks, nodes, secrets,
 * volumes and pages over a few grids) and a fixed list of keystroke-like queries.
 * Performance is measured there, never in tests.
 */
import type { PaletteItem } from './palette-item';
import { buildIndex } from './search-index';
import { searchPalette, type SearchOptions } from './search-palette';

const WORDS = ['web', 'api', 'db', 'redis', 'worker', 'auth', 'billing', 'search', 'cache', 'queue', 'mailer', 'gateway', 'front', 'admin'];
const GRIDS = ['prod', 'staging', 'dev', 'edge'];

/** `services` services and about `others` other items, the same for the same arguments. */
export function syntheticPaletteItems(services: number, others: number): PaletteItem[] {
  const items: PaletteItem[] = [];
  const word = (i: number) => WORDS[i % WORDS.length] as string;
  for (let i = 0; i < services; i++) {
    const grid = GRIDS[i % GRIDS.length] as string;
    const stack = `${word(i * 7)}-stack${i % 50}`;
    const name = `${word(i)}-${word(i * 3 + 1)}-${i}`;
    items.push({
      id: `service:${grid}/${stack}/${name}`,
      kind: 'service',
      grid,
      title: name,
      subtitle: `${stack} · ${grid}`,
      keywords: [`${stack}/${name}`, stack, `registry.example.com/team/${word(i * 5)}:${i % 9}.${i % 4}`],
      path: `/grids/${grid}/services/${stack}/${name}`,
    });
  }
  const kinds = ['stack', 'node', 'secret', 'volume', 'page', 'action'] as const;
  for (let i = 0; i < others; i++) {
    const kind = kinds[i % kinds.length] as (typeof kinds)[number];
    const grid = kind === 'action' ? null : (GRIDS[i % GRIDS.length] as string);
    const title = kind === 'page' ? `Logs of grid ${grid ?? ''} ${i}` : `${word(i)}-${kind}-${i}`;
    items.push({ id: `${kind}:${grid ?? '-'}:${i}`, kind, grid, title, keywords: kind === 'secret' ? [] : [word(i * 11)] });
  }
  return items;
}

/** Queries as typed one key at a time, with a few multi-word and fuzzy ones. */
export const PALETTE_BENCH_QUERIES: readonly string[] = [
  'w',
  'we',
  'web',
  'web-',
  'web-a',
  'web-api',
  'prod web',
  'prod web api',
  'bllng',
  'rdswrk',
  'gateway 12',
  'stack3',
  'registry',
  'logs prod',
  'x',
  'auth-q',
];

/** Builds the index once and runs every query; returns the number of results (so none is optimised away). */
export function runPaletteQueries(items: readonly PaletteItem[], queries: readonly string[], options: SearchOptions = {}): number {
  const index = buildIndex(items);
  let results = 0;
  for (const query of queries) for (const group of searchPalette(index, query, options)) results += group.results.length;
  return results;
}
