/**
 * Hooks for the benchmark (bench/logs.mjs). They do nothing unless the harness has put
 * an object at `globalThis.__kontenaPerf` before the app loaded, so the production build
 * carries only these few lines and never keeps anything alive on its own.
 */
interface PerfProbe {
  /** Weak references to the terminals created, for the open/close leak count. */
  terminals?: WeakRef<object>[];
  /** Adds `n` to the counter `name` (e.g. "logs.ingested", "logs.shown"). */
  count?(name: string, n: number): void;
}

export function perfProbe(): PerfProbe | undefined {
  const probe: unknown = (globalThis as { __kontenaPerf?: unknown }).__kontenaPerf;
  return typeof probe === 'object' && probe !== null ? (probe as PerfProbe) : undefined;
}
