/**
 * The answer-check worker. Why: the big polled answers (a grid's 5,000 services, a
 * service's 2,000 containers: megabytes of JSON every few seconds) would cost the thread
 * that draws their decode, JSON parse, schema check and garbage; a worker does that work.
 * How: apiRequestOffThread (client.ts) hands the body's bytes to checkOffThread
 * (transferred, not copied); the worker (answer-check-worker.entry.ts, running
 * createAnswerChecker of answer-check.ts, over comlink) sends back only what changed since
 * the previous answer of the same key, and the answer is rebuilt here from the items
 * already held. That rebuild is the one place these lists keep their identity: an
 * unchanged item is the previous object, an unchanged answer the very same object, so
 * nothing downstream recomputes or re-renders (servicesQuery and containerSummariesQuery
 * turn TanStack's structural sharing off for it). Without a Worker (Vitest under Node or
 * jsdom) or when it cannot start (a CSP without worker-src 'self', a chunk that failed to
 * load), the same job runs here, identity included.
 */
import type { Remote, transfer } from 'comlink';
import { createAnswerChecker, KEYS_KEPT, offThreadEntry } from './answer-check';
import type { AnswerCheck, AnswerChecker, AnswerJob, CheckerAnswer, ListPatch, OffThreadAnswers, OffThreadName } from './answer-check';

type Data<K extends OffThreadName> = OffThreadAnswers[K];

/** An answer as the checker last saw it too. */
interface Held {
  data: unknown;
  items: readonly unknown[];
}

interface StartedWorker {
  checker: Remote<AnswerChecker>;
  transfer: typeof transfer;
  /** Rejects when the worker fails (its script did not load, or it crashed): comlink's calls would wait for ever. */
  failed: Promise<never>;
}

let worker: Worker | null = null;
let started: Promise<StartedWorker> | null = null;
/** Once a worker failed, every later answer is checked here. */
let workerBroken = typeof Worker === 'undefined';
/** Once the worker has answered, it is known to run: bytes go over without a spare copy. */
let workerProven = false;
/** The checker of this thread, for when there is no worker: its own memory of answers. */
let checkerHere: AnswerChecker | null = null;
/** The last answer per key. */
const held = new Map<string, Held>();
/** Keys with a job in flight: another job of the same key goes without a base. */
const inFlight = new Map<string, number>();

const STOPPED: AnswerCheck<never> = {
  ok: false,
  body: { text: '', json: undefined, shape: 'empty' },
  issues: [{ path: [], message: 'the answer checker stopped' }],
};

function startWorker(): Promise<StartedWorker> | null {
  if (workerBroken) return null;
  if (started) return started;
  let w: Worker;
  try {
    w = new Worker(new URL('./answer-check-worker.entry.ts', import.meta.url), { type: 'module', name: 'answer-check' });
  } catch {
    workerBroken = true;
    return null;
  }
  worker = w;
  const failed = new Promise<never>((_, reject) => {
    w.addEventListener('error', () => reject(new Error('the answer checker stopped')));
  });
  // Rejected with no job waiting is not an unhandled error: the next job just runs here.
  failed.catch(() => undefined);
  // comlink loads with the worker's script, not with the first route (2 KB gzip of a
  // budget of 170 KB that the page's first load is close to).
  started = import('comlink').then(({ wrap, transfer }) => ({ checker: wrap<AnswerChecker>(w), transfer, failed }));
  return started;
}

/** The worker failed: it goes, and so does what it remembered (later jobs run here from no base). */
function stopWorker(): void {
  if (worker === null) return;
  workerBroken = true;
  worker.terminate();
  worker = null;
  started = null;
  held.clear();
}

/** Starts the worker now (when a request is sent), so its script loads while the answer is on its way. */
export function warmUpOffThread(): void {
  startWorker();
}

function checkHere(job: AnswerJob): CheckerAnswer {
  checkerHere ??= createAnswerChecker();
  return checkerHere.check(job);
}

async function runJob(job: AnswerJob): Promise<CheckerAnswer> {
  const starting = startWorker();
  if (starting === null) return checkHere(job);
  // The worker takes the bytes. Until it has answered once, a copy stays here in case it
  // cannot start (then the job runs here, from no base: this thread's checker has none).
  const copy = workerProven ? null : job.bytes.slice(0);
  try {
    const w = await starting;
    const answer = await Promise.race([w.checker.check(w.transfer(job, [job.bytes])), w.failed]);
    workerProven = true;
    return answer;
  } catch {
    stopWorker();
    return copy ? checkHere({ ...job, base: false, bytes: copy }) : { check: STOPPED };
  }
}

function hold(key: string, entry: Held): void {
  held.delete(key);
  held.set(key, entry);
  if (held.size > KEYS_KEPT) held.delete(held.keys().next().value ?? '');
}

/** The answer the patch describes, from the base the job was sent with. */
function rebuild<K extends OffThreadName>(name: K, key: string, base: Held | undefined, patch: ListPatch): Data<K> {
  if (patch.same && base) {
    hold(key, base);
    return base.data as Data<K>;
  }
  const items = patch.same ? [] : patch.items.map((item) => (typeof item === 'number' ? base?.items[item] : item));
  // The items were checked by the schema (in this answer or an earlier one).
  const data = offThreadEntry(name).withList(items);
  hold(key, { data, items });
  return data;
}

/**
 * Checks the body's bytes against the named schema, in the worker when there is one.
 * `key` names the answer (its path) so an unchanged list comes back as the same object.
 */
export async function checkOffThread<K extends OffThreadName>(name: K, key: string, bytes: ArrayBuffer): Promise<AnswerCheck<Data<K>>> {
  const base = inFlight.has(key) ? undefined : held.get(key);
  inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
  let answer: CheckerAnswer;
  try {
    answer = await runJob({ name, key, base: base !== undefined, bytes });
  } finally {
    const left = (inFlight.get(key) ?? 1) - 1;
    if (left > 0) inFlight.set(key, left);
    else inFlight.delete(key);
  }
  if ('check' in answer) {
    held.delete(key);
    return answer.check as AnswerCheck<Data<K>>;
  }
  return { ok: true, data: rebuild(name, key, base, answer.patch) };
}
