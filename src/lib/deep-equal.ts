/**
 * Structural equality of JSON-like values (plain objects, arrays, primitives): the same
 * keys with equal values, in any key order; arrays in order. `undefined` members count
 * as absent, as they do in a JSON body. The one deep-equal of the app (form values
 * against their base, drafts); it walks without allocating (for…in, no key arrays), so it
 * is fit for a poll of 5,000 records too. Plain objects only: for…in would also see
 * enumerable members of a prototype.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let members = 0;
  for (const key in ra) {
    const value = ra[key];
    if (value === undefined) continue;
    members += 1;
    if (!Object.hasOwn(rb, key) || !deepEqual(value, rb[key])) return false;
  }
  for (const key in rb) if (rb[key] !== undefined) members -= 1;
  return members === 0;
}
