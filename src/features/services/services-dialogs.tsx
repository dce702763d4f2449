import { lazy } from 'react';
import type { RefObject } from 'react';
import { refOfService } from '../../api/service-ref';
import type { RunLifecycle } from './use-lifecycle';
import type { Row } from './use-service-rows';

// Opened only on demand: loaded on first use, so the first paint of the list carries none of it.
const RemoveDialog = lazy(async () => ({ default: (await import('./remove-dialog')).RemoveDialog }));
const ScaleDialog = lazy(async () => ({ default: (await import('./scale-dialog')).ScaleDialog }));
const ShortcutsHelp = lazy(async () => ({ default: (await import('./shortcuts-help')).ShortcutsHelp }));

/** The dialog the list shows, if any. */
export type ListDialog = { kind: 'scale'; row: Row } | { kind: 'remove'; rows: readonly Row[] } | { kind: 'help' } | null;

function rowElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-row-id="${id.replace(/["\\]/g, '\\$&')}"]`);
}

interface ServicesDialogsProps {
  dialog: ListDialog;
  run: RunLifecycle;
  /** A remove of several services runs as a bulk action. */
  runBulkRemove: (rows: readonly Row[]) => Promise<void>;
  /** Where the focus goes back to when no row is there to take it. */
  filterRef: RefObject<HTMLInputElement | null>;
  onClose: () => void;
}

/** The list's dialogs: Scale and Remove of a row (Remove of the selection too), and the shortcuts. Render inside Suspense. */
export function ServicesDialogs({ dialog, run, runBulkRemove, filterRef, onClose }: ServicesDialogsProps) {
  if (dialog?.kind === 'scale') {
    return (
      <ScaleDialog
        name={dialog.row.label}
        current={dialog.row.service.instances}
        strategy={dialog.row.service.strategy}
        onScale={(instances) => run(refOfService(dialog.row.service), { kind: 'scale', instances }, { toastOnError: false })}
        onClose={onClose}
        returnFocusTo={() => rowElement(dialog.row.id)}
      />
    );
  }
  if (dialog?.kind === 'remove') {
    return (
      <RemoveDialog
        names={dialog.rows.map((r) => r.label)}
        onRemove={() => {
          const [only] = dialog.rows;
          if (dialog.rows.length === 1 && only) return run(refOfService(only.service), { kind: 'remove' }, { toastOnError: false });
          return runBulkRemove(dialog.rows);
        }}
        onClose={onClose}
        returnFocusTo={() => (dialog.rows.length === 1 && dialog.rows[0] ? rowElement(dialog.rows[0].id) : null) ?? filterRef.current}
      />
    );
  }
  if (dialog?.kind === 'help') return <ShortcutsHelp onClose={onClose} />;
  return null;
}
