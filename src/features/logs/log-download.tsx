import { useRef, useState } from 'react';
import { Button, buttonClassName } from '../../components/button';
import { formatPlainLine, logFileName } from '../../lib/log-line-format';
import type { HeldLogLine } from '../../lib/log-line-format';
import styles from './log-viewer.module.css';
import { saveTextFile } from './save-text-file';

interface LogDownloadProps {
  /** Names the file: "production-shop.web". */
  fileLabel: string;
  shownLines(): HeldLogLine[];
  /** Up to 10 000 lines of the chosen window, fetched from the master. */
  fetchWindow(): Promise<HeldLogLine[]>;
}

function toText(lines: readonly HeldLogLine[]): string {
  let text = '';
  for (const line of lines) text += formatPlainLine(line);
  return text;
}

/** Download as a .log file: the lines on screen, or the window's last 10,000 from the master. */
export function LogDownload({ fileLabel, shownLines, fetchWindow }: LogDownloadProps) {
  const details = useRef<HTMLDetailsElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const close = (): void => {
    if (details.current) details.current.open = false;
  };

  return (
    <details ref={details} className={styles.download}>
      <summary className={buttonClassName('secondary')}>Download .log</summary>
      <div className={styles.downloadMenu}>
        <Button
          onClick={() => {
            saveTextFile(logFileName(fileLabel, Date.now()), toText(shownLines()));
            close();
          }}
        >
          The lines in this view
        </Button>
        <Button
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setProblem(null);
            fetchWindow().then(
              (lines) => {
                setBusy(false);
                saveTextFile(logFileName(fileLabel, Date.now()), toText(lines));
                close();
              },
              (e: unknown) => {
                setBusy(false);
                setProblem(e instanceof Error ? e.message : 'The logs could not be loaded.');
              },
            );
          }}
        >
          {busy ? 'Loading from the master…' : 'Up to 10,000 lines from the master'}
        </Button>
        {problem !== null && <p role="alert">{problem}</p>}
      </div>
    </details>
  );
}
