import { useEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../api/errors';
import type { DeployStatus } from '../../api/grid-deploy-events';
import type { Service } from '../../api/schemas/service';
import { NULL_STACK } from '../../api/service-ref';
import { formatHourMinute } from './clock-time';
import { WallClock } from './data-age';
import { SeriesStore } from './series-store';
import { ToneIcon } from './tone-icon';
import { useConnectionLostSince, useRefetchOnReconnect } from './use-outage';
import { useFitTiles } from './use-fit-tiles';
import { useWallArea } from './use-wall-area';
import { useReportedWallHealth } from './use-reported-wall-health';
import { useWallData } from './use-wall-data';
import type { GridData } from './use-wall-data';
import { useWallTheme } from './use-wall-theme';
import { describeDuration, effectiveRotateBy, parseWallConfig } from './wall-config';
import type { WallConfig } from './wall-config';
import { planStyle, planTiles, tileCapacity, tileDensity } from './wall-layout';
import { buildScreens } from './wall-screens';
import { WallNodeRow } from './wall-node-row';
import { WallTileView } from './wall-tile';
import { orderTiles, summarize, tileMatches, toWallTile } from './wall-tiles';
import type { WallTile } from './wall-tiles';
import styles from './wall-page.module.css';

/**
 * Tiles are rebuilt only for services whose JSON (servicesQuery keeps an unchanged
 * service's object) or deploy status changed; the rest keep their
 * tile object and their memoised view does not re-render. Weakly held: a service object
 * the cache no longer has is garbage with its tile.
 */
class TileCache {
  private readonly cache = new WeakMap<Service, { deploy: DeployStatus | undefined; tile: WallTile }>();

  tileFor(service: Service, deploy: DeployStatus | undefined): WallTile {
    const hit = this.cache.get(service);
    if (hit !== undefined && hit.deploy === deploy) return hit.tile;
    const tile = toWallTile(service, deploy);
    this.cache.set(service, { deploy, tile });
    return tile;
  }
}

function gridNotes(perGrid: readonly GridData[]): string[] {
  const notes: string[] = [];
  for (const g of perGrid) {
    if (g.services !== undefined || !isApiError(g.error)) continue;
    if (g.error.kind === 'notFound') notes.push(`There is no grid “${g.grid}” (or this token cannot see it).`);
    else if (g.error.kind === 'forbidden') notes.push(`This token may not read grid “${g.grid}”.`);
    else if (g.error.kind !== 'network') notes.push(`Grid “${g.grid}” could not be loaded: ${g.error.message}`);
  }
  return notes;
}

/** A number per tile object: tiles are rebuilt only when what they say changes (TileCache). */
const tileSerials = new WeakMap<WallTile, number>();
let lastSerial = 0;

function serialOf(tile: WallTile): number {
  let serial = tileSerials.get(tile);
  if (serial === undefined) {
    lastSerial += 1;
    serial = lastSerial;
    tileSerials.set(tile, serial);
  }
  return serial;
}

function describeSelection(config: WallConfig): string {
  const parts: string[] = [];
  if (config.stacks.length > 0) parts.push(`stack ${config.stacks.join(', ')}`);
  if (config.filter !== '') parts.push(`name contains “${config.filter}”`);
  return parts.join(' · ');
}

/**
 * /wall — the operations-room screen: one tile per service, problems first, configured
 * by its URL only (see wall-config.ts), no chrome. It keeps polling in a background tab,
 * shows an outage with its start time and heals by itself, and holds bounded memory.
 */
export function WallPage() {
  const [searchParams] = useSearchParams();
  const search = searchParams.toString();
  const { config, notes } = useMemo(() => parseWallConfig(new URLSearchParams(search)), [search]);
  useWallTheme(config.theme);
  useRefetchOnReconnect();

  const data = useWallData(config);
  const lostSince = useConnectionLostSince();
  const offline = lostSince !== null;

  const [tiles] = useState(() => new TileCache());
  const [series] = useState(() => new SeriesStore());

  const perGrid = data.perGrid;
  const allTiles: WallTile[] = [];
  const gridOf = new Map<string, GridData>();
  for (const g of perGrid) {
    gridOf.set(g.grid, g);
    for (const service of g.services ?? []) {
      if (tileMatches(service, config)) allTiles.push(tiles.tileFor(service, g.deploys[service.id]));
    }
  }
  const ordered = orderTiles(useReportedWallHealth(allTiles, config.refreshMs));
  const summary = summarize(ordered);

  // Series of services that left every grid go with them (only once every list answered,
  // so a grid that failed to load does not lose its history).
  const listedKey = perGrid.every((g) => g.services !== undefined) ? perGrid.map((g) => g.services) : null;
  useEffect(() => {
    if (listedKey === null) return;
    const ids = new Set<string>();
    for (const list of listedKey) for (const s of list ?? []) ids.add(s.id);
    series.retain(ids);
  }, [listedKey, series]);

  const mainRef = useRef<HTMLElement | null>(null);
  const listRef = useRef<HTMLUListElement | null>(null);
  const area = useWallArea(mainRef);
  const capacity = tileCapacity(area);
  const rotating = config.rotateMs !== null;
  const by = effectiveRotateBy(config, data.grids.length);
  const screens = buildScreens(ordered, { rotating, by, grids: data.grids, pageSize: capacity.cols * capacity.rows });

  const [turns, setTurns] = useState(0);
  useEffect(() => {
    if (config.rotateMs === null) return;
    const id = setInterval(() => setTurns((n) => n + 1), config.rotateMs);
    return () => clearInterval(id);
  }, [config.rotateMs]);
  const screen = screens[turns % screens.length] ?? screens[0];

  const allNotes = [...notes, ...gridNotes(perGrid)];
  const selection = describeSelection(config);
  const gridTitle = data.grids.length > 0 ? data.grids.join(' · ') : 'Kontena';
  const loaded = perGrid.some((g) => g.services !== undefined);
  const showGrid = data.grids.length > 1 && (screen?.grid ?? null) === null;
  // Laid out for the tiles on this screen: fewer tiles, larger type.
  const onScreen = screen?.tiles ?? [];
  const plan = planTiles(area, onScreen.length);
  const gridStyle = planStyle(plan) as CSSProperties;
  const anyContext = showGrid || onScreen.some((t) => t.stack !== NULL_STACK);
  // The nodes of the grid on screen (rotating by grid), else of every grid on the wall.
  const nodeGrids = config.nodes ? perGrid.filter((g) => (screen?.grid ?? null) === null || g.grid === screen?.grid) : [];
  const nodesOffline = nodeGrids.reduce((n, g) => n + (g.nodes?.list?.filter((node) => !node.connected).length ?? 0), 0);
  const stale = (tile: WallTile): boolean => offline || (gridOf.get(tile.grid)?.failing ?? false);
  useFitTiles(
    listRef,
    `${plan.cols}x${plan.rows}@${plan.fontPx}:${showGrid}:${onScreen.map((t) => `${serialOf(t)}${stale(t) ? 's' : ''}`).join('.')}`,
  );

  return (
    <div className={styles.wall} style={{ '--wall-scale': area.scale } as CSSProperties}>
      <title>{`Wall · ${gridTitle} · Kontena`}</title>
      <header className={styles.header} data-outage={lostSince !== null}>
        <h1 className={styles.title}>
          <span className={styles.brand}>Kontena</span> {screen?.grid ?? gridTitle}
          {selection !== '' && <span className={styles.selection}> · {selection}</span>}
        </h1>
        <ul className={styles.summary} aria-label="Summary">
          {summary.problems > 0 ? (
            <li data-tone={summary.danger > 0 ? 'danger' : 'warn'}>
              <ToneIcon tone={summary.danger > 0 ? 'danger' : 'warn'} className={styles.summaryIcon} />
              {summary.problems === 1 ? '1 problem' : `${summary.problems} problems`}
            </li>
          ) : (
            loaded && (
              <li data-tone="ok">
                <ToneIcon tone="ok" className={styles.summaryIcon} />
                No problems
              </li>
            )
          )}
          {nodesOffline > 0 && (
            <li data-tone="danger">
              <ToneIcon tone="danger" className={styles.summaryIcon} />
              {nodesOffline === 1 ? '1 node offline' : `${nodesOffline} nodes offline`}
            </li>
          )}
          {summary.deploying > 0 && (
            <li data-tone="info">
              <ToneIcon tone="info" className={styles.summaryIcon} />
              {summary.deploying} deploying
            </li>
          )}
          {loaded && <li>{summary.total === 1 ? '1 service' : `${summary.total} services`}</li>}
          {screen !== undefined && screen.hidden > 0 && (
            // In the header, not under the tiles: a line there would cost a row of them.
            <li className={styles.hidden} data-tone={screen.hiddenProblems > 0 ? 'warn' : undefined}>
              {screen.hiddenProblems > 0 && <ToneIcon tone="warn" className={styles.summaryIcon} />}
              {screen.hidden} not on screen
              <span className={styles.muted}>
                {screen.hiddenProblems > 0 ? ` · ${screen.hiddenProblems} with problems` : ' · none with problems'}
              </span>
            </li>
          )}
        </ul>
        {lostSince !== null && (
          // In the header, not above the tiles: an outage must not reflow the screen.
          <p className={styles.outage} role="alert">
            <ToneIcon tone="danger" className={styles.outageIcon} />
            <strong>Connection lost since {formatHourMinute(lostSince)}</strong>
            {/* Each phrase whole or not at all, as the header's room allows. */}
            <span className={styles.outageMore}>· reconnecting by itself</span>
            <span className={styles.outageMore}>· tiles show the last data, marked stale</span>
          </p>
        )}
        {screen !== undefined && screen.pages > 1 && (
          <p className={styles.page}>
            Page {screen.page} of {screen.pages}
            {config.rotateMs !== null && <span className={styles.muted}> · every {describeDuration(config.rotateMs)}</span>}
          </p>
        )}
        <WallClock className={styles.clock} />
      </header>

      {allNotes.length > 0 && (
        <div className={styles.notes} role="status" aria-label="Wall URL notes">
          <ToneIcon tone="warn" className={styles.notesIcon} />
          <ul>
            {allNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}

      {config.nodes && <WallNodeRow grids={nodeGrids} area={area} offline={offline} showGrid={showGrid} />}

      <main ref={mainRef} className={styles.main} aria-label="Services">
        {!loaded && !offline && data.gridsError === null && allNotes.length === 0 && <p className={styles.empty}>Loading the services…</p>}
        {isApiError(data.gridsError) && data.gridsError.kind !== 'network' && (
          <p className={styles.empty}>The grids could not be loaded: {data.gridsError.message}</p>
        )}
        {!data.gridsPending && data.grids.length === 0 && data.gridsError === null && (
          <p className={styles.empty}>This token sees no grids.</p>
        )}
        {loaded && ordered.length === 0 && <p className={styles.empty}>No services to show{selection !== '' ? ` (${selection})` : ''}.</p>}
        {screen !== undefined && screen.tiles.length > 0 && (
          <ul
            ref={listRef}
            className={styles.tiles}
            style={gridStyle}
            data-density={tileDensity(plan)}
            data-context={anyContext ? undefined : 'none'}
            aria-label="Services, problems first"
          >
            {screen.tiles.map((tile) => (
              <WallTileView
                key={tile.id}
                tile={tile}
                refreshMs={config.refreshMs}
                series={series}
                updatedAt={gridOf.get(tile.grid)?.updatedAt ?? 0}
                stale={stale(tile)}
                showGrid={showGrid}
              />
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
