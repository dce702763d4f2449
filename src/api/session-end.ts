/**
 * Why this tab's session ended, told apart as far as the master's answers allow, and
 * told to every other tab of the browser that shared it, so that each signed-out page
 * says why instead of showing a bare sign-in form (issue #15 item 2).
 *
 * The master answers 403 invalid_token with one of two descriptions (docs/kontena-api.md §2.1):
 * - "Token expired": the token's time was up and no refresh saved it → `expired`;
 * - "Invalid token": unknown — revoked, or never known. A master that restarted and
 *   forgot its tokens says the same, so that case is told from what came before: this
 *   tab's token was in use, then the master was unreachable, and the first answers when
 *   it is back refuse the token → `restarted`. A token revoked during an outage reads as
 *   a restart too; nothing in the API tells them apart, and the advice is the same.
 * A tab whose remembered session another tab removed shows `elsewhere` until that tab's
 * reason arrives (a second storage event, or never when the user signed out there).
 *
 * Other tabs hear of it through localStorage (a `storage` event in every other tab): the
 * reason, when, and a fingerprint of the refused token — never the token. A tab holding
 * the same token (a remembered session, a duplicated tab) signs out with that reason; a
 * tab with a token of its own (session hand-off) keeps it, and uses a restart it hears of
 * to explain its own refusal later. This tab's reason is kept in sessionStorage, so its
 * sign-in page still says why after a reload.
 */
import { clientNow, subscribeConnection } from './client';
import { getSession, onAuthFailure, setSession, subscribeSession } from './session';
import { createListeners } from '../lib/listeners';

export type SessionEndReason = 'expired' | 'revoked' | 'restarted' | 'elsewhere';

export interface SessionEnd {
  reason: SessionEndReason;
  /** ms since the epoch. */
  at: number;
}

/** localStorage: the last refusal any tab saw, for the other tabs ({reason, at, fp}). */
export const SESSION_END_SIGNAL_KEY = 'kontena-dashboard.session-end';
/** sessionStorage: why this tab was signed out, until it signs in again. */
export const TAB_SESSION_END_KEY = 'kontena-dashboard.signed-out';

/** A refusal this soon after the master came back counts as the restart's. */
export const RESTART_WINDOW_MS = 60_000;
/** A restart another tab saw explains this tab's own refusal for this long. */
const RESTART_HINT_LIFE_MS = 30 * 60_000;

const REASONS: readonly SessionEndReason[] = ['expired', 'revoked', 'restarted', 'elsewhere'];

interface Signal extends SessionEnd {
  /** Fingerprint of the refused access token. */
  fp: string | null;
}

/**
 * A short fingerprint that tells tokens apart without holding them (FNV-1a, 2 × 32 bits):
 * enough to see that two tabs hold the same token, useless for getting it back.
 */
export function tokenFingerprint(token: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ token.length;
  for (let i = 0; i < token.length; i += 1) {
    const c = token.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

function storageOf(name: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return typeof globalThis[name] === 'undefined' ? null : globalThis[name];
  } catch {
    return null;
  }
}

function readItem(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function writeItem(storage: Storage | null, key: string, value: string | null): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // storage unavailable: the other tabs find out on their own next request
  }
}

function parseEnd(raw: string | null): Signal | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<Signal> | null;
    const reason = REASONS.find((r) => r === value?.reason);
    if (reason === undefined || typeof value?.at !== 'number') return null;
    return { reason, at: value.at, fp: typeof value.fp === 'string' ? value.fp : null };
  } catch {
    return null;
  }
}

/** The token this tab holds (fingerprint) and since when this tab has used it. */
let held: { fp: string; since: number } | null = null;
/** The token of the session that ended in this tab last, and since when it had been used here. */
let endedFp: string | null = null;
let endedSince: number | null = null;
let unreachableAt: number | null = null;
let backAt: number | null = null;
let installed = false;
/** Kept beside sessionStorage for when it is unavailable; the snapshot of the hook. */
let memoryEnd: string | null = null;
let snapshot: { raw: string | null; end: SessionEnd | null } = { raw: null, end: null };
const endListeners = createListeners();

function holdSession(): void {
  const session = getSession();
  if (session === null) return;
  const fp = tokenFingerprint(session.accessToken);
  if (held?.fp !== fp) held = { fp, since: clientNow() };
}

