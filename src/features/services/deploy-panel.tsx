import { useCallback } from 'react';
import { DeployProgressPanel } from '../../components/deploy-progress-panel';
import { dismissDeploy, holdDeploy } from './deploy-panel-state';
import type { DeployPanelEntry } from './deploy-panel-state';

/**
 * The progress panel of a deploy in flight in the list's tray or a service's header
 * (deploy-panel-state): it counts down to going once it finished well, and holds while
 * someone looks at it.
 */
export function DeployPanel({ entry }: { entry: DeployPanelEntry }) {
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
