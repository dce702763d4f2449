import { cx } from '../../components/class-names';
import { SLOT_DASHES, slotClass } from './series-slots';
import styles from './stats-charts.module.css';

/** A series' line in small, for legends and tooltips: its colour and its dash. */
export function Swatch({ slot }: { slot: number }) {
  return (
    <svg className={cx(styles.swatch, slotClass(slot))} width="22" height="10" aria-hidden="true" focusable="false">
      <line x1="1" y1="5" x2="21" y2="5" strokeDasharray={SLOT_DASHES[slot % SLOT_DASHES.length]} />
    </svg>
  );
}
