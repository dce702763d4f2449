import { useId, useLayoutEffect, useRef } from 'react';
import type { ReactNode, RefObject } from 'react';
import { cx } from './class-names';
import styles from './modal-dialog.module.css';

interface ModalDialogProps {
  title: ReactNode;
  /** Read out with the title when the dialog opens. */
  description?: ReactNode;
  children?: ReactNode;
  /** Esc, the close button, or the caller's own Cancel. */
  onClose: () => void;
  /** What gets focus when the dialog opens; by default the first focusable element. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** "alertdialog" for a confirmation that interrupts (a removal). */
  role?: 'dialog' | 'alertdialog';
  /**
   * Where focus goes on close when the element that had it at opening is gone (a menu
   * item that opened the dialog): e.g. the row or the menu's button.
   */
  returnFocusTo?: () => HTMLElement | null;
  className?: string;
}

/**
 * A modal dialog on the platform's <dialog>: showModal() puts it in the top layer and
 * makes the rest of the page inert, so focus stays inside and Esc closes it, without a
 * focus-trap library. Radix's Dialog is not used because its scroll lock injects a <style>
 * element, which the production CSP (style-src 'self') refuses. Render it while open;
 * unmounting closes it and gives focus back to where it was.
 */
export function ModalDialog({
  title,
  description,
  children,
  onClose,
  initialFocusRef,
  role = 'dialog',
  returnFocusTo,
  className,
}: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // A host without showModal (an old browser, jsdom) still shows the dialog, not modal.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    const first =
      initialFocusRef?.current ??
      dialog.querySelector<HTMLElement>('input, select, textarea, button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])');
    first?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      else dialog.removeAttribute('open');
      const openerUsable = opener !== null && opener !== document.body && opener.isConnected && !opener.closest('[role="menu"]');
      const back = openerUsable ? opener : (returnFocusTo?.() ?? null);
      back?.focus();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- opened once per mount: the focus targets are read at open and at close
  }, []);

  return (
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description !== undefined ? descriptionId : undefined}
      className={cx(styles.dialog, className)}
      onCancel={(event) => {
        // Esc: the owner decides (it may be busy); the dialog closes by unmounting.
        event.preventDefault();
        onCloseRef.current();
      }}
    >
      <div className={styles.head}>
        <h2 id={titleId} className={styles.title}>
          {title}
        </h2>
        <button type="button" className={styles.close} aria-label="Close" onClick={() => onCloseRef.current()}>
          ×
        </button>
      </div>
      {description !== undefined && (
        <div id={descriptionId} className={styles.description}>
          {description}
        </div>
      )}
      {children}
    </dialog>
  );
}
