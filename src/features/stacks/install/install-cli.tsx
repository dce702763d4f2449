import { useId, useRef } from 'react';
import { Button } from '../../../components/button';
import { useCopyToClipboard } from '../../../components/use-copy-to-clipboard';
import type { CommandLine } from '../../../lib/cli-command';
import styles from './install.module.css';

/** The `kontena stack install|upgrade` line that does what the form does, with Copy. */
export function InstallCli({ command }: { command: CommandLine | null }) {
  const id = useId();
  const { outcome, copy } = useCopyToClipboard();
  const codeRef = useRef<HTMLElement>(null);
  const onCopy = (line: string) =>
    copy(line, () => {
      // No clipboard permission: select the line so that Ctrl+C copies it.
      const node = codeRef.current;
      const selection = window.getSelection();
      if (node !== null && selection !== null) {
        const range = document.createRange();
        range.selectNodeContents(node);
        selection.removeAllRanges();
        selection.addRange(range);
      }
    });
  return (
    <section className={styles.panel} aria-labelledby={id}>
      <div className={styles.panelHead}>
        <h2 id={id} className={styles.panelTitle}>
          Equivalent CLI command
        </h2>
        <span className={`${styles.hint} ${styles.headNote}`} aria-live="polite">
          {outcome === 'copied' && 'Copied to the clipboard.'}
          {outcome === 'failed' && 'The browser did not allow copying: the line is selected, press Ctrl+C.'}
        </span>
        {command !== null && (
          <Button size="sm" onClick={() => void onCopy(command.line)}>
            Copy
          </Button>
        )}
      </div>
      <div className={styles.panelBody}>
        {command === null ? (
          <p className={styles.muted}>Shown once the file can be read.</p>
        ) : (
          <>
            <pre className={styles.cliLine}>
              <code ref={codeRef} data-testid="cli-line">
                {command.line}
              </code>
            </pre>
            {command.warnings.length > 0 && (
              <ul className={styles.cliNotes}>
                {command.warnings.map((w) => (
                  <li key={w}>{w}.</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}
