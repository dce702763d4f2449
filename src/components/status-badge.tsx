import { cx } from './class-names';
import styles from './status-badge.module.css';

/**
 * ok ● filled circle · info ○ ring · warn ◆ diamond · danger ▲ triangle · neutral ■ square.
 * The shape and the word carry the state, so it reads without colour too.
 */
export type StatusTone = 'ok' | 'info' | 'warn' | 'danger' | 'neutral';

interface StatusBadgeProps {
  tone: StatusTone;
  label: string;
  className?: string;
}

export function StatusBadge({ tone, label, className }: StatusBadgeProps) {
  return (
    <span className={cx(styles.badge, styles[tone], className)} data-tone={tone}>
      <span className={styles.shape} aria-hidden="true" />
      {label}
    </span>
  );
}
