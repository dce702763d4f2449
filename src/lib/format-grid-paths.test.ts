import { describe, expect, it } from 'vitest';
import {
  formatAuditPath,
  formatNodePath,
  formatNodesPath,
  formatOverviewPath,
  formatStackInstallPath,
  formatStackPath,
  formatStacksPath,
  formatVolumesPath,
} from './format-grid-paths';

describe('grid page paths', () => {
  it('encode each name as one segment', () => {
    expect(formatOverviewPath('prod/eu')).toBe('/grids/prod%2Feu');
    expect(formatNodesPath('production', '?sort=cpu')).toBe('/grids/production/nodes?sort=cpu');
    expect(formatNodePath('production', 'node 1')).toBe('/grids/production/nodes/node%201');
    expect(formatAuditPath('production')).toBe('/grids/production/audit');
    expect(formatStacksPath('production')).toBe('/grids/production/stacks');
    expect(formatStackPath('production', 'blog')).toBe('/grids/production/stacks/blog');
    expect(formatStackInstallPath('production')).toBe('/grids/production/install-stack');
    expect(formatStackInstallPath('production', 'blog')).toBe('/grids/production/install-stack?upgrade=blog');
    expect(formatVolumesPath('production')).toBe('/grids/production/volumes');
  });
});
