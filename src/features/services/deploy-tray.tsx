import { useState } from 'react';
import { Button } from '../../components/button';
import { DeployProgressPanel } from '../../components/deploy-progress-panel';
import { dismissDeploy } from './tracked-deploys';
import type { TrackedDeploy } from './tracked-deploys';
import styles from './services.module.css';

const SHOWN = 4;

/** The list's view of the deploys and scales started from here: newest first, one line each. */
export function DeployTray({ entries }: { entries: readonly TrackedDeploy[] }) {
  const [all, setAll] = useState(false);
  if (entries.length === 0) return null;
  const newestFirst = [...entries].reverse();
  const shown = all ? newestFirst : newestFirst.slice(0, SHOWN);
  return (
    <section className={styles.tray} aria-label="Deploys started here">
      <h2 className={styles.trayTitle}>Deploys</h2>
      {shown.map((t) => (
        <DeployProgressPanel key={t.deployId} compact serviceRef={t.ref} deployId={t.deployId} title={t.title} sentAt={t.sentAt} onDismiss={() => dismissDeploy(t.deployId)} />
      ))}
      {newestFirst.length > SHOWN && (
        <Button size="sm" variant="ghost" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${newestFirst.length}`}
        </Button>
      )}
    </section>
  );
}
