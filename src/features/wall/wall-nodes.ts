/**
 * The wall's row of node tiles (nodes=1): what each says, the order they stand in
 * (offline first, then busy, then by name: trouble at the left, where the eye starts),
 * and how many fit the row. Sizes are in CSS px of a 1920×1080 screen times the screen's
 * scale, like the service tiles (wall-layout.ts).
 */
import type { Node } from '../../api/schemas/node';
import { formatBytes, formatPercent } from '../../lib/format-units';
import { memPercent, nodeLoad } from '../../lib/node-load';
import type { NodeLoad } from '../../lib/node-load';
import { NO_DATA } from './tile-text';
import { FALLBACK_AREA } from './wall-layout';
import type { TileTone } from './wall-tiles';

/** CPU or memory at or above this is a busy node: a warning, not yet a failure. */
const BUSY_PERCENT = 90;

export interface WallNodeTile {
  /** "G/node". */
  id: string;
  grid: string;
  name: string;
  connected: boolean;
  lastSeenAt: string | null;
  load: NodeLoad;
  busy: boolean;
  tone: Extract<TileTone, 'danger' | 'warn' | 'ok'>;
}

export function toWallNodeTile(grid: string, node: Node): WallNodeTile {
  const name = node.name ?? node.id;
  const load = nodeLoad(node.resource_usage, node.mem_total);
  const mem = memPercent(load);
  const busy = (load.cpuPercent ?? 0) >= BUSY_PERCENT || (mem ?? 0) >= BUSY_PERCENT;
  return {
    id: `${grid}/${name}`,
    grid,
    name,
    connected: node.connected,
    lastSeenAt: node.last_seen_at,
    load,
    busy,
    tone: !node.connected ? 'danger' : busy ? 'warn' : 'ok',
  };
}

const RANK: Record<WallNodeTile['tone'], number> = { danger: 0, warn: 1, ok: 2 };
const collator = new Intl.Collator(undefined, { numeric: true });

/** Offline first, then busy, then by grid and name (node-10 after node-9). */
export function orderNodeTiles(tiles: readonly WallNodeTile[]): WallNodeTile[] {
  return [...tiles].sort((a, b) => RANK[a.tone] - RANK[b.tone] || collator.compare(a.grid, b.grid) || collator.compare(a.name, b.name));
}

/** "CPU 12.3 %" as the tile's figure. */
export function nodeCpuFigure(load: NodeLoad): string {
  return load.cpuPercent === null ? NO_DATA : formatPercent(load.cpuPercent);
}

/** "1.21 / 3.85 GiB", or "512 MiB / 3.85 GiB" when the units differ. */
export function nodeMemFigure(load: NodeLoad): string {
  if (load.memUsed === null) return NO_DATA;
  const used = formatBytes(load.memUsed);
  if (load.memTotal === null) return used;
  const total = formatBytes(load.memTotal);
  const [usedValue, usedUnit] = used.split(' ');
  const [, totalUnit] = total.split(' ');
  return usedUnit === totalUnit ? `${usedValue ?? used} / ${total}` : `${used} / ${total}`;
}

/** The row's type size at scale 1: larger than the least service tile's, it is few tiles. */
const NODE_FONT_PX = 18;
/** A node tile's least width and its height, in its em (wall-tile.module.css, .nodeTile). */
const NODE_EM_WIDTH = 14;
export const NODE_EM_HEIGHT = 6.8;
const NODE_GAP_PX = 12;

interface NodeRowPlan {
  /** Columns of the row: every node, or as many as fit with the last place for "N more". */
  cols: number;
  /** Node tiles shown; the rest are counted on the "more" tile. */
  shown: number;
  fontPx: number;
  gapPx: number;
}

/** How many node tiles the row holds at its type size, one place kept for "N more" when not all fit. */
export function planNodeRow(width: number, scale: number, count: number): NodeRowPlan {
  // Not measured (or not measurable, as in tests without layout): the reference screen's row.
  const measured = width > 0 && scale > 0;
  const s = measured ? scale : FALLBACK_AREA.scale;
  const fontPx = NODE_FONT_PX * s;
  const gapPx = NODE_GAP_PX * s;
  const fit = Math.max(1, Math.floor(((measured ? width : FALLBACK_AREA.width) + gapPx) / (NODE_EM_WIDTH * fontPx + gapPx)));
  if (count <= fit) return { cols: fit, shown: count, fontPx, gapPx };
  return { cols: fit, shown: Math.max(0, fit - 1), fontPx, gapPx };
}
