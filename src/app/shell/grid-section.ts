import {
  formatAuditPath,
  formatNodesPath,
  formatOverviewPath,
  formatStackInstallPath,
  formatStacksPath,
  formatVolumesPath,
} from '../../lib/format-grid-paths';
import { formatGridLogsPath, formatServicesPath } from '../../lib/format-path';
import { formatSecretsPath } from '../../lib/format-secrets-path';

/**
 * Where the grid picker goes: the same section of the other grid. A page of one thing
 * (a node, a service, a stack's logs) has no twin in another grid, so it goes to that
 * section's list; a page outside a grid, or one of no known section, to the overview.
 */
export function sameSectionPath(pathname: string, nextGrid: string): string {
  const match = /^\/grids\/[^/]+(?:\/([^/?#]+))?/.exec(pathname);
  switch (match?.[1]) {
    case 'services':
      return formatServicesPath(nextGrid);
    case 'nodes':
      return formatNodesPath(nextGrid);
    case 'audit':
      return formatAuditPath(nextGrid);
    case 'secrets':
      return formatSecretsPath(nextGrid);
    case 'logs':
      return formatGridLogsPath(nextGrid);
    // A stack (its page, its logs) has no twin in another grid: the stacks list is the nearest page.
    case 'stacks':
      return formatStacksPath(nextGrid);
    // An install carries on in the other grid; an upgrade names a stack of this one, so it does not.
    case 'install-stack':
      return formatStackInstallPath(nextGrid);
    case 'volumes':
      return formatVolumesPath(nextGrid);
    default:
      return formatOverviewPath(nextGrid);
  }
}
