import { useCallback } from 'react';
import { DeployProgressPanel } from '../../components/deploy-progress-panel';
import { dismissDeploy, holdDeploy } from './tracked-deploys';
import type { TrackedDeploy } from './tracked-deploys';

/**
 * The progress panel of a deploy started here (tracked-deploys): it counts down to going
 * once it finished well, and holds while someone looks at it.
 */
export function TrackedDeployPanel({ entry }: { entry: TrackedDeploy }) {
  const id = entry.deployId;
  const onHold = useCallback((held: boolean) => holdDeploy(id, held), [id]);
  const onDismiss = useCallback(() => dismissDeploy(id), [id]);
  return (
    <DeployProgressPanel
      compact
      serviceRef={entry.ref}
      deployId={id}
      title={entry.title}
      sentAt={entry.sentAt}
      hidesAt={entry.hidesAt}
      onHold={onHold}
      onDismiss={onDismiss}
    />
  );
}
