import { describe, expect, it } from 'vitest';
import {
  DRAFT_KEY_PREFIX,
  DRAFT_MAX_AGE_MS,
  MAX_DRAFTS,
  MAX_DRAFT_CHARS,
  applyDraft,
  draftDiffers,
  draftKey,
  draftPatch,
  pruneDrafts,
  readDraft,
  removeDraft,
  writeDraft,
} from './form-drafts';
import type { DraftStorage, StoredDraft } from './form-drafts';

/** A Web Storage in memory; `capacity`: how many items fit before setItem throws as a full one does. */
class TestStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  constructor(private readonly capacity = Infinity) {}
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (!this.items.has(key) && this.items.size >= this.capacity) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const NOW = Date.parse('2017-04-06T14:02:00.000Z');
const TOKEN = 'a'.repeat(64);
const empty = { name: '', image: '', instances: '', ports: [] as { value: string }[], stateful: false };

function draft(patch: Record<string, unknown>, savedAt = NOW, revision: string | null = null): StoredDraft {
  return { savedAt, revision, patch };
}

describe('keys: one draft per user, page and form', () => {
  const base = { user: 'u1', page: '/grids/production/services/new', form: 'create-service' };

  it('differs by user, by page and by form', () => {
    const keys = new Set([
      draftKey(base),
      draftKey({ ...base, user: 'u2' }),
      draftKey({ ...base, page: '/grids/staging/services/new' }),
      draftKey({ ...base, form: 'env-add' }),
    ]);
    expect(keys.size).toBe(4);
    for (const key of keys) expect(key.startsWith(DRAFT_KEY_PREFIX)).toBe(true);
  });

  it('cannot be confused by separators in a user id or a form name', () => {
    expect(draftKey({ user: 'a|b', page: '/x', form: 'c' })).not.toBe(draftKey({ user: 'a', page: '/x', form: 'b|c' }));
  });

  it('another user does not read the first user’s draft', () => {
    const storage = new TestStorage();
    writeDraft(storage, draftKey(base), draft({ name: 'web' }), NOW);
    expect(readDraft(storage, draftKey({ ...base, user: 'u2' }), NOW)).toBeNull();
    expect(readDraft(storage, draftKey(base), NOW)?.patch).toEqual({ name: 'web' });
  });

  it('holds no token: the key names the user by id, the record holds the patch, its time and revision only', () => {
    const storage = new TestStorage();
    const key = draftKey({ user: 'u1', page: '/grids/production/services/null/web/settings', form: 'edit-service' });
    writeDraft(storage, key, draft({ image: 'nginx' }, NOW, '3'), NOW);
    expect([...storage.items.keys()]).toEqual([key]);
    const text = storage.getItem(key) ?? '';
    expect(JSON.parse(text)).toEqual({ savedAt: NOW, revision: '3', patch: { image: 'nginx' } });
    expect(`${key}${text}`).not.toContain(TOKEN);
  });
});

describe('a draft is what was changed', () => {
  it('keeps the fields that differ from what the form showed', () => {
    expect(draftPatch({ ...empty, name: 'web', ports: [{ value: '80' }] }, empty)).toEqual({ name: 'web', ports: [{ value: '80' }] });
    expect(draftPatch(empty, empty)).toEqual({});
  });

  it('puts back only fields the form has, with values of the same kind', () => {
    const restored = applyDraft(empty, { name: 'web', gone: 'x', instances: 3, ports: 'not a list', stateful: true });
    expect(restored).toEqual({ ...empty, name: 'web', stateful: true });
  });

  it('over a newer version of the form, leaves the fields it did not change as they are now', () => {
    const now = { ...empty, image: 'redis:4', instances: '2' };
    expect(applyDraft(now, { instances: '5' })).toEqual({ ...now, instances: '5' });
  });

  it('differs when it changes something of what is shown', () => {
    expect(draftDiffers(empty, { name: 'web' })).toBe(true);
    expect(draftDiffers({ ...empty, name: 'web' }, { name: 'web' })).toBe(false);
    expect(draftDiffers(empty, { unknown: 'x' })).toBe(false);
  });
});

