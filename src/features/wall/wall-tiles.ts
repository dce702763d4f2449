/**
 * What a wall tile says about a service, and the order tiles stand in: services with a
 * problem first, worst problem first, so trouble is at the top-left of the screen (and on
 * its first page) however many services there are.
 */
import type { DeployStatus } from '../../api/grid-deploy-events';
import type { Service } from '../../api/schemas/service';
import { serviceDisplayName } from '../../api/service-ref';
import { healthFromService } from '../../lib/service-health';
import type { ServiceHealth } from '../../lib/service-health';
import {
  byProblemRank,
  HEALTH_PROBLEM_KINDS,
  healthProblem,
  serviceProblems as libServiceProblems,
  SERVICE_PROBLEM_RANK,
} from '../../lib/service-problems';
import type { ProblemTone, ServiceProblem } from '../../lib/service-problems';

/** A service's problem, in lib/service-problems' words (the stopped one's detail is the tile's own). */
export type Problem = ServiceProblem;

/** The tile's overall look: a problem's tone, or what a problem-free service is doing. */
export type TileTone = ProblemTone | 'info' | 'ok' | 'neutral';

export interface WallTile {
  /** "G/S/N". */
  id: string;
  grid: string;
  stack: string;
  name: string;
  /** `name` in the default stack, `stack/name` otherwise. */
  label: string;
  state: Service['state'];
  strategy: string;
  desired: number;
  running: number;
  healthy: number | null;
  healthTotal: number | null;
  /**
   * What is known of its health (lib/service-health): from the JSON, where pending and
   * unhealthy instances look alike (never a problem then), or from its instances
   * (withReportedHealth), which tell them apart.
   */
  health: ServiceHealth;
  deploying: boolean;
  /** Worst first; empty when all is well. */
  problems: Problem[];
  tone: TileTone;
  /** Sort rank: lower comes first. */
  rank: number;
}

const RANK_DEPLOYING = 6;
const RANK_OK = 7;
const RANK_NOT_DEPLOYED = 8;

/** The services a wall shows: the problems of one service (lib/service-problems), worded for its tile. */
export function serviceProblems(
  service: Service,
  deploy: DeployStatus | undefined,
  health: ServiceHealth = healthFromService(service.health_status),
): Problem[] {
  const problems = libServiceProblems(service, deploy, health);
  // The counts are on the tile's next line: a stopped service only says more when something still runs.
  if (service.instance_counts.running > 0) return [...problems];
  return problems.map((p) => (p.kind === 'stopped' ? { ...p, detail: '' } : p));
}

function toneAndRank(problems: readonly Problem[], deploying: boolean, state: Service['state']): { tone: TileTone; rank: number } {
  const worst = problems[0];
  if (worst) return { rank: SERVICE_PROBLEM_RANK[worst.kind], tone: worst.tone };
  if (deploying || state === 'restarting') return { rank: RANK_DEPLOYING, tone: 'info' };
  if (state === 'initialized') return { rank: RANK_NOT_DEPLOYED, tone: 'neutral' };
  return { rank: RANK_OK, tone: 'ok' };
}

export function toWallTile(
  service: Service,
  deploy: DeployStatus | undefined,
  health: ServiceHealth = healthFromService(service.health_status),
): WallTile {
  const problems = serviceProblems(service, deploy, health);
  const deploying = (deploy?.inProgress ?? false) || service.state === 'deploying';
  const { tone, rank } = toneAndRank(problems, deploying, service.state);
  return {
    id: service.id,
    grid: service.grid.id,
    stack: service.stack.name,
    name: service.name,
    label: serviceDisplayName(service),
    state: service.state,
    strategy: service.strategy,
    desired: service.instances,
    running: service.instance_counts.running,
    healthy: service.health_status?.healthy ?? null,
    healthTotal: service.health_status?.total ?? null,
    health,
    deploying,
    problems,
    tone,
    rank,
  };
}

/**
 * The tile once its instances told what its JSON left open (use-reported-wall-health):
 * an unhealthy instance is a problem, a pending one is not. The same tile when nothing changed.
 */
export function withReportedHealth(tile: WallTile, health: ServiceHealth): WallTile {
  if (health === tile.health) return tile;
  const problems = tile.problems.filter((p) => !HEALTH_PROBLEM_KINDS.has(p.kind));
  const unwell = healthProblem(health, tile.state, tile.running);
  if (unwell !== null) problems.push(unwell);
  problems.sort(byProblemRank);
  return {
    ...tile,
    health,
    healthy: health.healthy,
    healthTotal: health.total,
    problems,
    ...toneAndRank(problems, tile.deploying, tile.state),
  };
}

interface TileFilter {
  stacks: readonly string[];
  /** Lower-cased; '' = none. */
  filter: string;
}

/** Whether the URL's stack list and name filter let a service on the wall. */
export function tileMatches(service: Service, { stacks, filter }: TileFilter): boolean {
  if (stacks.length > 0 && !stacks.includes(service.stack.name)) return false;
  if (filter === '') return true;
  return serviceDisplayName(service).toLowerCase().includes(filter);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Problems first (worst first; more problems before fewer), then deploys in progress,
 * then the healthy, then the never deployed; by grid and name within each, so the order
 * only changes when a state does.
 */
function compareTiles(a: WallTile, b: WallTile): number {
  return (
    a.rank - b.rank ||
    b.problems.length - a.problems.length ||
    collator.compare(a.grid, b.grid) ||
    collator.compare(a.label, b.label) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function orderTiles(tiles: readonly WallTile[]): WallTile[] {
  return [...tiles].sort(compareTiles);
}

interface WallSummary {
  total: number;
  problems: number;
  danger: number;
  deploying: number;
}

export function summarize(tiles: readonly WallTile[]): WallSummary {
  let problems = 0;
  let danger = 0;
  let deploying = 0;
  for (const tile of tiles) {
    if (tile.problems.length > 0) problems += 1;
    if (tile.tone === 'danger') danger += 1;
    if (tile.deploying) deploying += 1;
  }
  return { total: tiles.length, problems, danger, deploying };
}
