import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queries';
import type { Deploy } from '../../api/schemas/deploy';
import type { Service } from '../../api/schemas/service';
import { serviceDisplayName, serviceId } from '../../api/service-ref';
import type { ServiceRef } from '../../api/service-ref';
import { showToast } from '../../components/toasts';
import { actionAcceptedText, actionTitle, describeActionError, performAction } from './lifecycle';
import type { LifecycleAction, PerformOptions } from './lifecycle';
import { forgetServiceDeploys, trackDeploy } from './tracked-deploys';

/** start/stop/restart take effect a moment after the master answers: look again then. */
const SETTLE_REFRESH_MS = 2_000;

/**
 * What the app learns from an accepted action. Nothing is changed ahead of the master's
 * answer (no optimistic state), so a failed action leaves nothing behind to undo.
 */
function applyActionResult(queryClient: QueryClient, ref: ServiceRef, action: LifecycleAction, deploy: Deploy | null, sentAt: number): void {
  const id = serviceId(ref);
  const listKey = queryKeys.services(ref.grid);
  if (action.kind === 'remove') {
    forgetServiceDeploys(id);
    // The master answered 404 for it: drop it from the list at once, then re-read the list.
    queryClient.setQueryData<Service[]>(listKey, (old) => old?.filter((s) => s.id !== id));
    void queryClient.invalidateQueries({ queryKey: listKey, exact: true });
    return;
  }
  if (deploy !== null) {
    queryClient.setQueryData(queryKeys.deploy(ref, deploy.id), deploy);
    trackDeploy({ serviceId: id, ref, deployId: deploy.id, title: actionTitle(action), sentAt });
  }
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: listKey, exact: true });
    void queryClient.invalidateQueries({ queryKey: queryKeys.service(ref), exact: true });
    void queryClient.invalidateQueries({ queryKey: queryKeys.containers(ref) });
  };
  refresh();
  if (action.kind === 'start' || action.kind === 'stop' || action.kind === 'restart') setTimeout(refresh, SETTLE_REFRESH_MS);
}

export interface RunOptions extends PerformOptions {
  /** Tell the outcome in a toast (default true); dialogs show their errors themselves. */
  toastOnError?: boolean;
  toastOnSuccess?: boolean;
}

export type RunLifecycle = (ref: ServiceRef, action: LifecycleAction, options?: RunOptions) => Promise<Deploy | null>;

/**
 * Runs one lifecycle action against one service and tells what happened: a toast with
 * the result, or with the error and a Retry that sends the same action again.
 */
export function useLifecycle(): RunLifecycle {
  const queryClient = useQueryClient();
  return useCallback(
    function run(ref: ServiceRef, action: LifecycleAction, options: RunOptions = {}): Promise<Deploy | null> {
      const name = serviceDisplayName(ref);
      const sentAt = Date.now();
      return performAction(ref, action, options).then(
        (deploy) => {
          applyActionResult(queryClient, ref, action, deploy, sentAt);
          if (options.toastOnSuccess !== false) showToast({ tone: 'success', title: actionAcceptedText(action, name) });
          return deploy;
        },
        (error: unknown) => {
          if (options.toastOnError !== false) {
            showToast({
              tone: 'error',
              title: `${actionTitle(action)} of ${name} failed`,
              body: describeActionError(error, name),
              action: { label: 'Retry', onAction: () => void run(ref, action, options).catch(() => undefined) },
            });
          }
          throw error;
        },
      );
    },
    [queryClient],
  );
}
