import { formatAuditPath, formatNodesPath, formatOverviewPath, formatStacksPath } from '../../../lib/format-grid-paths';
import { formatGridLogsPath, formatServicesPath } from '../../../lib/format-path';

interface GoKey {
  /** The letter typed after `g`. */
  key: string;
  label: string;
  /** The page's path, or null when it needs a grid and there is none. */
  to: (grid: string | null) => string | null;
}

const inGrid =
  (format: (grid: string) => string) =>
  (grid: string | null): string | null =>
    grid === null ? null : format(grid);

/** `g` then a letter: the page-wide jumps, in the order the help lists them. */
export const GO_KEYS: readonly GoKey[] = [
  { key: 'o', label: 'Overview of the grid', to: inGrid(formatOverviewPath) },
  { key: 's', label: 'Services', to: inGrid(formatServicesPath) },
  { key: 't', label: 'Stacks', to: inGrid(formatStacksPath) },
  { key: 'n', label: 'Nodes', to: inGrid(formatNodesPath) },
  { key: 'l', label: 'Logs of the grid', to: inGrid(formatGridLogsPath) },
  { key: 'a', label: 'Audit trail', to: inGrid(formatAuditPath) },
  { key: 'w', label: 'Wall builder', to: () => '/wall-builder' },
];
