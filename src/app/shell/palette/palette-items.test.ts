import { describe, expect, it } from 'vitest';
import type { Grid } from '../../../api/schemas/grid';
import type { Secret } from '../../../api/schemas/secret';
import type { Service } from '../../../api/schemas/service';
import { buildPaletteItems } from './palette-items';

const grid = (name: string) => ({ name }) as Grid;

describe('buildPaletteItems', () => {
  it('gives every grid its pages, and the wall builder once', () => {
    const items = buildPaletteItems([grid('production'), grid('staging')], []);
    const pages = items.filter((i) => i.grid === 'staging').map((i) => [i.title, i.path]);
    expect(pages).toContainEqual(['Secrets', '/grids/staging/secrets']);
    expect(pages).toContainEqual(['Install a stack', '/grids/staging/install-stack']);
    expect(pages).toContainEqual(['Overview', '/grids/staging']);
    expect(items.filter((i) => i.path === '/wall-builder')).toHaveLength(1);
  });

  it('sends a service to its page and finds it by stack and image', () => {
    const service = {
      id: 'staging/shop/web',
      name: 'web',
      image: 'nginx:1.25',
      instances: 2,
      state: 'running',
      grid: { id: 'staging' },
      stack: { id: 'staging/shop', name: 'shop' },
    } as Service;
    const [item] = buildPaletteItems([], [{ grid: 'staging', services: [service] }]).filter((i) => i.kind === 'service');
    expect(item).toMatchObject({
      id: 'service:staging/shop/web',
      title: 'web',
      subtitle: 'shop · running · 2 instances',
      path: '/grids/staging/services/shop/web',
    });
    expect(item?.keywords).toEqual(['shop/web', 'shop', 'nginx:1.25']);
  });

  it('puts a secret in by its name only', () => {
    const secret = { id: 'x', name: 'DB_PASSWORD', created_at: '', updated_at: '', value: 'hunter2' } as Secret;
    const [item] = buildPaletteItems([], [{ grid: 'production', secrets: [secret] }]).filter((i) => i.kind === 'secret');
    expect(item).toEqual({
      id: 'secret:production/DB_PASSWORD',
      kind: 'secret',
      grid: 'production',
      title: 'DB_PASSWORD',
      keywords: [],
      path: '/grids/production/secrets',
    });
  });
});
