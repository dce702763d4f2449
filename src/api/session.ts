/**
 * The signed-in session and where it is kept. sessionStorage by default (gone with
 * the tab), localStorage only when the user asked to be remembered. Tokens never go
 * into a URL or a log; they are registered with redact.ts so errors mask them.
 */
import type { TokenJson } from './schemas/token';
import { registerSecret } from './redact';
import { createListeners } from '../lib/listeners';
import { z } from './schemas/zod-mini';

export interface SessionUser {
  id: string;
  email: string;
  /** The user's name, or the email for a user the master knows by email only. */
  name: string;
}

export interface Session {
  accessToken: string;
  refreshToken: string | null;
  /** ms since the epoch; null = the token never expires. */
  expiresAt: number | null;
  user: SessionUser | null;
  remember: boolean;
}

interface SessionStores {
  local: Storage | null;
  session: Storage | null;
}

export const SESSION_STORAGE_KEY = 'kontena-dashboard.session';

/**
 * Where a change of the session came from: this tab set it (signed in, refreshed, signed
 * out, or the master refused it here), or storage showed another tab's change.
 */
type SessionChangeCause = 'this-tab' | 'storage';

const storedSessionSchema = z.object({
  accessToken: z.string().check(z.minLength(1)),
  refreshToken: z.nullable(z.string()),
  expiresAt: z.nullable(z.number()),
  user: z.nullable(z.object({ id: z.string(), email: z.string(), name: z.string() })),
  remember: z.boolean(),
});

let stores: SessionStores | null = null;
/** undefined = not read from storage yet. */
let current: Session | null | undefined;
const sessionListeners = createListeners<[Session | null, SessionChangeCause]>();
const authFailureListeners = createListeners<[string]>();
let storageEventsBound = false;

function defaultStores(): SessionStores {
  // Reading window.localStorage throws in some privacy modes and sandboxed frames.
  const pick = (name: 'localStorage' | 'sessionStorage'): Storage | null => {
    try {
      return typeof globalThis[name] === 'undefined' ? null : globalThis[name];
    } catch {
      return null;
    }
  };
  return { local: pick('localStorage'), session: pick('sessionStorage') };
}

function getStores(): SessionStores {
  stores ??= defaultStores();
  return stores;
}

/** Tests and non-browser hosts inject their own Storage objects. Forgets the cached session. */
export function configureSessionStorage(next: SessionStores): void {
  stores = next;
  current = undefined;
}

function readFrom(storage: Storage | null): Session | null {
  if (!storage) return null;
  let raw: string | null;
  try {
    raw = storage.getItem(SESSION_STORAGE_KEY);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed = storedSessionSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: fall through and drop it
  }
  safeRemove(storage);
  return null;
}

function readStored(): Session | null {
  const { local, session } = getStores();
  const found = readFrom(session) ?? readFrom(local);
  if (found) {
    registerSecret(found.accessToken);
    registerSecret(found.refreshToken);
  }
  return found;
}

function safeRemove(storage: Storage | null): void {
  try {
    storage?.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // storage unavailable: nothing to remove
  }
}

function write(s: Session | null): void {
  const { local, session } = getStores();
  safeRemove(local);
  safeRemove(session);
  if (!s) return;
  const target = s.remember ? local : session;
  try {
    target?.setItem(SESSION_STORAGE_KEY, JSON.stringify(s));
  } catch {
    // quota or privacy mode: the session still lives in memory for this tab
  }
}

function bindStorageEvents(): void {
  if (storageEventsBound || typeof window === 'undefined' || typeof window.addEventListener !== 'function') return;
  storageEventsBound = true;
  // A remembered session is shared by tabs; a refresh in one tab rotates both tokens.
  window.addEventListener('storage', (event) => {
    if (event.key === SESSION_STORAGE_KEY && event.storageArea === getStores().local) reloadSession();
  });
}

export function getSession(): Session | null {
  if (current === undefined) {
    current = readStored();
    bindStorageEvents();
  }
  return current;
}

export function setSession(s: Session | null): void {
  if (s) {
    registerSecret(s.accessToken);
    registerSecret(s.refreshToken);
  }
  current = s;
  write(s);
  notifySession(s, 'this-tab');
}

/**
 * Re-reads storage (another tab may have refreshed or signed out) and tells the
 * subscribers when that changed the session.
 */
export function reloadSession(): Session | null {
  const before = current;
  current = readStored();
  if (before?.accessToken !== current?.accessToken) notifySession(current, 'storage');
  return current;
}

function notifySession(s: Session | null, cause: SessionChangeCause): void {
  sessionListeners.notify(s, cause);
}

export function subscribeSession(fn: (s: Session | null, cause: SessionChangeCause) => void): () => void {
  // A page whose session was set before it was ever read (a sign-in link at boot) still hears the other tabs.
  bindStorageEvents();
  return sessionListeners.subscribe(fn);
}

/** Fired when the master rejects the token and no refresh can save it: the app shows sign-in. */
export function onAuthFailure(fn: (reason: string) => void): () => void {
  return authFailureListeners.subscribe(fn);
}

export function notifyAuthFailure(reason: string): void {
  authFailureListeners.notify(reason);
}

/** A session from a token answer of `/oauth2/token`; `expires_in` counts from `now`. */
export function sessionFromToken(token: TokenJson & { access_token: string }, remember: boolean, now: number): Session {
  return {
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    expiresAt: token.expires_in === null ? null : now + token.expires_in * 1000,
    user: { id: token.user.id, email: token.user.email, name: token.user.name ?? token.user.email },
    remember,
  };
}
