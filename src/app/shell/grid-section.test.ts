import { describe, expect, it } from 'vitest';
import { sameSectionPath } from './grid-section';

describe('sameSectionPath: the grid picker keeps the section', () => {
  it.each([
    ['/grids/production', '/grids/staging'],
    ['/grids/production/', '/grids/staging'],
    ['/grids/production/services', '/grids/staging/services'],
    ['/grids/production/services/new', '/grids/staging/services'],
    ['/grids/production/services/shop/api/instances', '/grids/staging/services'],
    ['/grids/production/nodes', '/grids/staging/nodes'],
    ['/grids/production/nodes/node-1', '/grids/staging/nodes'],
    ['/grids/production/audit', '/grids/staging/audit'],
    ['/grids/production/secrets', '/grids/staging/secrets'],
    ['/grids/production/logs', '/grids/staging/logs'],
    ['/grids/production/stacks/shop/logs', '/grids/staging/stacks'],
    ['/grids/production/stacks/shop', '/grids/staging/stacks'],
    ['/grids/production/stacks', '/grids/staging/stacks'],
    ['/grids/production/install-stack?upgrade=shop', '/grids/staging/install-stack'],
    ['/grids/production/volumes', '/grids/staging/volumes'],
    ['/grids/production/no-such-section', '/grids/staging'],
    ['/wall-builder', '/grids/staging'],
    ['/no/such/page', '/grids/staging'],
  ])('%s → %s', (from, to) => {
    expect(sameSectionPath(from, 'staging')).toBe(to);
  });

  it('encodes the grid name as one segment', () => {
    expect(sameSectionPath('/grids/a/nodes', 'b c/d')).toBe('/grids/b%20c%2Fd/nodes');
  });
});
