/**
 * Drafts of forms: what a user typed and has not saved, kept per page, per form and per
 * user, so that a sign-out, a master restart, a reload or a crash of the tab loses none
 * of it (docs/architecture.md "Data flow", issue #15 item 2). Pure: the storage is passed in; the app
 * gives it sessionStorage (components/use-form-draft.ts).
 *
 * sessionStorage only, never localStorage: a draft may hold a vault secret's value as it
 * was typed, and sessionStorage dies with its tab, so such a value never outlives the tab
 * it was typed in. A key names the user by id; no session token is ever part of a draft.
 *
 * A draft is a patch: the top-level fields of the form whose value differs from what the
 * form showed when it was opened. Applied over what the form shows when it opens again,
 * it brings back what was typed and leaves the rest as the master has it now (an edit
 * form typed against an older revision of a service does not send back the other fields'
 * old values).
 */
import { deepEqual } from './deep-equal';

/** The part of the Web Storage API drafts use (tests pass their own). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** v1: bump when a form's model changes shape, so that an older draft is not restored into it. */
export const DRAFT_KEY_PREFIX = 'kontena-dashboard.draft.v1|';
/** One draft's size cap, in characters of its JSON: a draft larger than this is not kept. */
export const MAX_DRAFT_CHARS = 64 * 1024;
/** Drafts kept in one tab, over every page, form and user: the oldest go first. */
export const MAX_DRAFTS = 20;
/** A draft older than this is dropped when it is next read (a tab left open for a week). */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** Where a draft belongs: the signed-in user's id, the page (route path) and which form of it. */
interface DraftAddress {
  user: string;
  page: string;
  form: string;
}

export type DraftPatch = Record<string, unknown>;

export interface StoredDraft {
  /** ms since the epoch, when it was last written. */
  savedAt: number;
  /** The version of what was edited the values were typed against (a service's revision), if any. */
  revision: string | null;
  patch: DraftPatch;
}

export function draftKey({ user, page, form }: DraftAddress): string {
  // The page is last and raw: a path holds no "|" that could be mistaken for a separator before it.
  return `${DRAFT_KEY_PREFIX}${encodeURIComponent(user)}|${encodeURIComponent(form)}|${page}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The top-level fields of `values` that differ from `initial`. */
export function draftPatch<T extends object>(values: T, initial: T): DraftPatch {
  const patch: DraftPatch = {};
  const before = initial as Record<string, unknown>;
  for (const [key, value] of Object.entries(values)) {
    if (!deepEqual(value, before[key])) patch[key] = value;
  }
  return patch;
}

function sameKind(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b);
  if (a === null || b === null) return a === b;
  return typeof a === typeof b;
}

/**
 * `current` with the draft's fields put back. Only fields the form has, with a value of
 * the same kind (text, flag, list, group), are taken: a draft from an older model of the
 * form never puts a value of the wrong type into it.
 */
export function applyDraft<T extends object>(current: T, patch: DraftPatch): T {
  const next: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (Object.hasOwn(next, key) && sameKind(value, next[key])) next[key] = value;
  }
  return next as T;
}

/** Whether the draft changes anything in `current`. */
export function draftDiffers<T extends object>(current: T, patch: DraftPatch): boolean {
  return !deepEqual(applyDraft(current, patch), current);
}

function parse(raw: string | null): StoredDraft | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (!isRecord(value) || typeof value.savedAt !== 'number' || !isRecord(value.patch)) return null;
    const revision = typeof value.revision === 'string' ? value.revision : null;
    return { savedAt: value.savedAt, revision, patch: value.patch };
  } catch {
    return null;
  }
}

function safeGet(storage: DraftStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

export function removeDraft(storage: DraftStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // storage unavailable: nothing is kept, nothing to remove
  }
}

/** The draft at `key`, or null; an unreadable or expired one is removed. */
export function readDraft(storage: DraftStorage, key: string, now: number): StoredDraft | null {
  const raw = safeGet(storage, key);
  if (raw === null) return null;
  const draft = parse(raw);
  if (draft === null || now - draft.savedAt > DRAFT_MAX_AGE_MS) {
    removeDraft(storage, key);
    return null;
  }
  return draft;
}

function draftKeys(storage: DraftStorage): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(DRAFT_KEY_PREFIX)) keys.push(key);
    }
  } catch {
    // storage unavailable: no drafts
  }
  return keys;
}

/**
 * Removes expired and unreadable drafts, then the oldest until at most `keep` are left
 * besides `spare` (the draft being written, never removed here).
 */
export function pruneDrafts(storage: DraftStorage, now: number, keep = MAX_DRAFTS, spare?: string): void {
  const others: { key: string; savedAt: number }[] = [];
  for (const key of draftKeys(storage)) {
    const draft = readDraft(storage, key, now);
    if (draft !== null && key !== spare) others.push({ key, savedAt: draft.savedAt });
  }
  others.sort((a, b) => a.savedAt - b.savedAt);
  for (const entry of others.slice(0, Math.max(0, others.length - keep))) removeDraft(storage, entry.key);
}

type WriteResult = 'written' | 'too-big' | 'failed';

/**
 * Keeps `draft` at `key`, within the caps: a draft over MAX_DRAFT_CHARS is not written
 * (the last one that fitted stays); the oldest others go so that at most MAX_DRAFTS are
 * kept, and more of them when the storage is full.
 */
export function writeDraft(storage: DraftStorage, key: string, draft: StoredDraft, now: number): WriteResult {
  const text = JSON.stringify(draft);
  if (text.length > MAX_DRAFT_CHARS) return 'too-big';
  pruneDrafts(storage, now, MAX_DRAFTS - 1, key);
  // Each failed try (storage full) drops the oldest other draft; bounded by how many there can be.
  for (let attempt = 0; attempt <= MAX_DRAFTS; attempt += 1) {
    try {
      storage.setItem(key, text);
      return 'written';
    } catch {
      const others = draftKeys(storage).filter((k) => k !== key).length;
      if (others === 0) return 'failed';
      pruneDrafts(storage, now, others - 1, key);
    }
  }
  return 'failed';
}
