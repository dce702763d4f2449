/**
 * What the command palette searches: one entry per service, stack, node, secret, volume,
 * page or action, already flattened from the api's shapes by the caller (lib/ may not
 * import api/, so the builders live with the palette feature).
 */

export type PaletteKind = 'service' | 'stack' | 'node' | 'secret' | 'volume' | 'page' | 'action';

export interface PaletteItem {
  /** Unique across every kind and grid: what the recents list stores. */
  id: string;
  kind: PaletteKind;
  /** The grid the item belongs to, or null for items of no grid (global pages, actions). */
  grid: string | null;
  /** What is shown and highlighted, and what ranks first. */
  title: string;
  subtitle?: string;
  /**
   * Other texts the item is found by (a service: `stack/name`, the stack, the image).
   * Ignored for secrets: a secret is found by its name only, so nothing else that a
   * builder might put here can ever be probed through the search box.
   */
  keywords: string[];
  /** Where choosing the item goes, when it is a place. */
  path?: string;
}

/**
 * The fixed order of the groups. Actions lead only when the query names one (see
 * `searchPalette`); otherwise they follow the things they act on.
 */
export const KIND_ORDER: readonly PaletteKind[] = ['action', 'service', 'stack', 'node', 'volume', 'secret', 'page'];
