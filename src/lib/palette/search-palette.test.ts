import { describe, expect, it } from 'vitest';
import type { PaletteItem, PaletteKind } from './palette-item';
import { buildIndex } from './search-index';
import { DEFAULT_GROUP_LIMIT, type PaletteGroup, queryWords, searchPalette, type SearchOptions } from './search-palette';

function item(id: string, kind: PaletteKind, title: string, grid: string | null = 'prod', keywords: string[] = []): PaletteItem {
  return { id, kind, grid, title, keywords };
}

function service(grid: string, stack: string, name: string, image = 'nginx:1.25'): PaletteItem {
  return { id: `service:${grid}/${stack}/${name}`, kind: 'service', grid, title: name, keywords: [`${stack}/${name}`, stack, image] };
}

function search(items: PaletteItem[], query: string, options?: SearchOptions): PaletteGroup[] {
  return searchPalette(buildIndex(items), query, options);
}

/** The ids found, group by group, in order. */
function ids(groups: PaletteGroup[]): string[] {
  return groups.flatMap((g) => g.results.map((r) => r.item.id));
}

describe('queryWords', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['Prod  Web', ['prod', 'web']],
    ['web web', ['web']],
  ])('%j → %j', (query, words) => {
    expect(queryWords(query)).toEqual(words);
  });
});

describe('ranking tiers', () => {
  const items = [
    item('fuzzy', 'service', 'w-x-e-y-b'),
    item('substring', 'service', 'cobwebs'),
    item('word-start', 'service', 'old-web-ui'),
    item('prefix', 'service', 'webhooks'),
    item('exact', 'service', 'web'),
    item('none', 'service', 'database'),
  ];

  it('ranks exact > prefix > word start > substring > subsequence and drops non-matches', () => {
    expect(ids(search(items, 'web'))).toEqual(['exact', 'prefix', 'word-start', 'substring', 'fuzzy']);
  });

  it.each([
    ['WEB', 'exact'],
    ['Web', 'exact'],
    ['HOOKS', 'prefix'],
  ])('is case-insensitive: %j finds %j first', (query, first) => {
    expect(ids(search(items, query))[0]).toBe(first);
  });

  it.each([
    // a keyword match ranks below the same match on a title…
    [[item('kw', 'service', 'zzz', 'prod', ['web']), item('title', 'service', 'web')], 'web', ['title', 'kw']],
    // …but an exact keyword beats a title prefix
    [[item('prefix', 'service', 'webhooks'), item('kw', 'service', 'zzz', 'prod', ['web'])], 'web', ['kw', 'prefix']],
  ])('keywords: %#', (list, query, expected) => {
    expect(ids(search(list, query))).toEqual(expected);
  });

  it('finds a service by name, stack/name, stack and image', () => {
    const items = [service('prod', 'shop', 'api', 'registry.local/shop/api:2')];
    for (const query of ['api', 'shop/api', 'shop', 'registry.local']) expect(ids(search(items, query)), query).toHaveLength(1);
  });

  it('does not subsequence-match keywords (a long image would match almost anything)', () => {
    expect(ids(search([item('s', 'service', 'zzz', 'prod', ['registry.example.com/team/app'])], 'rgtm'))).toEqual([]);
  });
});

describe('highlight ranges', () => {
  it.each<[string, string, [number, number][]]>([
    ['Web', 'web', [[0, 3]]],
    ['Old-Web-UI', 'web', [[4, 7]]],
    [
      'web-api',
      'wapi',
      [
        [0, 1],
        [4, 7],
      ],
    ],
    [
      'web-api',
      'api web',
      [
        [0, 3],
        [4, 7],
      ],
    ],
    ['web-api', 'we web', [[0, 3]]],
  ])('title %j, query %j → %j', (title, query, ranges) => {
    expect(search([item('a', 'service', title)], query)[0]?.results[0]?.ranges).toEqual(ranges);
  });

  it('highlights nothing for a word matched only by a keyword or the grid', () => {
    const groups = search([item('a', 'service', 'zzz', 'prod', ['shop'])], 'prod shop');
    expect(groups[0]?.results[0]?.ranges).toEqual([]);
  });
});

