/**
 * Checks a 2xx answer's body against its schema, as plain data: the same check runs on
 * the main thread (apiRequest) and in the answer worker (off-thread.ts), and the caller
 * turns a failure into its ApiError.
 */
import type { z } from './schemas/zod-mini';
import type { ResponseBody } from './response-body';

export interface AnswerIssue {
  path: PropertyKey[];
  message: string;
}

export type AnswerCheck<T> = { ok: true; data: T } | { ok: false; body: ResponseBody; issues: readonly AnswerIssue[] | null };

export function checkAnswer<T>(schema: z.ZodMiniType<T>, body: ResponseBody): AnswerCheck<T> {
  if (body.shape !== 'json') {
    const empty = schema.safeParse(undefined);
    if (body.shape === 'empty' && empty.success) return { ok: true, data: empty.data };
    return { ok: false, body, issues: null };
  }
  const parsed = schema.safeParse(body.json);
  if (parsed.success) return { ok: true, data: parsed.data };
  // Paths and messages only: plain data a worker can post, and never a value (no token leaks).
  return { ok: false, body, issues: parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message })) };
}
