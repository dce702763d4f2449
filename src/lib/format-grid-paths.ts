/** Paths of the grid's own pages (each name one encoded segment), beside format-path's services and logs. */
const gridBase = (grid: string): string => `/grids/${encodeURIComponent(grid)}`;

/** The grid overview, the landing page of a grid: `/grids/:grid`. */
export function formatOverviewPath(grid: string): string {
  return gridBase(grid);
}

/** The nodes list, with its view state (sort, filter) as a query string when given. */
export function formatNodesPath(grid: string, search = ''): string {
  return `${gridBase(grid)}/nodes${search}`;
}

export function formatNodePath(grid: string, node: string): string {
  return `${gridBase(grid)}/nodes/${encodeURIComponent(node)}`;
}

/** The audit trail, with its filters as a query string when given. */
export function formatAuditPath(grid: string, search = ''): string {
  return `${gridBase(grid)}/audit${search}`;
}

/** The stacks list. */
export function formatStacksPath(grid: string): string {
  return `${gridBase(grid)}/stacks`;
}

export function formatStackPath(grid: string, stack: string): string {
  return `${gridBase(grid)}/stacks/${encodeURIComponent(stack)}`;
}

/** Install a stack from a kontena.yml, or upgrade `upgrade` with one. */
export function formatStackInstallPath(grid: string, upgrade?: string): string {
  const query = upgrade === undefined ? '' : `?${new URLSearchParams({ upgrade }).toString()}`;
  return `${gridBase(grid)}/install-stack${query}`;
}

export function formatVolumesPath(grid: string): string {
  return `${gridBase(grid)}/volumes`;
}