describe('multi-word queries', () => {
  const items = [
    service('prod', 'shop', 'web'),
    service('prod', 'shop', 'api'),
    service('staging', 'shop', 'web'),
    service('staging', 'blog', 'web'),
  ];

  it.each([
    ['prod web', ['service:prod/shop/web']],
    ['web prod', ['service:prod/shop/web']],
    ['shop web', ['service:prod/shop/web', 'service:staging/shop/web']],
    ['staging blog web', ['service:staging/blog/web']],
    ['pro we', ['service:prod/shop/web']], // a grid word may be a prefix
    ['prod nothing', []],
    ['rod web', []], // but not a substring of the grid
  ])('%j → %j', (query, expected) => {
    expect(ids(search(items, query)).sort()).toEqual([...expected].sort());
  });

  it('a grid word alone narrows nothing down to a list: it must come with a word of the item', () => {
    expect(ids(search(items, 'staging'))).toEqual([]);
  });

  it('a grid word also matches an item whose own text holds it', () => {
    const list = [item('logs', 'page', 'Logs of grid prod', 'prod'), item('other', 'page', 'Wall builder', null)];
    expect(ids(search(list, 'prod'))).toEqual(['logs']);
  });
});

describe('tie-breaks', () => {
  it('recent items first, in recents order', () => {
    const items = [item('a', 'service', 'web-a'), item('b', 'service', 'web-b'), item('c', 'service', 'web-c')];
    expect(ids(search(items, 'web', { recents: ['c', 'b'] }))).toEqual(['c', 'b', 'a']);
  });

  it('then the current grid', () => {
    const items = [item('a', 'service', 'web', 'dev'), item('b', 'service', 'web', 'prod'), item('c', 'service', 'web', 'edge')];
    expect(ids(search(items, 'web', { currentGrid: 'prod' }))[0]).toBe('b');
    expect(ids(search(items, 'web', { currentGrid: 'prod', recents: ['c'] }))).toEqual(['c', 'b', 'a']);
  });

  it('then shorter titles, then alphabetical', () => {
    const items = [item('long', 'service', 'web-backend'), item('b', 'service', 'web-b'), item('a', 'service', 'web-a')];
    expect(ids(search(items, 'web'))).toEqual(['a', 'b', 'long']);
  });

  it('never lets a tie-break lift a weaker match', () => {
    const items = [item('recent-fuzzy', 'service', 'w-e-b'), item('prefix', 'service', 'webhooks')];
    expect(ids(search(items, 'web', { recents: ['recent-fuzzy'] }))).toEqual(['prefix', 'recent-fuzzy']);
  });
});

