/**
 * The app's notifications ("Scaled web to 3 instances", "Stop of api failed: …"): a tiny
 * store any page can post to, shown by <ToastRegion/>. It lives outside React so a
 * result that arrives after its page was left is still told on the next one.
 * Successes go after a while; errors stay until dismissed, since they may carry a retry.
 */
import { useSyncExternalStore } from 'react';
import { createListeners } from '../lib/listeners';

type ToastTone = 'success' | 'error' | 'info';

interface ToastAction {
  label: string;
  onAction: () => void;
}

interface ToastInput {
  tone: ToastTone;
  title: string;
  body?: string;
  action?: ToastAction;
}

export interface Toast extends ToastInput {
  id: number;
}

/** At most this many on screen; the oldest goes first. */
const MAX_TOASTS = 4;
/** How long a success or info toast stays. */
export const TOAST_MS = 8_000;

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = createListeners();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

export function dismissToast(id: number): void {
  const timer = timers.get(id);
  if (timer !== undefined) clearTimeout(timer);
  timers.delete(id);
  if (!toasts.some((t) => t.id === id)) return;
  toasts = toasts.filter((t) => t.id !== id);
  listeners.notify();
}

export function showToast(input: ToastInput): number {
  const id = nextId++;
  const kept = [...toasts, { ...input, id }];
  for (const dropped of kept.slice(0, Math.max(0, kept.length - MAX_TOASTS))) {
    const timer = timers.get(dropped.id);
    if (timer !== undefined) clearTimeout(timer);
    timers.delete(dropped.id);
  }
  toasts = kept.slice(-MAX_TOASTS);
  if (input.tone !== 'error')
    timers.set(
      id,
      setTimeout(() => dismissToast(id), TOAST_MS),
    );
  listeners.notify();
  return id;
}

/** Tests start from a clean slate. */
export function clearToasts(): void {
  for (const timer of timers.values()) clearTimeout(timer);
  timers.clear();
  toasts = [];
  listeners.notify();
}

const getToasts = () => toasts;

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(listeners.subscribe, getToasts, getToasts);
}