describe('bounds', () => {
  it('a draft over the size cap is not written; the last one that fitted stays', () => {
    const storage = new TestStorage();
    const key = draftKey({ user: 'u1', page: '/p', form: 'f' });
    expect(writeDraft(storage, key, draft({ name: 'small' }), NOW)).toBe('written');
    expect(writeDraft(storage, key, draft({ name: 'x'.repeat(MAX_DRAFT_CHARS) }), NOW + 1)).toBe('too-big');
    expect(readDraft(storage, key, NOW + 1)?.patch).toEqual({ name: 'small' });
  });

  it(`keeps at most ${MAX_DRAFTS} drafts: the oldest go`, () => {
    const storage = new TestStorage();
    const key = (n: number) => draftKey({ user: 'u1', page: `/page/${n}`, form: 'f' });
    for (let n = 0; n <= MAX_DRAFTS; n += 1) writeDraft(storage, key(n), draft({ name: `n${n}` }, NOW + n), NOW + n);
    expect(storage.length).toBe(MAX_DRAFTS);
    expect(readDraft(storage, key(0), NOW + MAX_DRAFTS)).toBeNull();
    expect(readDraft(storage, key(1), NOW + MAX_DRAFTS)?.patch).toEqual({ name: 'n1' });
    expect(readDraft(storage, key(MAX_DRAFTS), NOW + MAX_DRAFTS)?.patch).toEqual({ name: `n${MAX_DRAFTS}` });
  });

  it('rewriting a draft does not count it twice', () => {
    const storage = new TestStorage();
    const key = draftKey({ user: 'u1', page: '/p', form: 'f' });
    for (let n = 0; n < 5; n += 1) writeDraft(storage, key, draft({ name: `n${n}` }, NOW + n), NOW + n);
    expect(storage.length).toBe(1);
  });

  it('when the storage is full, makes room by dropping the oldest others; leaves other things alone', () => {
    const storage = new TestStorage(4);
    storage.setItem('kontena-dashboard.session', '{}');
    const key = (n: number) => draftKey({ user: 'u1', page: `/page/${n}`, form: 'f' });
    for (let n = 0; n < 5; n += 1) expect(writeDraft(storage, key(n), draft({ name: `n${n}` }, NOW + n), NOW + n)).toBe('written');
    expect(storage.getItem('kontena-dashboard.session')).toBe('{}');
    expect([0, 1, 2, 3, 4].map((n) => readDraft(storage, key(n), NOW + 5) !== null)).toEqual([false, false, true, true, true]);
  });

  it('a storage that refuses everything: "failed", nothing thrown', () => {
    const storage = new TestStorage(0);
    expect(writeDraft(storage, draftKey({ user: 'u1', page: '/p', form: 'f' }), draft({ name: 'web' }), NOW)).toBe('failed');
  });
});

describe('expiry and dropping', () => {
  it(`a draft older than ${DRAFT_MAX_AGE_MS / 86_400_000} days is gone when read`, () => {
    const storage = new TestStorage();
    const key = draftKey({ user: 'u1', page: '/p', form: 'f' });
    writeDraft(storage, key, draft({ name: 'web' }), NOW);
    expect(readDraft(storage, key, NOW + DRAFT_MAX_AGE_MS)?.patch).toEqual({ name: 'web' });
    expect(readDraft(storage, key, NOW + DRAFT_MAX_AGE_MS + 1)).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('pruning drops expired and unreadable drafts only', () => {
    const storage = new TestStorage();
    writeDraft(
      storage,
      draftKey({ user: 'u1', page: '/old', form: 'f' }),
      draft({ name: 'old' }, NOW - DRAFT_MAX_AGE_MS - 1),
      NOW - DRAFT_MAX_AGE_MS - 1,
    );
    writeDraft(storage, draftKey({ user: 'u1', page: '/new', form: 'f' }), draft({ name: 'new' }), NOW);
    storage.setItem(draftKey({ user: 'u1', page: '/broken', form: 'f' }), 'not json');
    storage.setItem('something-else', 'kept');
    pruneDrafts(storage, NOW);
    expect([...storage.items.keys()]).toEqual([draftKey({ user: 'u1', page: '/new', form: 'f' }), 'something-else']);
  });

  it('a saved form’s draft is removed', () => {
    const storage = new TestStorage();
    const key = draftKey({ user: 'u1', page: '/p', form: 'f' });
    writeDraft(storage, key, draft({ name: 'web' }), NOW);
    removeDraft(storage, key);
    expect(readDraft(storage, key, NOW)).toBeNull();
  });
});
