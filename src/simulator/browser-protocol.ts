/**
 * Messages between a page and the one simulated master all its tabs share (a
 * SharedWorker, or the page itself where there is none), over a MessagePort. A
 * request goes over whole; its response comes back as a head, body chunks and an end,
 * so a log stream arrives as it is written.
 */

export type PageMessage =
  | { kind: 'request'; id: number; method: string; url: string; headers: [string, string][]; body: ArrayBuffer | null }
  /** The page's reader went away: end that response's stream. */
  | { kind: 'cancel'; id: number }
  /** A one-time code of the admin, for this page to sign itself in. */
  | { kind: 'mint-code'; id: number }
  /** Back to the scenario as it starts: every page is told (`world-reset`). */
  | { kind: 'reset'; id: number }
  /** The page is going (reload, close): its open responses end. */
  | { kind: 'bye' };

export type HostMessage =
  | { kind: 'ready' }
  /** The master could not start (e.g. storage refused): the page says so. */
  | { kind: 'failed'; message: string }
  | { kind: 'head'; id: number; status: number; statusText: string; headers: [string, string][] }
  | { kind: 'chunk'; id: number; bytes: ArrayBuffer }
  | { kind: 'end'; id: number }
  | { kind: 'error'; id: number; message: string }
  | { kind: 'code'; id: number; code: string }
  | { kind: 'reset-done'; id: number }
  | { kind: 'world-reset' };

/** The part of MessagePort both ends use (a SharedWorker's port, a MessageChannel's, Node's). */
export interface PortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  start?(): void;
  close?(): void;
}

/** The name of the shared master of a scenario: one per scenario, so `?scenario=large` keeps its own world. */
export function sharedMasterName(scenario: string): string {
  return `kontena-simulated-master:${scenario}`;
}

export function scenarioFromSharedMasterName(name: string): string | null {
  const prefix = 'kontena-simulated-master:';
  return name.startsWith(prefix) ? name.slice(prefix.length) : null;
}
