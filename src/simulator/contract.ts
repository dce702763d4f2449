/**
 * The simulated master as its three doors see it (MSW in the browser, MSW in Node,
 * server/mock-master.ts over HTTP). Each door turns its request into a standard
 * Request and sends back the standard Response: one model, one behaviour.
 */
import type { Clock } from './engine/clock';
import type { WorldState } from './persist/world-state';

export const SCENARIO_NAMES = ['demo', 'empty', 'large'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** A scenario named on a command line or in a URL. */
export function isScenarioName(value: string | null | undefined): value is ScenarioName {
  return SCENARIO_NAMES.some((name) => name === value);
}

export interface Faults {
  /** Extra latency added to every response, in ms. */
  latencyMs: number;
  /** Probability in [0, 1] that a /v1 request (not a stream already open) gets 500 {"message":"Internal server error"}. */
  errorRate: number;
  /** When set, every open log/event stream is cut after this many ms (the client must resume). */
  dropStreamsAfterMs: number | null;
}

export interface SimulatorOptions {
  scenario?: ScenarioName;
  /** PRNG seed; the same seed gives the same grid. Default 1. */
  seed?: number;
  /** Default: the real clock. Tests pass a fake clock. */
  clock?: Clock;
  /** The code that `/oauth2/token` exchanges for the admin's token (INITIAL_ADMIN_CODE). Default: 12 random hex chars. */
  initialAdminCode?: string;
  faults?: Partial<Faults>;
  /**
   * Longest life of one log/event stream, in ms. The browser door sets it because a
   * fetch aborted in the page reaches neither request.signal nor the stream's cancel()
   * under MSW's worker (docs/architecture.md); the app resumes a stream that ends. Default: none.
   */
  streamMaxLifeMs?: number | null;
  /** When false, no background activity is started (no timers): for unit tests of pure request handling. Default true. */
  live?: boolean;
  /**
   * A world captured earlier (`capture()`, cloned): the master goes on from it instead of
   * building the scenario. Deploys and state changes it had under way run again.
   */
  restore?: WorldState;
}

export interface SimulatedMaster {
  /** Answers one request exactly as Kontena Master 1.2 would. `request.signal` aborting ends a stream. */
  handle(request: Request): Promise<Response>;
  readonly adminCode: string;
  readonly clock: Clock;
  setFaults(faults: Partial<Faults>): void;
  faults(): Faults;
  /**
   * Fault: the node's agent disconnects (`connected: false`) until told to come back
   * (`true`). False when the grid or node does not exist.
   */
  setNodeConnected(grid: string, node: string, connected: boolean): boolean;
  /** Fault: the master restarts. Open streams end; for `downMs` every request gets 503 and a connection-style error; tokens survive. */
  restart(downMs?: number): void;
  /** Streams currently open (for leak tests). */
  activeStreams(): number;
  /** Timers the simulator holds (background engine + streams). */
  pendingTimers(): number;
  /** Stops every timer and stream. */
  dispose(): void;
  /** The world as it is now, for a structured clone (persist/world-state.ts). */
  capture(): WorldState;
  /** A new one-time code of the admin, valid for `ttlMs`, as `kontena master token create --code` makes one. */
  mintAdminCode(ttlMs: number): string;
}
