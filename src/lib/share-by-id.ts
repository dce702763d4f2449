/**
 * Structural sharing for a polled list of records with ids: every record equal (as JSON)
 * to the one with its id in the previous answer is replaced by that previous object, and
 * when nothing changed the previous array itself comes back. It does what TanStack Query's
 * default replaceEqualDeep does for such a list, without rebuilding each record: measured
 * on 5,000 services, replaceEqualDeep took ~400 ms of main thread per poll in Chromium,
 * while a plain equality walk is a few ms.
 */

/** Deep equality of JSON values (what a parsed answer holds). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  // for…in rather than Object.keys: no arrays allocated per object (5,000 services a poll).
  let keys = 0;
  for (const k in ra) {
    keys += 1;
    if (!Object.hasOwn(rb, k) || !jsonEqual(ra[k], rb[k])) return false;
  }
  for (const _k in rb) keys -= 1;
  return keys === 0;
}

export function shareById<T extends { id: string }>(previous: readonly T[] | undefined, next: readonly T[]): readonly T[] {
  if (previous === undefined || previous.length === 0) return next;
  const before = new Map<string, T>();
  for (const item of previous) before.set(item.id, item);
  let allKept = previous.length === next.length;
  const out = next.map((item, i) => {
    const old = before.get(item.id);
    if (old !== undefined && jsonEqual(old, item)) {
      if (previous[i] !== old) allKept = false;
      return old;
    }
    allKept = false;
    return item;
  });
  return allKept ? previous : out;
}
