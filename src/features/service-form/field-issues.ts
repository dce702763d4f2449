/**
 * The whole-form check, published once per change so that each input can read just its
 * own warning (and re-render only when that changes) and the save area can list what
 * blocks saving.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { FormCheck } from './validate-form';

export interface IssueStore {
  publish(check: FormCheck): void;
  subscribe(listener: () => void): () => void;
  check(): FormCheck;
}

export function createIssueStore(): IssueStore {
  let current: FormCheck = { errors: [], warnings: [] };
  const listeners = new Set<() => void>();
  return {
    publish(check) {
      current = check;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    check: () => current,
  };
}

export const IssueStoreContext = createContext<IssueStore | null>(null);

/** The warning at one input path, or undefined. */
export function useFieldWarning(path: string): string | undefined {
  const store = useContext(IssueStoreContext);
  const read = (): string | undefined => store?.check().warnings.find((w) => w.path === path)?.message;
  return useSyncExternalStore(store?.subscribe ?? noSubscribe, read, read);
}

function noSubscribe(): () => void {
  return () => undefined;
}
