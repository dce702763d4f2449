/**
 * What checking an answer is, the same on both threads: a 2xx body against its schema
 * (checkAnswer, run by apiRequest for every answer), and for the big polled lists
 * (OFF_THREAD_SCHEMAS) the job the answer-check worker does with their bytes
 * (createAnswerChecker). answer-check-worker.ts runs that job in the worker, or here when
 * there is none; it lives apart from it because a worker's script may not import the
 * module that starts the worker (Vite refuses circular worker imports).
 */
import type { z } from './schemas/zod-mini';
import { containerSummaryListSchema } from './schemas/container';
import type { ContainerSummary } from './schemas/container';
import { serviceListSchema } from './schemas/service';
import type { Service } from './schemas/service';
import { interpretBody } from './response-body';
import type { ResponseBody } from './response-body';

export interface AnswerIssue {
  path: PropertyKey[];
  message: string;
}

export type AnswerCheck<T> = { ok: true; data: T } | { ok: false; body: ResponseBody; issues: readonly AnswerIssue[] | null };

/** The caller turns a failure into its ApiError. */
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

/** The answers checked off the main thread (big, polled lists), by name, as they are once checked. */
export interface OffThreadAnswers {
  containerSummaries: { containers: ContainerSummary[] };
  services: { services: Service[] };
}

export type OffThreadName = keyof OffThreadAnswers;

interface OffThreadEntry<T> {
  schema: z.ZodMiniType<T>;
  list: (answer: T) => readonly unknown[];
  /** The answer around a list of items that were checked (by the schema, in this answer or an earlier one). */
  withList: (items: unknown[]) => T;
}

/** Both threads check with the same schema and agree on where the answer's list is. */
const OFF_THREAD_SCHEMAS: { [K in OffThreadName]: OffThreadEntry<OffThreadAnswers[K]> } = {
  /** A service's containers as the live views read them: 3 MB of JSON at 2,000 instances. */
  containerSummaries: {
    schema: containerSummaryListSchema,
    list: (answer) => answer.containers,
    withList: (items) => ({ containers: items as ContainerSummary[] }),
  },
  /** A grid's services, polled by the list and the wall: megabytes of JSON at 5,000 services. */
  services: {
    schema: serviceListSchema,
    list: (answer) => answer.services,
    withList: (items) => ({ services: items as Service[] }),
  },
};

/** The entry of `name`, typed by it (a mapped-type lookup keeps schema, list and answer together). */
export function offThreadEntry<K extends OffThreadName>(name: K): OffThreadEntry<OffThreadAnswers[K]> {
  return OFF_THREAD_SCHEMAS[name];
}

export interface AnswerJob {
  name: OffThreadName;
  /** Which answer this is (its path): items are compared with the previous answer of the same key. */
  key: string;
  /** The main thread holds the previous answer of this key and can take indices into it. */
  base: boolean;
  bytes: ArrayBuffer;
}

/** The list of an answer, item by item: the item itself, or the index of the same item in the previous answer. */
export type ListPatch = { same: true } | { same: false; items: (unknown | number)[] };

/** A failed check as it is, or a good answer as what changed in its list. */
export type CheckerAnswer = { check: AnswerCheck<unknown> } | { patch: ListPatch };

export interface AnswerChecker {
  check(job: AnswerJob): CheckerAnswer;
}

/** Answers remembered at most (one per open view of a big list); the main thread holds as many. */
export const KEYS_KEPT = 8;

/**
 * Decodes, JSON-parses and checks a big answer's bytes, and remembers its list items by
 * key, so that what goes back is only what changed: an unchanged item as its index in
 * the previous answer, an answer that changed nothing as `same`.
 */
export function createAnswerChecker(): AnswerChecker {
  const decoder = new TextDecoder();
  /** Per key: each item's JSON text, in the answer's order. */
  const previous = new Map<string, string[]>();

  function patchOf(job: AnswerJob, items: readonly unknown[]): ListPatch {
    const texts = items.map((item) => JSON.stringify(item));
    const before = job.base ? previous.get(job.key) : undefined;
    previous.delete(job.key);
    previous.set(job.key, texts);
    if (previous.size > KEYS_KEPT) previous.delete(previous.keys().next().value ?? '');
    if (before === undefined) return { same: false, items: [...items] };
    if (before.length === texts.length && texts.every((t, i) => t === before[i])) return { same: true };
    const at = new Map(before.map((t, i) => [t, i]));
    return { same: false, items: items.map((item, i) => at.get(texts[i] ?? '') ?? item) };
  }

  return {
    check(job) {
      const { schema, list } = offThreadEntry(job.name);
      const check = checkAnswer(schema, interpretBody(decoder.decode(job.bytes)));
      if (!check.ok) {
        previous.delete(job.key);
        return { check };
      }
      return { patch: patchOf(job, list(check.data)) };
    },
  };
}
