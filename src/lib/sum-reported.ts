/**
 * A service's total of one figure over its containers' stats samples (CPU %, memory,
 * network): the sum of the containers that reported it, or null when none did, since a
 * service whose containers sent no CPU figure has no CPU figure, not 0 %. The one
 * per-service sum behind the stats page's totals and the wall's sparklines.
 */
export function sumReported<T>(items: readonly T[], pick: (item: T) => number | null | undefined): number | null {
  let total: number | null = null;
  for (const item of items) {
    const value = pick(item);
    if (value === null || value === undefined || !Number.isFinite(value)) continue;
    total = (total ?? 0) + value;
  }
  return total;
}
