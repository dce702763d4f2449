import { useId } from 'react';
import { Button } from '../../components/button';
import { useCopyToClipboard } from '../../components/use-copy-to-clipboard';
import { shellJoin } from '../../lib/shellwords';
import styles from './stacks.module.css';

/** One action and its command line. */
interface CliCommand {
  what: string;
  /** One line, or several run one after another. */
  lines: readonly string[];
}

/** The `kontena` lines of a stack's actions (docs/kontena-api-grid.md G3.4–G3.6), names shell-quoted; the CLI works on its current grid. */
export function stackCommands(stack: string, services: readonly string[]): CliCommand[] {
  const serviceLines = (verb: string) => services.map((name) => shellJoin(['kontena', 'service', verb, `${stack}/${name}`]));
  return [
    { what: 'Deploy', lines: [shellJoin(['kontena', 'stack', 'deploy', stack])] },
    { what: 'Upgrade', lines: [shellJoin(['kontena', 'stack', 'upgrade', stack, 'kontena.yml'])] },
    { what: 'Stop all', lines: serviceLines('stop') },
    { what: 'Start all', lines: serviceLines('start') },
    { what: 'Restart all', lines: serviceLines('restart') },
    { what: 'Remove', lines: [shellJoin(['kontena', 'stack', 'rm', stack])] },
  ];
}

function CommandRow({ command }: { command: CliCommand }) {
  const { outcome, copy } = useCopyToClipboard();
  const text = command.lines.join('\n');
  return (
    <li className={styles.cliRow}>
      <span className={styles.cliWhat}>{command.what}</span>
      <pre className={styles.cliLine}>
        <code>{text}</code>
      </pre>
      <Button size="sm" variant="ghost" onClick={() => void copy(text)} aria-label={`Copy the command: ${command.what}`}>
        {outcome === 'copied' ? 'Copied' : outcome === 'failed' ? 'Not allowed' : 'Copy'}
      </Button>
    </li>
  );
}

/** "Equivalent CLI commands": what each button on the page does, as the Kontena CLI says it. */
export function StackCli({ commands }: { commands: readonly CliCommand[] }) {
  const id = useId();
  return (
    <section className={styles.panel} aria-labelledby={id}>
      <h2 id={id} className={styles.panelTitle}>
        Equivalent CLI commands
      </h2>
      <ul className={styles.cliList}>
        {commands.map((command) => (
          <CommandRow key={command.what} command={command} />
        ))}
      </ul>
    </section>
  );
}
