import styles from './kontena-wordmark.module.css';

/** The product mark and name. The name is real text, so it reads and scales like text. */
export function KontenaWordmark({ subtitle = 'Dashboard' }: { subtitle?: string }) {
  return (
    <span className={styles.wordmark}>
      <svg className={styles.mark} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 1.5 21.1 6.75v10.5L12 22.5l-9.1-5.25V6.75Z" fill="currentColor" />
        <path
          d="M9 7v10M9 12.2l5.6-5.2M10.9 10.6l3.9 6.4"
          stroke="var(--color-surface)"
          strokeWidth="2.2"
          strokeLinecap="round"
          fill="none"
        />
      </svg>
      <span className={styles.name}>Kontena</span>
      {/* A real space, so the text reads "Kontena Dashboard" (the flex gap is what shows). */}
      {subtitle !== '' && (
        <>
          {' '}
          <span className={styles.subtitle}>{subtitle}</span>
        </>
      )}
    </span>
  );
}
