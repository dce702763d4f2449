import { cx } from './class-names';
import styles from './spinner.module.css';

/** A small busy indicator. With a label it is announced as a status; without one it is decoration. */
export function Spinner({ label, className }: { label?: string; className?: string }) {
  if (label === undefined) return <span className={cx(styles.spinner, className)} aria-hidden="true" />;
  return (
    <span role="status" className={cx(styles.wrap, className)}>
      <span className={styles.spinner} aria-hidden="true" />
      <span>{label}</span>
    </span>
  );
}
