/** The grid's vault secrets page: `/grids/:grid/secrets` (the grid name as one encoded segment). */
export function formatSecretsPath(grid: string): string {
  return `/grids/${encodeURIComponent(grid)}/secrets`;
}