describe('grouping', () => {
  const items = [
    item('page', 'page', 'Deploy history page'),
    item('secret', 'secret', 'deploy-key'),
    item('volume', 'volume', 'deploy-cache'),
    item('node', 'node', 'deploy-node-1'),
    item('stack', 'stack', 'deployer'),
    item('service', 'service', 'deploy-bot'),
    item('action', 'action', 'Deploy', null),
  ];

  it('orders groups actions, services, stacks, nodes, volumes, secrets, pages when the query names an action', () => {
    expect(search(items, 'deploy').map((g) => g.key)).toEqual(['action', 'service', 'stack', 'node', 'volume', 'secret', 'page']);
  });

  it('puts actions last when the query only fuzzily reaches one', () => {
    const list = [item('action', 'action', 'Force deploy', null), item('service', 'service', 'fdp')];
    expect(search(list, 'fdp').map((g) => g.key)).toEqual(['service', 'action']);
  });

  it('leaves out kinds with no match', () => {
    expect(search(items, 'cache').map((g) => g.key)).toEqual(['volume']);
  });

  it.each([
    [3, 10, 3, 7],
    [8, 20, 8, 12],
    [8, 5, 5, 0],
    [0, 4, 0, 4],
  ])('a group limit of %i over %i matches shows %i and counts %i more', (groupLimit, count, shown, more) => {
    const list = Array.from({ length: count }, (_, i) => item(`s${i}`, 'service', `web-${String(i).padStart(2, '0')}`));
    const [group] = search(list, 'web', { groupLimit });
    expect(group?.results).toHaveLength(shown);
    expect(group?.more).toBe(more);
  });

  it('keeps the best of a group, whatever the order of the items', () => {
    const list = [
      ...Array.from({ length: 50 }, (_, i) => item(`f${i}`, 'service', `w-e-b-${i}`)),
      item('exact', 'service', 'web'),
      ...Array.from({ length: 50 }, (_, i) => item(`g${i}`, 'service', `x-w-e-b-${i}`)),
    ];
    const [group] = search(list, 'web', { groupLimit: 3 });
    expect(group?.results[0]?.item.id).toBe('exact');
    expect(group?.more).toBe(98);
  });

  it(`defaults to ${DEFAULT_GROUP_LIMIT} per group`, () => {
    const list = Array.from({ length: DEFAULT_GROUP_LIMIT + 4 }, (_, i) => item(`s${i}`, 'service', `web-${i}`));
    expect(search(list, 'web')[0]?.results).toHaveLength(DEFAULT_GROUP_LIMIT);
    expect(DEFAULT_GROUP_LIMIT).toBe(8);
  });
});

describe('empty query', () => {
  const items = [
    item('wall', 'page', 'Wall builder', null),
    item('logs', 'page', 'Logs of grid prod', 'prod'),
    item('audit', 'page', 'Audit of grid prod', 'prod'),
    item('logs-dev', 'page', 'Logs of grid dev', 'dev'),
    item('svc', 'service', 'web'),
    item('sec', 'secret', 'db-password'),
  ];

  it('shows the recents in order (any kind, gone ones skipped), then the other pages', () => {
    const groups = search(items, '  ', { recents: ['svc', 'gone', 'logs'], currentGrid: 'prod' });
    expect(groups.map((g) => g.key)).toEqual(['recent', 'page']);
    expect(groups[0]?.results.map((r) => r.item.id)).toEqual(['svc', 'logs']);
    // the current grid's pages first, then shorter, then alphabetical; `logs` is not shown twice
    expect(groups[1]?.results.map((r) => r.item.id)).toEqual(['audit', 'wall', 'logs-dev']);
  });

  it('shows only pages when there are no recents', () => {
    expect(search(items, '').map((g) => g.key)).toEqual(['page']);
  });

  it('caps both groups (a recent page past the cap is listed with the pages)', () => {
    const groups = search(items, '', { recents: ['svc', 'sec', 'wall'], groupLimit: 2 });
    expect(groups.map((g) => [g.key, g.results.length, g.more])).toEqual([
      ['recent', 2, 1],
      ['page', 2, 2],
    ]);
  });
});

describe('secrets', () => {
  const secret: PaletteItem = {
    id: 'secret:prod/DB_PASSWORD',
    kind: 'secret',
    grid: 'prod',
    title: 'DB_PASSWORD',
    subtitle: 'hunter2-subtitle',
    keywords: ['hunter2', 'postgres'],
    path: '/grids/prod/secrets',
  };

  it.each(['hunter2', 'hunter', 'postgres', 'subtitle', 'prod', 'grids'])('are not found by %j', (query) => {
    expect(ids(search([secret], query))).toEqual([]);
  });

  it.each(['db_password', 'password', 'DB', 'dbpw', 'prod password'])('are found by their name: %j', (query) => {
    expect(ids(search([secret], query))).toEqual([secret.id]);
  });
});
