import { cx } from './class-names';
import styles from './skeleton.module.css';

/** Grey placeholder rows while a list loads; hidden from assistive tech (say "loading" elsewhere). */
export function SkeletonRows({ rows = 6, className }: { rows?: number; className?: string }) {
  return (
    <div className={cx(styles.rows, className)} aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={styles.row}>
          <span className={styles.bar} style={{ width: `${22 + ((i * 37) % 30)}%` }} />
          <span className={cx(styles.bar, styles.short)} />
        </div>
      ))}
    </div>
  );
}
