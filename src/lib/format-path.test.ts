import { describe, expect, it } from 'vitest';
import { formatGridLogsPath, formatServicePath, formatServicesPath, formatStackLogsPath } from './format-path';

describe('app paths', () => {
  it.each([
    [{ grid: 'production', stack: 'null', name: 'web' }, '/grids/production/services/null/web'],
    [{ grid: 'production', stack: 'shop', name: 'api' }, '/grids/production/services/shop/api'],
    [{ grid: 'a b', stack: 's/x', name: 'n?' }, '/grids/a%20b/services/s%2Fx/n%3F'],
  ])('%o → %s', (ref, path) => {
    expect(formatServicePath(ref)).toBe(path);
  });

  it('builds the services list path of a grid', () => {
    expect(formatServicesPath('terminal-a')).toBe('/grids/terminal-a/services');
  });

  it('builds the grid-wide and stack-wide log paths, each name one segment', () => {
    expect(formatGridLogsPath('production')).toBe('/grids/production/logs');
    expect(formatStackLogsPath('production', 'shop')).toBe('/grids/production/stacks/shop/logs');
    expect(formatStackLogsPath('a b', 's/x')).toBe('/grids/a%20b/stacks/s%2Fx/logs');
  });
});
