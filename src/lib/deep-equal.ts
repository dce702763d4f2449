/**
 * Structural equality of JSON-like values (plain objects, arrays, primitives): the same
 * keys with equal values, in any key order; arrays in order. `undefined` members count
 * as absent, as they do in a JSON body.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  const aEntries = Object.entries(a).filter(([, v]) => v !== undefined);
  const bEntries = Object.entries(b).filter(([, v]) => v !== undefined);
  if (aEntries.length !== bEntries.length) return false;
  const bMap = new Map(bEntries);
  return aEntries.every(([key, value]) => bMap.has(key) && deepEqual(value, bMap.get(key)));
}
