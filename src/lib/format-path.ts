/**
 * The app's own URLs (docs/architecture.md: view state lives in the URL). Every name is one
 * encoded path segment; valid Kontena names never need it, but a typed URL might.
 */
interface ServiceLocation {
  grid: string;
  /** 'null' for the grid's default stack. */
  stack: string;
  name: string;
}

const seg = encodeURIComponent;

export function formatServicesPath(grid: string): string {
  return `/grids/${seg(grid)}/services`;
}

export function formatServicePath(ref: ServiceLocation): string {
  return `${formatServicesPath(ref.grid)}/${seg(ref.stack)}/${seg(ref.name)}`;
}

/** Every service's logs in a grid: `/grids/:grid/logs`. */
export function formatGridLogsPath(grid: string): string {
  return `/grids/${seg(grid)}/logs`;
}

/** Every service's logs in a stack: `/grids/:grid/stacks/:stack/logs`. */
export function formatStackLogsPath(grid: string, stack: string): string {
  return `/grids/${seg(grid)}/stacks/${seg(stack)}/logs`;
}