/** Why this tab was signed out, or null (never signed out, or signed in since). */
export function getSessionEnd(): SessionEnd | null {
  const tab = storageOf('sessionStorage');
  const raw = tab === null ? memoryEnd : readItem(tab, TAB_SESSION_END_KEY);
  if (raw !== snapshot.raw) {
    const parsed = parseEnd(raw);
    snapshot = { raw, end: parsed === null ? null : { reason: parsed.reason, at: parsed.at } };
  }
  return snapshot.end;
}

export function subscribeSessionEnd(fn: () => void): () => void {
  return endListeners.subscribe(fn);
}

function clearEnd(): void {
  if (getSessionEnd() !== null) setEnd(null);
}

function setEnd(end: SessionEnd | null): void {
  const raw = end === null ? null : JSON.stringify(end);
  memoryEnd = raw;
  writeItem(storageOf('sessionStorage'), TAB_SESSION_END_KEY, raw);
  endListeners.notify();
}

/** Whether the last refusal another tab told of was a restart that this tab's token predates. */
function restartHeardOf(since: number | null, now: number): boolean {
  const signal = parseEnd(readItem(storageOf('localStorage'), SESSION_END_SIGNAL_KEY));
  return signal?.reason === 'restarted' && since !== null && signal.at >= since && now - signal.at <= RESTART_HINT_LIFE_MS;
}

/** The reason for a 403 invalid_token with `description`, from what this tab saw before it. */
export function classifyRefusal(
  description: string,
  seen: { since: number | null; unreachableAt: number | null; backAt: number | null; now: number },
): SessionEndReason {
  if (description === 'Token expired') return 'expired';
  const { since, now } = seen;
  const outageWhileInUse = since !== null && seen.unreachableAt !== null && seen.unreachableAt >= since;
  const justBack = seen.backAt !== null && now - seen.backAt <= RESTART_WINDOW_MS;
  if (outageWhileInUse && justBack) return 'restarted';
  return restartHeardOf(since, now) ? 'restarted' : 'revoked';
}

function onRefused(description: string): void {
  // "Not signed in" comes from a request made with no session at all: nothing ended.
  if (description === 'Not signed in') return;
  const now = clientNow();
  const reason = classifyRefusal(description, { since: endedSince, unreachableAt, backAt, now });
  setEnd({ reason, at: now });
  const signal: Signal = { reason, at: now, fp: endedFp };
  writeItem(storageOf('localStorage'), SESSION_END_SIGNAL_KEY, JSON.stringify(signal));
}

function onSessionChange(cause: 'this-tab' | 'storage'): void {
  if (getSession() !== null) {
    const signedIn = held === null;
    holdSession();
    // Signed in again (not a refresh of the same session): the reason is history.
    if (signedIn) clearEnd();
    return;
  }
  if (held === null) return;
  endedFp = held.fp;
  endedSince = held.since;
  held = null;
  // Another tab removed the shared session: say so until (and unless) its reason arrives.
  // Here, a refusal names its reason right after this (onRefused); a sign-out has none.
  if (cause === 'storage') setEnd({ reason: 'elsewhere', at: clientNow() });
  else clearEnd();
}

function onSignal(raw: string | null): void {
  const signal = parseEnd(raw);
  if (signal === null || signal.fp === null) return;
  if (held !== null && signal.fp === held.fp) {
    // Another tab's request was refused with the token this tab holds: it is dead here too.
    setSession(null);
    setEnd({ reason: signal.reason, at: signal.at });
  } else if (held === null && signal.fp === endedFp) {
    setEnd({ reason: signal.reason, at: signal.at });
  }
}

/**
 * Starts watching (once per page): the session, the connection to the master, refusals,
 * and the other tabs' signals. The app calls it before the first signed-in page renders.
 */
export function watchSessionEnds(): void {
  if (installed) return;
  installed = true;
  holdSession();
  // A tab that has a session (signed in since, or handed one by another tab) was not signed out.
  if (held !== null) clearEnd();
  subscribeSession((_, cause) => onSessionChange(cause));
  onAuthFailure(onRefused);
  subscribeConnection((state) => {
    if (state === 'offline') unreachableAt = clientNow();
    else backAt = clientNow();
  });
  if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
    window.addEventListener('storage', (event) => {
      if (event.key === SESSION_END_SIGNAL_KEY && event.storageArea === storageOf('localStorage')) onSignal(event.newValue);
    });
  }
}
