/**
 * The colour theme the user picked. "system" leaves <html> without data-theme so the
 * CSS follows prefers-color-scheme; light/dark set data-theme and win over the system.
 * The choice is kept in localStorage so it survives reloads and applies before React
 * renders (main.tsx calls applyStoredTheme first).
 */
import { useSyncExternalStore } from 'react';
import { createListeners } from '../lib/listeners';

export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
export const THEME_STORAGE_KEY = 'kontena-dashboard.theme';

const listeners = createListeners();
let current: ThemeChoice | null = null;

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return value === 'system' || value === 'light' || value === 'dark';
}

function readStored(): ThemeChoice {
  try {
    const raw = globalThis.localStorage?.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(raw) ? raw : 'system';
  } catch {
    // storage blocked (privacy mode): follow the system
    return 'system';
  }
}

function getThemeChoice(): ThemeChoice {
  current ??= readStored();
  return current;
}

function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

export function applyStoredTheme(): void {
  applyTheme(getThemeChoice());
}

export function setThemeChoice(choice: ThemeChoice): void {
  current = choice;
  try {
    if (choice === 'system') globalThis.localStorage?.removeItem(THEME_STORAGE_KEY);
    else globalThis.localStorage?.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // not persisted; still applies to this page
  }
  applyTheme(choice);
  listeners.notify();
}

export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(listeners.subscribe, getThemeChoice, getThemeChoice);
}

/** Tests start each case from a clean slate. */
export function resetThemeForTests(): void {
  current = null;
}
