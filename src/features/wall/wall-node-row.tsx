import { useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import type { Node } from '../../api/schemas/node';
import type { GridData } from './use-wall-data';
import { useFitTiles } from './use-fit-tiles';
import type { WallArea } from './wall-layout';
import { WallNodeTileView, WallNodesMore } from './wall-node-tile';
import { NODE_EM_HEIGHT, orderNodeTiles, planNodeRow, toWallNodeTile } from './wall-nodes';
import type { WallNodeTile } from './wall-nodes';
import styles from './wall-node-tile.module.css';

/** Node tiles rebuilt only for nodes whose JSON changed (the node list keeps an unchanged node's object). */
class NodeTileCache {
  private readonly cache = new WeakMap<Node, WallNodeTile>();

  tileFor(grid: string, node: Node): WallNodeTile {
    const hit = this.cache.get(node);
    if (hit !== undefined && hit.grid === grid) return hit;
    const tile = toWallNodeTile(grid, node);
    this.cache.set(node, tile);
    return tile;
  }
}

interface WallNodeRowProps {
  /** The grids whose nodes are on this screen. */
  grids: readonly GridData[];
  /** The tiles' area (the row is as wide) and the screen's scale. */
  area: WallArea;
  /** The master is unreachable: every tile's data is old. */
  offline: boolean;
  showGrid: boolean;
}

/** The wall's row of node tiles (nodes=1), offline nodes first; what does not fit is counted on the last place. */
export function WallNodeRow({ grids, area, offline, showGrid }: WallNodeRowProps) {
  const [cache] = useState(() => new NodeTileCache());
  const listRef = useRef<HTMLUListElement | null>(null);
  const tiles: WallNodeTile[] = [];
  const gridOf = new Map<string, GridData>();
  for (const g of grids) {
    gridOf.set(g.grid, g);
    for (const node of g.nodes?.list ?? []) tiles.push(cache.tileFor(g.grid, node));
  }
  const ordered = orderNodeTiles(tiles);
  const plan = planNodeRow(area.width, area.scale, ordered.length);
  const shown = ordered.slice(0, plan.shown);
  const hidden = ordered.slice(plan.shown);
  const stale = (tile: WallNodeTile): boolean => offline || (gridOf.get(tile.grid)?.nodes?.failing ?? false);
  useFitTiles(
    listRef,
    `${plan.cols}@${plan.fontPx}:${showGrid}:${shown.map((t) => `${t.id}|${t.tone}|${nodeKey(t)}|${stale(t)}`).join('.')}`,
  );

  const loaded = grids.some((g) => g.nodes?.list !== undefined);
  if (!loaded) return null;
  const style = {
    '--node-cols': plan.cols,
    '--node-fs': `${plan.fontPx}px`,
    '--node-gap': `${plan.gapPx}px`,
    '--node-row-height': `${Math.round(NODE_EM_HEIGHT * plan.fontPx)}px`,
  } as CSSProperties;
  return (
    // A landmark of its own, beside the header and the services: everything on the wall is in one.
    <section className={styles.section} aria-label="Nodes">
      <ul ref={listRef} className={styles.row} style={style} aria-label="Nodes, offline first">
        {shown.map((tile) => (
          <WallNodeTileView
            key={tile.id}
            tile={tile}
            updatedAt={gridOf.get(tile.grid)?.nodes?.updatedAt ?? 0}
            stale={stale(tile)}
            showGrid={showGrid}
          />
        ))}
        {hidden.length > 0 && <WallNodesMore hidden={hidden.length} troubled={hidden.filter((t) => t.tone !== 'ok').length} />}
        {ordered.length === 0 && <li className={styles.more}>No nodes in this grid</li>}
      </ul>
    </section>
  );
}

/** What a node tile's lines say, for the fit: its figures change its widths. */
function nodeKey(tile: WallNodeTile): string {
  return `${tile.load.cpuPercent ?? ''}/${tile.load.memUsed ?? ''}/${tile.load.memTotal ?? ''}`;
}
