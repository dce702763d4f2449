// The answer-check worker with its worker run in-process (Node has no Worker): what the
// main thread gets back must be what checking it here gives, an unchanged answer the very
// same object, and a changed one sharing its unchanged items.
import { expose } from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAnswerChecker } from './answer-check';
import { serviceJson } from '../../test/api/fixtures';

const container = (n: number, status = 'running') => ({
  id: `production/node-1/api-${n}`,
  name: `api-${n}`,
  instance_number: n,
  status,
  state: { running: status === 'running' },
  node: { id: 'n1', name: 'node-1', connected: true, last_seen_at: null, labels: [] },
  service_rev: '3',
  deploy_rev: '2017-04-06T12:00:00.000Z',
  created_at: '2017-04-06T12:00:00.000Z',
  started_at: '2017-04-06T12:00:01.000Z',
  deleted_at: null,
  env: ['SECRET=x'],
});
const bytesOf = (value: unknown): ArrayBuffer => new TextEncoder().encode(JSON.stringify(value)).buffer as ArrayBuffer;

/**
 * A Worker that runs the answer checker in this thread behind a MessageChannel (comlink's
 * messages, answered asynchronously like a real one), or fails to start.
 */
class InProcessWorker extends EventTarget {
  static started = 0;
  static failToStart = false;
  static readonly ports: MessagePort[] = [];
  private readonly port: MessagePort;
  constructor() {
    super();
    InProcessWorker.started++;
    const channel = new MessageChannel();
    expose(createAnswerChecker(), channel.port2);
    this.port = channel.port1;
    this.port.addEventListener('message', (event) => this.dispatchEvent(new MessageEvent('message', { data: event.data })));
    this.port.start();
    InProcessWorker.ports.push(channel.port1, channel.port2);
  }
  postMessage(message: unknown, transfer: Transferable[] = []): void {
    if (InProcessWorker.failToStart) setTimeout(() => this.dispatchEvent(new Event('error')), 0);
    else this.port.postMessage(message, transfer);
  }
  terminate(): void {
    this.port.close();
  }
}

async function load(worker: boolean) {
  vi.resetModules();
  InProcessWorker.started = 0;
  InProcessWorker.failToStart = false;
  if (worker) vi.stubGlobal('Worker', InProcessWorker);
  return import('./answer-check-worker');
}

afterEach(() => {
  vi.unstubAllGlobals();
  for (const port of InProcessWorker.ports.splice(0)) port.close();
});

