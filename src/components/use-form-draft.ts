/**
 * The draft of one form (lib/form-drafts.ts): written as the user types, offered back
 * when the form opens again, dropped after a save. Every form of the dashboard uses it:
 *
 *   const draft = useFormDraft({ form: 'env-add', initial: EMPTY, values: { entry } });
 *   draft.offer && <DraftOfferBanner offer={draft.offer} onRestore={() => setEntry(draft.restore({ entry }).entry)} onDiscard={draft.discard} />
 *   // after the save succeeded:
 *   draft.drop();
 *
 * A form whose values are not React state (react-hook-form) leaves `values` out and
 * calls `save(values)` on each change instead.
 *
 * A draft is offered when the form opens and the draft would change what it shows. Until
 * the user chooses, opening the form never drops it; typing replaces it in storage (the
 * draft is always what was typed last) while the offer stays in memory, so Restore
 * still brings back what was offered. Restore, Discard and a save close the offer.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { applyDraft, draftDiffers, draftKey, draftPatch, readDraft, removeDraft, writeDraft } from '../lib/form-drafts';
import type { DraftPatch, DraftStorage } from '../lib/form-drafts';
import { useSession } from './use-session';

/** Writes at most this often while the user types (and at once when the page is hidden or left). */
const DRAFT_WRITE_DELAY_MS = 300;

interface UseFormDraftOptions<T extends object> {
  /** Which form of the page: 'create-service', 'env-add', `scale:${name}`… */
  form: string;
  /** What the form shows when it opens (and after a save): a draft keeps only what differs from it. */
  initial: T;
  /** The version of what is edited (a service's revision) that the values are typed against. */
  revision?: string | null;
  /** The values as typed, for a form that holds them in React state: saved whenever they change. */
  values?: T;
  /** false: nothing is kept or offered. Default true. */
  enabled?: boolean;
}

export interface DraftOffer {
  /** When it was last written, ms since the epoch. */
  savedAt: number;
  /** How many of the form's fields it puts back. */
  fields: number;
  /** The revision it was typed against, when the form gives one. */
  revision: string | null;
  /** What is edited has changed since (its revision is not the one the draft was typed against). */
  changedSince: boolean;
}

export interface FormDraft<T extends object> {
  /** A draft to offer back ("Restore what you typed at 14:02?"), or null. */
  offer: DraftOffer | null;
  /** Keeps `values` as the draft (written after DRAFT_WRITE_DELAY_MS). */
  save: (values: T) => void;
  /** The offered draft put over `current`, for the form to show; closes the offer. */
  restore: (current: T) => T;
  /** Drops the offered draft (the user said so). */
  discard: () => void;
  /** Drops the draft after a successful save. */
  drop: () => void;
}

function tabStorage(): DraftStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

interface Offered {
  key: string;
  patch: DraftPatch;
  offer: DraftOffer;
}

function findOffer<T extends object>(key: string | null, initial: T, revision: string | null): Offered | null {
  const storage = tabStorage();
  if (key === null || storage === null) return null;
  const stored = readDraft(storage, key, Date.now());
  if (stored === null || !draftDiffers(initial, stored.patch)) return null;
  const fields = Object.keys(draftPatch(applyDraft(initial, stored.patch), initial)).length;
  const changedSince = stored.revision !== null && revision !== null && stored.revision !== revision;
  return { key, patch: stored.patch, offer: { savedAt: stored.savedAt, fields, revision: stored.revision, changedSince } };
}

export function useFormDraft<T extends object>({
  form,
  initial,
  revision = null,
  values,
  enabled = true,
}: UseFormDraftOptions<T>): FormDraft<T> {
  const session = useSession();
  const { pathname } = useLocation();
  // Per user, by id; never the token. No session: nothing to keep it for.
  const key = enabled && session !== null ? draftKey({ user: session.user?.id ?? '-', page: pathname, form }) : null;

  const [offered, setOffered] = useState<Offered | null>(() => findOffer(key, initial, revision));
  const [checkedKey, setCheckedKey] = useState(key);
  if (checkedKey !== key && key !== null) {
    // Another page, form or user than the one last looked at: its own draft, if any.
    setCheckedKey(key);
    setOffered(findOffer(key, initial, revision));
  }

  // What a write needs, as of the last render that had a session: the write after a
  // sign-out (this form unmounting) still goes to the signed-out user's draft.
  const latest = useRef({ key, initial, revision, offered });
  useEffect(() => {
    latest.current = { key: key ?? latest.current.key, initial, revision, offered };
  });

  const pending = useRef<{ values: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    pending.current = null;
    const { key: target, initial: base, revision: typedAgainst, offered: open } = latest.current;
    const storage = tabStorage();
    if (next === null || target === null || storage === null) return;
    const patch = draftPatch(next.values, base);
    if (Object.keys(patch).length === 0) {
      // Back to what the form showed: no draft — but merely opening a form never drops one still offered.
      if (open === null || open.key !== target) removeDraft(storage, target);
      return;
    }
    writeDraft(storage, target, { savedAt: Date.now(), revision: typedAgainst, patch }, Date.now());
  }, []);

  const save = useCallback(
    (next: T) => {
      pending.current = { values: next };
      timer.current ??= setTimeout(flush, DRAFT_WRITE_DELAY_MS);
    },
    [flush],
  );

  const forget = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    const storage = tabStorage();
    const target = latest.current.key;
    if (storage !== null && target !== null) removeDraft(storage, target);
    latest.current = { ...latest.current, offered: null };
    setOffered(null);
  }, []);

  const restore = useCallback((current: T): T => {
    const open = latest.current.offered;
    latest.current = { ...latest.current, offered: null };
    setOffered(null);
    return open === null ? current : applyDraft(current, open.patch);
  }, []);

  // Written at once when the page goes away or out of sight (a closed tab, a crash
  // later), and when the form goes (a sign-out takes the page away).
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [flush]);

  const serialized = values === undefined ? null : JSON.stringify(values);
  const valuesRef = useRef(values);
  useEffect(() => {
    valuesRef.current = values;
  });
  useEffect(() => {
    if (serialized !== null && valuesRef.current !== undefined) save(valuesRef.current);
  }, [serialized, save]);

  return { offer: offered?.offer ?? null, save, restore, discard: forget, drop: forget };
}
