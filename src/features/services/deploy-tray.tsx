import { useId, useState } from 'react';
import { Button } from '../../components/button';
import { DeployPanel } from './deploy-panel';
import { dismissFinishedDeploys } from './deploy-panel-state';
import type { DeployPanelEntry } from './deploy-panel-state';
import styles from './services.module.css';

/** "2 running · 5 done · 1 failed": how the deploys started here stand. */
function countsOf(entries: readonly DeployPanelEntry[]): { text: string; tone: 'fail' | null }[] {
  let running = 0;
  let done = 0;
  let failed = 0;
  let gone = 0;
  for (const t of entries) {
    if (!t.finished) running += 1;
    else if (t.outcome === 'error') failed += 1;
    else if (t.outcome === 'gone') gone += 1;
    else done += 1;
  }
  const parts: { text: string; tone: 'fail' | null }[] = [];
  if (running > 0) parts.push({ text: `${running} running`, tone: null });
  if (done > 0) parts.push({ text: `${done} done`, tone: null });
  if (failed > 0) parts.push({ text: `${failed} failed`, tone: 'fail' });
  if (gone > 0) parts.push({ text: `${gone} not deployed`, tone: null });
  return parts;
}

/**
 * The list's view of the deploys and scales started from here (on any page: the one source
 * is api/deploys-in-flight). One deploy is its own one-line panel; several (a bulk deploy)
 * are one summary line with their counts, the one-line panel of each a click away, so the
 * list keeps its height. Finished ones go by themselves a while after a good finish
 * (deploy-panel-state).
 */
export function DeployTray({ entries }: { entries: readonly DeployPanelEntry[] }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (entries.length === 0) return null;
  const newestFirst = [...entries].reverse();
  const [only] = newestFirst;
  if (newestFirst.length === 1 && only !== undefined) {
    return (
      <section className={styles.tray} aria-label="Deploys started here">
        <DeployPanel entry={only} />
      </section>
    );
  }
  const finished = entries.filter((t) => t.finished);
  const parts = countsOf(entries);
  return (
    <section className={styles.tray} aria-label="Deploys started here">
      <div className={styles.traySummary}>
        <h2 className={styles.trayTitle}>Deploys</h2>
        <p className={styles.trayCounts}>
          {parts.map((part, i) => (
            <span key={part.text} className={part.tone === 'fail' ? styles.resultFail : undefined}>
              {i > 0 && ' · '}
              {part.text}
            </span>
          ))}
        </p>
        <progress
          className={styles.trayProgress}
          max={entries.length}
          value={finished.length}
          aria-label={`Deploys started here: ${finished.length} of ${entries.length} finished`}
        />
        <span className={styles.bulkSpacer} />
        <Button size="sm" variant="ghost" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {open ? 'Hide the list' : `Show all ${entries.length}`} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
        </Button>
        {finished.length > 0 && (
          <Button size="sm" variant="ghost" onClick={() => dismissFinishedDeploys(finished.map((t) => t.deployId))}>
            Dismiss finished
          </Button>
        )}
      </div>
      {open && (
        <div id={listId} className={styles.trayList}>
          {newestFirst.map((t) => (
            <DeployPanel key={t.deployId} entry={t} />
          ))}
        </div>
      )}
    </section>
  );
}
