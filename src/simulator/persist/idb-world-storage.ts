/**
 * Where the browser keeps the simulated world between page loads: IndexedDB, one record
 * per scenario. IndexedDB stores by structured clone, so the world's Maps, Sets and shared
 * references go in and come out as they are, copied the moment `put` is called.
 */
import type { WorldStorage } from '../browser-host';
import type { ScenarioName } from '../contract';
import type { WorldState } from './world-state';

const DB_NAME = 'kontena-simulated-master';
const STORE = 'worlds';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function createIdbWorldStorage(factory: IDBFactory = indexedDB): WorldStorage {
  let db: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    db ??= new Promise((resolve, reject) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    });
    return db;
  };
  return {
    async load(scenario: ScenarioName) {
      const tx = (await open()).transaction(STORE, 'readonly');
      const value: unknown = await promised(tx.objectStore(STORE).get(scenario));
      return (value ?? null) as WorldState | null;
    },
    async save(world) {
      const tx = (await open()).transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(world, world.scenario);
      await done(tx);
    },
    async clear(scenario) {
      const tx = (await open()).transaction(STORE, 'readwrite');
      tx.objectStore(STORE).delete(scenario);
      await done(tx);
    },
  };
}
