/**
 * Flattens what the token sees (grids, and each grid's services, stacks, nodes, secrets
 * and volumes as far as they have loaded) into the palette's items, with where each goes.
 */
import type { Grid } from '../../../api/schemas/grid';
import type { Node } from '../../../api/schemas/node';
import type { Secret } from '../../../api/schemas/secret';
import type { Service } from '../../../api/schemas/service';
import type { Stack } from '../../../api/schemas/stack';
import type { Volume } from '../../../api/volumes';
import { refOfService } from '../../../api/service-ref';
import type { PaletteItem } from '../../../lib/palette/palette-item';
import {
  formatAuditPath,
  formatNodePath,
  formatNodesPath,
  formatOverviewPath,
  formatStackInstallPath,
  formatStackPath,
  formatStacksPath,
  formatVolumesPath,
} from '../../../lib/format-grid-paths';
import { formatGridLogsPath, formatServicePath, formatServicesPath } from '../../../lib/format-path';
import { formatSecretsPath } from '../../../lib/format-secrets-path';

/** One grid's lists; a list not loaded (yet, or refused) is undefined. */
export interface GridLists {
  grid: string;
  services?: readonly Service[];
  stacks?: readonly Stack[];
  nodes?: readonly Node[];
  secrets?: readonly Secret[];
  volumes?: readonly Volume[];
}

const GRID_PAGES: readonly [title: string, path: (grid: string) => string, keywords: string[]][] = [
  ['Overview', formatOverviewPath, ['grid', 'home', 'dashboard']],
  ['Services', formatServicesPath, []],
  ['Stacks', formatStacksPath, []],
  ['Nodes', (grid) => formatNodesPath(grid), ['hosts']],
  ['Volumes', formatVolumesPath, []],
  ['Secrets', formatSecretsPath, ['vault']],
  ['Logs', formatGridLogsPath, []],
  ['Audit', (grid) => formatAuditPath(grid), ['audit log', 'history']],
  ['Install a stack', (grid) => formatStackInstallPath(grid), ['kontena.yml', 'deploy']],
];

function gridPages(grid: string): PaletteItem[] {
  return GRID_PAGES.map(([title, path, keywords]) => ({
    id: `page:${grid}:${title.toLowerCase()}`,
    kind: 'page',
    grid,
    title,
    keywords,
    path: path(grid),
  }));
}

function serviceItem(grid: string, service: Service): PaletteItem {
  const ref = { ...refOfService(service), grid };
  const instances = `${service.instances} ${service.instances === 1 ? 'instance' : 'instances'}`;
  return {
    id: `service:${grid}/${ref.stack}/${ref.name}`,
    kind: 'service',
    grid,
    title: service.name,
    subtitle: `${ref.stack === 'null' ? '' : `${ref.stack} · `}${service.state} · ${instances}`,
    keywords: [`${ref.stack}/${ref.name}`, ref.stack, service.image],
    path: formatServicePath(ref),
  };
}

export function buildPaletteItems(grids: readonly Grid[], lists: readonly GridLists[]): PaletteItem[] {
  const items: PaletteItem[] = [
    { id: 'page:wall-builder', kind: 'page', grid: null, title: 'Wall builder', keywords: ['wall', 'monitor'], path: '/wall-builder' },
  ];
  for (const { name } of grids) items.push(...gridPages(name));
  for (const { grid, services, stacks, nodes, secrets, volumes } of lists) {
    for (const service of services ?? []) items.push(serviceItem(grid, service));
    for (const stack of stacks ?? []) {
      items.push({
        id: `stack:${grid}/${stack.name}`,
        kind: 'stack',
        grid,
        title: stack.name,
        subtitle: [stack.stack, stack.state].filter((part) => part !== null && part !== '').join(' · '),
        keywords: stack.stack === null ? [] : [stack.stack],
        path: formatStackPath(grid, stack.name),
      });
    }
    for (const node of nodes ?? []) {
      if (node.name === null) continue;
      items.push({
        id: `node:${grid}/${node.name}`,
        kind: 'node',
        grid,
        title: node.name,
        subtitle: node.connected ? 'connected' : 'disconnected',
        keywords: [],
        path: formatNodePath(grid, node.name),
      });
    }
    // A secret by its name only: nothing of its value or use is put into the palette.
    for (const secret of secrets ?? []) {
      items.push({
        id: `secret:${grid}/${secret.name}`,
        kind: 'secret',
        grid,
        title: secret.name,
        keywords: [],
        path: formatSecretsPath(grid),
      });
    }
    for (const volume of volumes ?? []) {
      items.push({
        id: `volume:${grid}/${volume.name}`,
        kind: 'volume',
        grid,
        title: volume.name,
        subtitle: `${volume.scope} · ${volume.driver}`,
        keywords: [volume.driver],
        path: formatVolumesPath(grid),
      });
    }
  }
  return items;
}
