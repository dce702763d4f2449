import type { ReactNode, Ref } from 'react';
import { cx } from './class-names';
import styles from './banner.module.css';

type BannerTone = 'info' | 'warn' | 'danger';

interface BannerProps {
  tone: BannerTone;
  title: ReactNode;
  children?: ReactNode;
  /** Buttons or links shown at the end of the banner. */
  actions?: ReactNode;
  /** "alert" interrupts a screen reader (errors the user just caused); "status" waits politely. */
  role?: 'alert' | 'status' | 'region';
  'aria-label'?: string;
  className?: string;
  ref?: Ref<HTMLDivElement>;
}

const glyph: Record<BannerTone, string> = { info: 'i', warn: '!', danger: '!' };

/** A message across the page or above a form: what happened, and what to do about it. */
export function Banner({ tone, title, children, actions, role = 'status', className, ref, ...aria }: BannerProps) {
  return (
    <div ref={ref} role={role} aria-label={aria['aria-label']} className={cx(styles.banner, styles[tone], className)} tabIndex={-1}>
      <span className={styles.icon} aria-hidden="true">
        {glyph[tone]}
      </span>
      <div className={styles.body}>
        <p className={styles.title}>{title}</p>
        {children !== undefined && <div className={styles.text}>{children}</div>}
      </div>
      {actions !== undefined && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}
