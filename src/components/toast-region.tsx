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
