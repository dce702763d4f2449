import { useRef } from 'react';
import { Button } from '../../components/button';
import { useCopyToClipboard } from '../../components/use-copy-to-clipboard';
import type { CommandLine } from '../../lib/cli-command';
import styles from './service-form.module.css';

/** The equivalent `kontena service …` line, live, with a copy button and what the CLI cannot say. */
export function CliLine({ command, leftOut }: { command: CommandLine; leftOut: number }) {
  const { outcome: copied, copy: copyText } = useCopyToClipboard();
  const codeRef = useRef<HTMLElement>(null);

  const copy = () =>
    copyText(command.line, () => {
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
    <section className={styles.cli} aria-labelledby="sf-cli-title">
      <div className={styles.cliHead}>
        <h2 id="sf-cli-title" className={styles.asideTitle}>
          Equivalent CLI command
        </h2>
        <Button size="sm" onClick={() => void copy()}>
          Copy
        </Button>
      </div>
      <pre className={styles.cliLine}>
        <code ref={codeRef} data-testid="cli-line">
          {command.line}
        </code>
      </pre>
      <p className={styles.hint} aria-live="polite">
        {copied === 'copied' && 'Copied to the clipboard.'}
        {copied === 'failed' && 'The browser did not allow copying: the line is selected, press Ctrl+C.'}
      </p>
      {(command.notExpressible.length > 0 || command.warnings.length > 0 || leftOut > 0) && (
        <ul className={styles.cliNotes}>
          {leftOut > 0 && <li>Fields still needed or not valid yet are left out.</li>}
          {command.notExpressible.map((note) => (
            <li key={note}>Not in the line: {note}.</li>
          ))}
          {command.warnings.map((note) => (
            <li key={note}>{note}.</li>
          ))}
        </ul>
      )}
    </section>
  );
}
