import { useId } from 'react';
import type { ReactNode } from 'react';
import { cx } from './class-names';
import styles from './error-panel.module.css';

interface ErrorPanelProps {
  /** A short code or number shown large (404, "!"): decoration for sighted users. */
  mark?: string;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  /** Heading level: 1 when the panel is the whole page. */
  level?: 1 | 2;
  className?: string;
}

/** The body of a not-found or error page, or of a page whose data could not load. */
export function ErrorPanel({ mark, title, children, actions, level = 1, className }: ErrorPanelProps) {
  const Heading = level === 1 ? 'h1' : 'h2';
  const titleId = useId();
  return (
    <section className={cx(styles.panel, className)} aria-labelledby={titleId}>
      {mark !== undefined && (
        <p className={styles.mark} aria-hidden="true">
          {mark}
        </p>
      )}
      <Heading id={titleId} className={styles.title}>
        {title}
      </Heading>
      {children !== undefined && <div className={styles.text}>{children}</div>}
      {actions !== undefined && <div className={styles.actions}>{actions}</div>}
    </section>
  );
}
