/**
 * Runs `task` for every item, at most `limit` at a time, and gives every item's outcome
 * in the items' order: one failure never stops the others (a bulk action reports a
 * result per service).
 */
type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function runEach<I, T>(
  items: readonly I[],
  limit: number,
  task: (item: I, index: number) => Promise<T>,
  onSettled?: (index: number, outcome: Outcome<T>) => void,
): Promise<Outcome<T>[]> {
  const outcomes: Outcome<T>[] = new Array<Outcome<T>>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      const item = items[index] as I;
      let outcome: Outcome<T>;
      try {
        outcome = { ok: true, value: await task(item, index) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      outcomes[index] = outcome;
      onSettled?.(index, outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return outcomes;
}
