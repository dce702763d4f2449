import { useEffect, useState, useSyncExternalStore } from 'react';
import { dismissToast, useToasts } from './toasts';
import type { Toast } from './toasts';
import { cx } from './class-names';
import styles from './toast-region.module.css';

/*
 * Several pages render a region (the list, a service's header) and the shell may one day
 * host one too: only the first mounted region shows the toasts, so nothing is said twice.
 */
let owners: readonly symbol[] = [];
const ownerListeners = new Set<() => void>();
const subscribeOwners = (fn: () => void) => {
  ownerListeners.add(fn);
  return () => {
    ownerListeners.delete(fn);
  };
};
const setOwners = (next: readonly symbol[]) => {
  owners = next;
  for (const fn of [...ownerListeners]) fn();
};

function useIsFirstRegion(): boolean {
  const [me] = useState(() => Symbol('toast-region'));
  useEffect(() => {
    setOwners([...owners, me]);
    return () => setOwners(owners.filter((o) => o !== me));
  }, [me]);
  return useSyncExternalStore(
    subscribeOwners,
    () => owners[0] === me,
    () => false,
  );
}

const glyph: Record<Toast['tone'], string> = { success: '✓', error: '!', info: 'i' };

function ToastItem({ toast }: { toast: Toast }) {
  return (
    <div className={cx(styles.toast, styles[toast.tone])}>
      <span className={styles.icon} aria-hidden="true">
        {glyph[toast.tone]}
      </span>
      <div className={styles.body}>
        <p className={styles.title}>{toast.title}</p>
        {toast.body !== undefined && <p className={styles.text}>{toast.body}</p>}
      </div>
      <div className={styles.actions}>
        {toast.action !== undefined && (
          <button
            type="button"
            className={styles.action}
            onClick={() => {
              dismissToast(toast.id);
              toast.action?.onAction();
            }}
          >
            {toast.action.label}
          </button>
        )}
        <button type="button" className={styles.close} aria-label={`Dismiss: ${toast.title}`} onClick={() => dismissToast(toast.id)}>
          ×
        </button>
      </div>
    </div>
  );
}

/**
 * Where results of actions are told: polite for successes, assertive for failures. The
 * two live regions exist before any toast does, so screen readers announce additions.
 * They are plain aria-live regions, not role="alert"/"status": an always-present empty
 * alert would be what every page's `getByRole('alert')` finds first.
 */
export function ToastRegion() {
  const first = useIsFirstRegion();
  const toasts = useToasts();
  if (!first) return null;
  const calm = toasts.filter((t) => t.tone !== 'error');
  const errors = toasts.filter((t) => t.tone === 'error');
  return (
    <section className={styles.region} aria-label="Notifications">
      <div aria-live="assertive" className={styles.stack}>
        {errors.map((t) => (
          <ToastItem key={t.id} toast={t} />
        ))}
      </div>
      <div aria-live="polite" className={styles.stack}>
        {calm.map((t) => (
          <ToastItem key={t.id} toast={t} />
        ))}
      </div>
    </section>
  );
}
