import { useEffect } from 'react';
import { ModalDialog } from '../../../components/modal-dialog';
import { GO_KEYS } from './go-keys';
import styles from './keyboard-help.module.css';

interface Row {
  keys: string[];
  /** How the keys combine: pressed together (+) or one after the other (then). */
  join: ' + ' | ' then ';
  what: string;
}

function rowsFor(grid: string | null): Row[] {
  const go = GO_KEYS.filter((g) => g.to(grid) !== null).map((g): Row => ({ keys: ['g', g.key], join: ' then ', what: g.label }));
  return [
    { keys: ['Ctrl', 'K'], join: ' + ', what: 'Command palette (⌘K on a Mac, or /)' },
    ...go,
    { keys: ['?'], join: ' + ', what: 'This help' },
  ];
}

/** The keys that work on this page (the shell's own; pages with more keys show their own help). */
export function KeyboardHelp({ grid, onClose }: { grid: string | null; onClose: () => void }) {
  // Esc also closes where the platform does not send the dialog a cancel (the platform's own Esc is idempotent with it).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <ModalDialog
      title="Keyboard shortcuts"
      description={`These keys work anywhere on this page, except while typing in a field${grid === null ? '' : `; g goes to pages of the grid ${grid}`}.`}
      onClose={onClose}
    >
      <dl className={styles.keys}>
        {rowsFor(grid).map((row) => (
          <div key={row.keys.join()} className={styles.row}>
            <dt>
              {row.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && row.join}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{row.what}</dd>
          </div>
        ))}
      </dl>
    </ModalDialog>
  );
}
