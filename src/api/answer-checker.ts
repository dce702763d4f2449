/**
 * What the answer worker does (answer-worker.ts runs it): decode, JSON-parse and check a
 * big polled answer's bytes, and remember its list items by key, so that what goes back
 * to the main thread is only what changed: an unchanged item as its index in the previous
 * answer, a poll that changed nothing as `same`.
 */
import { checkAnswer } from './answer-check';
import type { AnswerCheck } from './answer-check';
import { offThreadEntry } from './off-thread-schemas';
import type { OffThreadName } from './off-thread-schemas';
import { interpretBody } from './response-body';

export interface AnswerJob {
  id: number;
  name: OffThreadName;
  /** Which answer this is (its path): items are compared with the previous answer of the same key. */
  key: string;
  /** The main thread holds the previous answer of this key and can take indices into it. */
  base: boolean;
  bytes: ArrayBuffer;
}

/** The list of an answer, item by item: the item itself, or the index of the same item in the previous answer. */
export type ListPatch = { same: true } | { same: false; items: (unknown | number)[] };

export type WorkerAnswer = { id: number; check: AnswerCheck<unknown> } | { id: number; patch: ListPatch };

/** Answers remembered at most (one per open view of a big list). */
const KEYS_KEPT = 8;

/** What the worker does with a job, as a function of its own (the worker remembers answers in it). */
export function createAnswerChecker(): (job: AnswerJob) => WorkerAnswer {
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

  return (job) => {
    const { schema, list } = offThreadEntry(job.name);
    const check = checkAnswer(schema, interpretBody(decoder.decode(job.bytes)));
    if (!check.ok) {
      previous.delete(job.key);
      return { id: job.id, check };
    }
    return { id: job.id, patch: patchOf(job, list(check.data)) };
  };
}
