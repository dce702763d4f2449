import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/errors';
import { deployQuery, queryKeys } from '../../api/queries';
import { serviceDisplayName } from '../../api/service-ref';
import { showToast } from '../../components/toasts';
import { DEPLOY_GONE_TEXT, deployCounts } from '../../lib/deploy-progress';
import { isDeployTracked, markDeployFinished, useTrackedDeploys } from './tracked-deploys';
import type { TrackedDeploy } from './tracked-deploys';

function DeployWatcher({ entry }: { entry: TrackedDeploy }) {
  const queryClient = useQueryClient();
  const query = useQuery(deployQuery(entry.ref, entry.deployId));
  const deploy = query.data;
  const gone = isApiError(query.error) && query.error.kind === 'notFound';
  const done = gone || (deploy !== undefined && deploy.finished_at !== null);

  useEffect(() => {
    // Told once, even when a second watcher (another page's) sees the same finish.
    if (!done || !isDeployTracked(entry.deployId)) return;
    markDeployFinished(entry.deployId, gone ? 'gone' : deploy?.state === 'error' ? 'error' : 'success');
    const name = serviceDisplayName(entry.ref);
    if (gone) showToast({ tone: 'info', title: `${entry.title} of ${name}: the deploy record is gone`, body: DEPLOY_GONE_TEXT });
    else if (deploy?.state === 'error') showToast({ tone: 'error', title: `${entry.title} of ${name} failed`, body: deploy.reason ?? 'The master gave no reason.' });
    else if (deploy && !entry.quiet) {
      const { done: deployed, total } = deployCounts(deploy);
      showToast({ tone: 'success', title: `${entry.title} of ${name} finished`, body: `${deployed} of ${total} instance${total === 1 ? '' : 's'} deployed.` });
    }
    void queryClient.invalidateQueries({ queryKey: queryKeys.services(entry.ref.grid), exact: true });
    void queryClient.invalidateQueries({ queryKey: queryKeys.service(entry.ref), exact: true });
    void queryClient.invalidateQueries({ queryKey: queryKeys.containers(entry.ref) });
  }, [done, gone, deploy, entry, queryClient]);

  return null;
}

/**
 * Follows every deploy started from this browser until it finishes, then tells the
 * outcome once (a toast; a good finish of a bulk deploy only in the tray's counts), starts
 * the countdown of a good finish (tracked-deploys) and refreshes the list and the service. Rendered by the list
 * and by a service's header; the finished mark keeps the outcome from being told twice.
 */
export function DeployWatchers() {
  const tracked = useTrackedDeploys();
  return (
    <>
      {tracked
        .filter((t) => !t.finished)
        .map((t) => (
          <DeployWatcher key={t.deployId} entry={t} />
        ))}
    </>
  );
}
