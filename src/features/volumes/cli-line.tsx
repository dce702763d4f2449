import { useId } from 'react';
import { Button } from '../../components/button';
import { useCopyToClipboard } from '../../components/use-copy-to-clipboard';
import styles from './volumes-page.module.css';

/** The `kontena volume …` line that does the same as the page, with a copy button. */
export function CliLine({ line, title = 'Equivalent CLI command' }: { line: string; title?: string }) {
  const { outcome, copy } = useCopyToClipboard();
  const titleId = useId();
  return (
    <section className={styles.cli} aria-labelledby={titleId}>
      <div className={styles.cliHead}>
        <h3 id={titleId} className={styles.cliTitle}>
          {title}
        </h3>
        <Button size="sm" variant="ghost" aria-label={`Copy: ${title}`} onClick={() => void copy(line)}>
          Copy
        </Button>
      </div>
      <pre className={styles.cliLine}>
        <code data-testid="cli-line">{line}</code>
      </pre>
      <p className={styles.hint} aria-live="polite">
        {outcome === 'copied' && 'Copied to the clipboard.'}
        {outcome === 'failed' && 'The browser did not allow copying: select the line and press Ctrl+C.'}
      </p>
    </section>
  );
}
