import { describe, expect, it } from 'vitest';
import { formatAuditPath, formatNodePath, formatNodesPath, formatOverviewPath } from './format-grid-paths';

describe('grid page paths', () => {
  it('encode each name as one segment', () => {
    expect(formatOverviewPath('prod/eu')).toBe('/grids/prod%2Feu');
    expect(formatNodesPath('production', '?sort=cpu')).toBe('/grids/production/nodes?sort=cpu');
    expect(formatNodePath('production', 'node 1')).toBe('/grids/production/nodes/node%201');
    expect(formatAuditPath('production')).toBe('/grids/production/audit');
  });
});