describe('checking big answers in a worker', () => {
  it('checks a grid’s services the same way: an unchanged list is the same object, a bad one is refused', async () => {
    const { checkOffThread } = await load(true);
    const services = [serviceJson({ id: 'production/null/a', name: 'a' }), serviceJson({ id: 'production/null/b', name: 'b' })];
    const first = await checkOffThread('services', 'GET /s', bytesOf({ services }));
    if (!first.ok) throw new Error('expected a checked answer');
    expect(first.data.services.map((svc) => svc.name)).toEqual(['a', 'b']);
    const again = await checkOffThread('services', 'GET /s', bytesOf({ services }));
    expect(again.ok && again.data).toBe(first.data);
    const bad = await checkOffThread('services', 'GET /s', bytesOf({ services: [{ ...services[0], instances: 'two' }] }));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.issues?.[0]?.path).toEqual(['services', 0, 'instances']);
  });

  it('gives what a check here gives, the same object for an unchanged answer, and shares unchanged items', async () => {
    const { checkOffThread } = await load(true);
    const first = await checkOffThread('containerSummaries', 'GET /a', bytesOf({ containers: [container(1), container(2), container(3)] }));
    expect(InProcessWorker.started).toBe(1);
    if (!first.ok) throw new Error('expected a checked answer');
    expect(first.data.containers.map((c) => c.name)).toEqual(['api-1', 'api-2', 'api-3']);
    expect(first.data.containers[0]).not.toHaveProperty('env');

    const again = await checkOffThread('containerSummaries', 'GET /a', bytesOf({ containers: [container(1), container(2), container(3)] }));
    expect(again.ok && again.data).toBe(first.data);

    const changed = await checkOffThread(
      'containerSummaries',
      'GET /a',
      bytesOf({ containers: [container(1), container(2, 'stopped'), container(3), container(4)] }),
    );
    if (!changed.ok) throw new Error('expected a checked answer');
    expect(changed.data).not.toBe(first.data);
    expect(changed.data.containers.map((c) => c.status)).toEqual(['running', 'stopped', 'running', 'running']);
    expect(changed.data.containers[0]).toBe(first.data.containers[0]);
    expect(changed.data.containers[2]).toBe(first.data.containers[2]);
    expect(changed.data.containers[1]).not.toBe(first.data.containers[1]);

    // Another answer (key) is its own: nothing shared, nothing mixed up.
    const other = await checkOffThread('containerSummaries', 'GET /b', bytesOf({ containers: [container(1)] }));
    expect(other.ok && other.data.containers).toHaveLength(1);
  });

  it('reports a mis-shaped answer with the schema’s words, and starts afresh after it', async () => {
    const { checkOffThread } = await load(true);
    await checkOffThread('containerSummaries', 'GET /a', bytesOf({ containers: [container(1)] }));
    const bad = await checkOffThread('containerSummaries', 'GET /a', bytesOf({ containers: [{ ...container(1), status: 'sleeping' }] }));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.issues?.[0]?.path).toEqual(['containers', 0, 'status']);
    const html = await checkOffThread('containerSummaries', 'GET /a', new TextEncoder().encode('<html>proxy</html>').buffer as ArrayBuffer);
    expect(!html.ok && html.body.shape).toBe('html');
    const good = await checkOffThread('containerSummaries', 'GET /a', bytesOf({ containers: [container(1)] }));
    expect(good.ok && good.data.containers[0]?.name).toBe('api-1');
  });

  it('keeps two answers of one key in flight apart', async () => {
    const { checkOffThread } = await load(true);
    await checkOffThread('containerSummaries', 'GET /a', bytesOf({ containers: [container(1)] }));
    const [x, y] = await Promise.all([
      checkOffThread('containerSummaries', 'GET /a', bytesOf({ containers: [container(1), container(2)] })),
      checkOffThread('containerSummaries', 'GET /a', bytesOf({ containers: [container(2), container(3)] })),
    ]);
    expect(x.ok && x.data.containers.map((c) => c.name)).toEqual(['api-1', 'api-2']);
    expect(y.ok && y.data.containers.map((c) => c.name)).toEqual(['api-2', 'api-3']);
    const z = await checkOffThread('containerSummaries', 'GET /a', bytesOf({ containers: [container(2), container(3)] }));
    expect(z.ok && z.data).toBe(y.ok && y.data);
  });

  it('keeps an unchanged answer the same object without a worker too', async () => {
    const { checkOffThread } = await load(false);
    const services = [serviceJson({ id: 'production/null/a', name: 'a' }), serviceJson({ id: 'production/null/b', name: 'b' })];
    const first = await checkOffThread('services', 'GET /s', bytesOf({ services }));
    const again = await checkOffThread('services', 'GET /s', bytesOf({ services }));
    expect(again.ok && again.data).toBe(first.ok && first.data);
    const changed = await checkOffThread('services', 'GET /s', bytesOf({ services: [services[0], { ...services[1], instances: 5 }] }));
    if (!first.ok || !changed.ok) throw new Error('expected checked answers');
    expect(changed.data.services[0]).toBe(first.data.services[0]);
    expect(changed.data.services[1]?.instances).toBe(5);
  });

  it('checks here when there is no worker, or when the worker fails to start', async () => {
    const here = await load(false);
    const plain = await here.checkOffThread('containerSummaries', 'GET /a', bytesOf({ containers: [container(1)] }));
    expect(plain.ok && plain.data.containers[0]?.name).toBe('api-1');

    const broken = await load(true);
    InProcessWorker.failToStart = true;
    const fallback = await broken.checkOffThread('containerSummaries', 'GET /a', bytesOf({ containers: [container(5)] }));
    expect(fallback.ok && fallback.data.containers[0]?.name).toBe('api-5');
    const after = await broken.checkOffThread('containerSummaries', 'GET /a', bytesOf({ containers: [container(6)] }));
    expect(after.ok && after.data.containers[0]?.name).toBe('api-6');
    expect(InProcessWorker.started).toBe(1);
  });
});
