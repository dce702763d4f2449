/**
 * Checking big polled answers (off-thread-schemas.ts) in a worker (answer-checker.ts): the
 * main thread hands over the body's bytes (transferred, not copied) and gets back only
 * what changed since the previous answer of the same key, which it rebuilds from the
 * items it already holds. So the decode, the JSON parse, the schema check and the garbage
 * of a 3 MB answer stay off the thread that draws, and an unchanged poll gives back the
 * very same object (nothing downstream recomputes). Where there is no worker (tests under
 * Node, or a worker that failed to start) the same check runs here.
 */
import type { AnswerCheck } from './answer-check';
import { checkAnswer } from './answer-check';
import type { AnswerJob, ListPatch, WorkerAnswer } from './answer-checker';
import { offThreadEntry } from './off-thread-schemas';
import type { OffThreadAnswers, OffThreadName } from './off-thread-schemas';
import { interpretBody } from './response-body';

type Data<K extends OffThreadName> = OffThreadAnswers[K];

interface Pending {
  resolve: (answer: WorkerAnswer) => void;
  fallback: () => void;
}

/** Answers kept to rebuild the next one from (as many as the worker keeps). */
const KEYS_KEPT = 8;

let worker: Worker | null = null;
/** Once a worker failed, every later answer is checked here. */
let workerBroken = typeof Worker === 'undefined';
/** Once the worker has answered, it is known to run: bytes go over without a spare copy. */
let workerProven = false;
let nextId = 1;
const pending = new Map<number, Pending>();
/** The last answer per key, as the worker last saw it too. */
const held = new Map<string, { data: unknown; items: readonly unknown[] }>();
/** Keys with a job in flight: another job of the same key goes without a base. */
const inFlight = new Map<string, number>();

function startWorker(): Worker | null {
  if (workerBroken) return null;
  if (worker) return worker;
  try {
    worker = new Worker(new URL('./answer-worker.ts', import.meta.url), { type: 'module', name: 'answer-check' });
  } catch {
    workerBroken = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
    workerProven = true;
    const job = pending.get(event.data.id);
    pending.delete(event.data.id);
    job?.resolve(event.data);
  };
  worker.onerror = () => {
    // It could not load (a CSP without worker-src, a failed chunk): check here from now on.
    workerBroken = true;
    worker?.terminate();
    worker = null;
    held.clear();
    for (const job of pending.values()) job.fallback();
    pending.clear();
  };
  return worker;
}

/** Starts the worker now (when a request is sent), so its script loads while the answer is on its way. */
export function warmUpOffThread(): void {
  startWorker();
}

function checkHere<K extends OffThreadName>(name: K, bytes: ArrayBuffer): AnswerCheck<Data<K>> {
  return checkAnswer(offThreadEntry(name).schema, interpretBody(new TextDecoder().decode(bytes)));
}

function hold(key: string, entry: { data: unknown; items: readonly unknown[] }): void {
  held.delete(key);
  held.set(key, entry);
  if (held.size > KEYS_KEPT) held.delete(held.keys().next().value ?? '');
}

/** The answer the patch describes, from the base the job was sent with. */
function rebuild<K extends OffThreadName>(name: K, key: string, base: { data: unknown; items: readonly unknown[] } | undefined, patch: ListPatch): Data<K> {
  if (patch.same && base) {
    hold(key, base);
    return base.data as Data<K>;
  }
  const items = patch.same ? [] : patch.items.map((item) => (typeof item === 'number' ? base?.items[item] : item));
  // The items were checked by the schema in the worker (or are ones checked before).
  const data = offThreadEntry(name).withList(items);
  hold(key, { data, items });
  return data;
}

/**
 * Checks the body's bytes against the named schema, in the worker when there is one.
 * `key` names the answer (its path) so an unchanged list comes back as the same object.
 */
export function checkOffThread<K extends OffThreadName>(name: K, key: string, bytes: ArrayBuffer): Promise<AnswerCheck<Data<K>>> {
  const w = startWorker();
  if (w === null) return Promise.resolve(checkHere(name, bytes));
  const base = inFlight.has(key) ? undefined : held.get(key);
  inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
  const done = () => {
    const left = (inFlight.get(key) ?? 1) - 1;
    if (left > 0) inFlight.set(key, left);
    else inFlight.delete(key);
  };
  // The worker takes the bytes. Until it has answered once, a copy stays here in case it
  // cannot start (then onerror checks the pending answers here).
  const copy = workerProven ? null : bytes.slice(0);
  return new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, {
      resolve: (answer) => {
        done();
        if ('check' in answer) {
          held.delete(key);
          resolve(answer.check as AnswerCheck<Data<K>>);
        } else {
          resolve({ ok: true, data: rebuild(name, key, base, answer.patch) });
        }
      },
      fallback: () => {
        done();
        resolve(copy ? checkHere(name, copy) : { ok: false, body: { text: '', json: undefined, shape: 'empty' }, issues: [{ path: [], message: 'the answer checker stopped' }] });
      },
    });
    const job: AnswerJob = { id, name, key, base: base !== undefined, bytes };
    w.postMessage(job, [bytes]);
  });
}
