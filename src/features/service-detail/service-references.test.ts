import { describe, expect, it } from 'vitest';
import { serviceJson } from '../../../test/app/fixtures';
import { linkTargetLabel, linkTargetName, linksBody, secretsBody } from '../../api/service-links';
import { envKeyCounts, servicesLinkingTo, sortEnvLikeCli } from './service-references';

describe('env list', () => {
  it('sorts like the CLI and keeps repeated keys', () => {
    expect(sortEnvLikeCli(['b=1', 'A=2', 'a=0', 'B=x', 'B=a'])).toEqual(['A=2', 'B=a', 'B=x', 'a=0', 'b=1']);
  });
  it('counts the entries a remove deletes', () => {
    expect(envKeyCounts(['FOO=1', 'BAR=2', 'FOO=3', 'FOO'])).toEqual(
      new Map([
        ['FOO', 3],
        ['BAR', 1],
      ]),
    );
  });
});

describe('link targets in messages', () => {
  it.each([
    ['null/redis', 'redis'],
    ['shop/postgres', 'shop/postgres'],
    ['production/null/redis', 'redis'],
    ['production/shop/postgres', 'shop/postgres'],
    ['redis', 'redis'],
    ['a/b/c/d', 'a/b/c/d'],
    ['null/', 'null/'],
  ])('%s reads %s', (target, label) => {
    expect(linkTargetLabel(target)).toBe(label);
  });
});

describe('links', () => {
  it('names each link S/N from its id, so cross-stack links survive a rewrite', () => {
    const links = [
      { id: 'prod/null/redis', alias: 'redis', name: 'redis' },
      { id: 'prod/shop/postgres', alias: 'db', name: 'postgres' },
    ];
    expect(linksBody(links)).toEqual([
      { name: 'null/redis', alias: 'redis' },
      { name: 'shop/postgres', alias: 'db' },
    ]);
    expect(linkTargetName({ id: 'odd', name: 'odd' })).toBe('odd');
  });

  it('finds the services that link to one', () => {
    const redis = serviceJson({ grid: 'prod', name: 'redis' });
    const api = { ...serviceJson({ grid: 'prod', name: 'api' }), links: [{ id: 'prod/null/redis', alias: 'cache', name: 'redis' }] };
    const app = {
      ...serviceJson({ grid: 'prod', stack: 'shop', name: 'app' }),
      links: [{ id: 'prod/shop/redis', alias: 'redis', name: 'redis' }],
    };
    expect(servicesLinkingTo([redis, api, app], 'prod/null/redis')).toEqual([{ service: api, alias: 'cache' }]);
  });
});

describe('secrets', () => {
  it('sends only secret, name and type', () => {
    expect(secretsBody([{ secret: 'DB', name: 'PW', type: 'env', extra: 1 } as never])).toEqual([
      { secret: 'DB', name: 'PW', type: 'env' },
    ]);
  });
});
