/**
 * The whole-form check, published once per change so that each input can read just its
 * own warning (and re-render only when that changes) and the save area can list what
 * blocks saving; and which of its errors the form shows yet.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { FieldIssue } from './option-groups';
import type { FormCheck } from './validate-form';

interface IssueStore {
  /** The check of the current values, and the errors of it the form shows (see `shownErrors`). */
  publish(check: FormCheck, shown?: readonly FieldIssue[]): void;
  subscribe(listener: () => void): () => void;
  check(): FormCheck;
  shown(): readonly FieldIssue[];
}

export function createIssueStore(): IssueStore {
  let current: FormCheck = { errors: [], warnings: [] };
  let shown: readonly FieldIssue[] = [];
  const listeners = new Set<() => void>();
  return {
    publish(check, shownErrors = check.errors) {
      current = check;
      shown = shownErrors;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    check: () => current,
    shown: () => shown,
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Whether the user has left the input at `path` (react-hook-form's touchedFields), or,
 * for a path that is a whole list or group (`volumesFrom.root`, `healthCheck`), any input
 * inside it.
 */
export function isTouched(touched: unknown, path: string): boolean {
  let node: unknown = touched;
  for (const part of path.split('.')) {
    if (node === true) return true;
    if (!isRecord(node)) return false;
    node = node[part];
  }
  return anyTrue(node);
}

function anyTrue(node: unknown): boolean {
  if (node === true) return true;
  return isRecord(node) && Object.values(node).some(anyTrue);
}

/**
 * The errors the form shows: none at an input the user has not left yet, every one once
 * a save was attempted. An untouched new-service form is not a list of mistakes.
 */
export function shownErrors(errors: readonly FieldIssue[], touched: unknown, submitted: boolean): FieldIssue[] {
  return submitted ? [...errors] : errors.filter((error) => isTouched(touched, error.path));
}

/**
 * The master's messages react-hook-form holds (set by a failed save as type "server"),
 * by input path: the form's own check knows nothing of them, so the save area adds them.
 */
export function serverErrors(errors: unknown, prefix = ''): FieldIssue[] {
  if (!isRecord(errors)) return [];
  if (typeof errors.type === 'string') {
    return errors.type === 'server' && typeof errors.message === 'string' && prefix !== ''
      ? [{ path: prefix, message: errors.message }]
      : [];
  }
  return Object.entries(errors).flatMap(([key, value]) =>
    key === 'ref' ? [] : serverErrors(value, prefix === '' ? key : `${prefix}.${key}`),
  );
}
