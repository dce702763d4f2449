/**
 * What every option parser returns. A parsed value may carry a warning: the input is
 * accepted (the master takes it) but is probably not what the user meant.
 */
export type ParseResult<T> = { ok: true; value: T; warning?: string } | { ok: false; error: string };

export function ok<T>(value: T, warning?: string): ParseResult<T> {
  return warning === undefined ? { ok: true, value } : { ok: true, value, warning };
}

export function fail<T = never>(error: string): ParseResult<T> {
  return { ok: false, error };
}
