import { ModalDialog } from '../../components/modal-dialog';
import styles from './services.module.css';

const KEYS: [keys: string[], what: string][] = [
  [['↑', '↓'], 'Move between services (also j and k)'],
  [['Home', 'End'], 'First / last service'],
  [['PgUp', 'PgDn'], 'A page up / down'],
  [['Space'], 'Select or unselect the service'],
  [['Ctrl', 'A'], 'Select every shown service'],
  [['Esc'], 'Clear the selection'],
  [['Enter'], 'Open the service'],
  [['m'], 'Actions of the service (or the context-menu key, Shift+F10)'],
  [['s'], 'Scale the service'],
  [['Delete'], 'Remove the service'],
  [['f'], 'Go to the filter box'],
  [['g', '…'], 'Go to a page: then o overview, s services, t stacks, n nodes, l logs, a audit, w wall builder'],
  [['?'], 'This help'],
];

/** The list's keyboard shortcuts, under `?`. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog title="Keyboard shortcuts" onClose={onClose}>
      <dl className={styles.keys}>
        {KEYS.map(([keys, what]) => (
          <div key={what} className={styles.keyRow}>
            <dt>
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && (keys[0] === 'Ctrl' ? ' + ' : ' ')}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </ModalDialog>
  );
}
