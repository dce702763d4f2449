/** The node page's chart windows, and the URL's `window` (1h when absent or unknown). */
export const NODE_WINDOWS = { '1h': 3_600_000, '6h': 6 * 3_600_000, '24h': 24 * 3_600_000 } as const;
export type NodeWindow = keyof typeof NODE_WINDOWS;

export function parseNodeWindow(value: string | null): NodeWindow {
  return value === '6h' || value === '24h' ? value : '1h';
}
