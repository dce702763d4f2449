/** The grid the user looked at last, so "/" and the nav go back to it. */
const KEY = 'kontena-dashboard.last-grid';

export function readLastGrid(): string | null {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

export function rememberGrid(grid: string): void {
  try {
    globalThis.localStorage?.setItem(KEY, grid);
  } catch {
    // storage blocked: "/" falls back to the first grid
  }
}
