/**
 * The log view's stream follower: one session of `kontena … logs` at a time, followed
 * (`--follow`: the master's stream, resumed after the last line received when it breaks)
 * or read once (a snapshot), paused and resumed, with the connection the status line
 * shows. Lines of a stream that was replaced are ignored, however late they come.
 */
import type { ApiError } from '../../api/errors';
import { followLogs, getLogs } from '../../api/logs';
import type { LogScope } from '../../api/logs';
import type { Log } from '../../api/schemas/log';
import type { StreamState } from '../../api/stream';
import { MAX_LINES, resolveSince } from '../../lib/log-view-options';
import type { ConnectionStatus } from './log-status';
import { scopeKey } from './log-scope';

export interface LogSession {
  scope: LogScope;
  lines: number;
  /** "", "15m" or an ISO time (resolved when the session starts). */
  since: string;
  /** Service scope: one instance filtered by the master. */
  instance?: number;
  follow: boolean;
}

interface LogStreamFollowerOptions {
  now: () => number;
  /** Reconnect backoff. */
  backoffMs: { initial: number; max: number };
  /** How the stream yields to the page (lib/paced-body.ts). */
  pace: (response: Response) => Response;
  /** Lines of the current session, as they come. */
  onLogs: (logs: Log[]) => void;
  /** The first pass of a stream is history, up to `lines` sent in one go. */
  onHistory: (lines: number) => void;
  /** Nothing more comes to merge with (stopped, paused, a complete snapshot): what is held shows now. */
  onSettled: () => void;
  /** The connection (or why it failed) changed. */
  onConnection: () => void;
}

interface LogStreamFollower {
  /** Whether `session` is the running one, but for `follow`. */
  isRunning(session: LogSession): boolean;
  /** Follows or pauses the running session. */
  setFollow(session: LogSession): void;
  /** Starts a new session (the running one was stopped). */
  begin(session: LogSession): void;
  /** Reconnects after an error. */
  retry(): void;
  /** Stops the stream; later items of it are ignored. */
  stop(): void;
  /** Stops and forgets the session, quietly. */
  dispose(): void;
  readonly connection: ConnectionStatus;
  readonly error: string | null;
}

function sessionKey(s: LogSession): string {
  return JSON.stringify([scopeKey(s.scope), s.lines, s.since, s.instance ?? null]);
}

export function createLogStreamFollower(options: LogStreamFollowerOptions): LogStreamFollower {
  const { now, backoffMs, pace, onLogs, onHistory, onSettled, onConnection } = options;
  let session: LogSession | null = null;
  let key = '';
  /** Bumped for every stream opened: items of an older stream are ignored. */
  let generation = 0;
  let stream: AbortController | null = null;
  /** The last line received (held back or not): a resume goes on after it. */
  let lastId: string | null = null;
  let paused = false;
  let connection: ConnectionStatus = 'idle';
  let error: string | null = null;

  function setConnection(next: ConnectionStatus, message: string | null = null): void {
    connection = next;
    error = message;
    onConnection();
  }

  function receive(gen: number, logs: Log[]): void {
    if (gen !== generation) return;
    const last = logs.at(-1);
    if (last) lastId = last.id;
    onLogs(logs);
  }

  function onState(gen: number, state: StreamState, err?: ApiError): void {
    if (gen !== generation) return;
    if (state === 'stopped') {
      // Stopped by us (pause, new session) or by an error that retrying cannot fix.
      onSettled();
      if (err) setConnection('error', err.message);
      else if (paused) setConnection('paused');
      return;
    }
    setConnection(state, state === 'reconnecting' ? (err?.message ?? null) : null);
  }

  function stop(): void {
    generation++;
    stream?.abort();
    stream = null;
  }

  /** Replaces the running stream (if any) by a new one: its generation and its signal. */
  function replaceStream(state: 'connecting' | 'loading'): { gen: number; signal: AbortSignal } {
    stop();
    const gen = generation;
    const ac = new AbortController();
    stream = ac;
    setConnection(state);
    return { gen, signal: ac.signal };
  }

  function openStream(): void {
    const s = session;
    if (!s) return;
    const { gen, signal } = replaceStream('connecting');
    // The first pass is history sent in one go (ordered by id, so container by container
    // when the master stored them so).
    if (lastId === null) onHistory(s.lines);
    const query =
      lastId === null
        ? { limit: s.lines, since: resolveSince(s.since, now()), instance: s.instance }
        : // Resuming: everything after the last line held (the master sends 10 000 a pass).
          { limit: MAX_LINES, from: lastId, instance: s.instance };
    void followLogs(
      s.scope,
      { ...query, signal, backoffMs, wrapResponse: pace },
      { onItems: (logs) => receive(gen, logs), onState: (st, e) => onState(gen, st, e) },
    );
  }

  function loadSnapshot(): void {
    const s = session;
    if (!s) return;
    const { gen, signal } = replaceStream('loading');
    getLogs(s.scope, { limit: s.lines, since: resolveSince(s.since, now()), instance: s.instance, signal }).then(
      (logs) => {
        if (gen !== generation) return;
        receive(gen, logs);
        // A snapshot is complete: in order at once.
        onSettled();
        setConnection('paused');
      },
      (e: unknown) => {
        if (gen !== generation) return;
        setConnection('error', e instanceof Error ? e.message : 'The logs could not be loaded.');
      },
    );
  }

  return {
    isRunning: (next) => session !== null && sessionKey(next) === key,
    setFollow(next) {
      session = next;
      if (next.follow && paused) {
        paused = false;
        openStream();
      } else if (!next.follow && !paused) {
        paused = true;
        stop();
        // Nothing more comes to merge with: what is held shows now, and stays put.
        onSettled();
        setConnection('paused');
      }
    },
    begin(next) {
      key = sessionKey(next);
      session = next;
      stop();
      lastId = null;
      paused = !next.follow;
      if (next.follow) openStream();
      else loadSnapshot();
    },
    retry() {
      if (!session) return;
      paused = false;
      if (session.follow) openStream();
      else loadSnapshot();
    },
    stop,
    dispose() {
      // Reusable afterwards (React StrictMode mounts, unmounts and mounts again).
      stop();
      session = null;
      key = '';
      paused = false;
      lastId = null;
      connection = 'idle';
      error = null;
    },
    get connection() {
      return connection;
    },
    get error() {
      return error;
    },
  };
}
