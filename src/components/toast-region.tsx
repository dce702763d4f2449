import { dismissToast, useToasts } from './toasts';
import type { Toast } from './toasts';
import { cx } from './class-names';
import styles from './toast-region.module.css';

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
 * Where results of actions are told, on every page: mount it once, in the app shell.
 * Polite for successes, assertive for failures. The two live regions exist before any
 * toast does, so screen readers announce additions. They are plain aria-live regions,
 * not role="alert"/"status": an always-present empty alert would be what every page's
 * `getByRole('alert')` finds first.
 *
 * Why not radix-ui's Toast (tried in #16, measured with the e2e journeys): radix
 * announces a toast by copying its text ("Notification Scale to 3 of web finished …")
 * into a second, visually hidden live region for a second after it appears, so the
 * toast's words are on the page twice and a lookup by its text finds two elements
 * (e2e/services.spec.ts failed with a strict-mode violation on "Scale to 3 of … finished").
 * It also turns text selection off in a toast (for its swipe to dismiss), so an error's
 * message could no longer be selected and copied, and a drag to the right across it
 * dismisses it. (Its CSP was fine: style props only, no inline <style>.) These two live
 * regions announce each toast once, from the toast itself.
 */
export function ToastRegion() {
  const toasts = useToasts();
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
