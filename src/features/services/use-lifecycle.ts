import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Deploy } from '../../api/schemas/deploy';
import { serviceActionTitle } from '../../api/service-actions';
import type { ServiceAction } from '../../api/service-actions';
import { runServiceAction } from '../../api/service-mutations';
import type { FollowOptions } from '../../api/service-mutations';
import { serviceDisplayName } from '../../api/service-ref';
import type { ServiceRef } from '../../api/service-ref';
import { showToast } from '../../components/toasts';
import { actionAcceptedText, describeActionError } from './lifecycle';

export interface RunOptions extends FollowOptions {
  /** Tell the outcome in a toast (default true); dialogs show their errors themselves. */
  toastOnError?: boolean;
  toastOnSuccess?: boolean;
}

export type RunLifecycle = (ref: ServiceRef, action: ServiceAction, options?: RunOptions) => Promise<Deploy | null>;

/**
 * Runs one lifecycle action against one service (api/service-mutations: what it refreshes,
 * and a deploy or scale is followed wherever it was started) and tells what happened: a
 * toast with the result, or with the error and a Retry that sends the same action again.
 * Nothing is changed ahead of the master's answer (no optimistic state), so a failed
 * action leaves nothing behind to undo.
 */
export function useLifecycle(): RunLifecycle {
  const queryClient = useQueryClient();
  return useCallback(
    function run(ref: ServiceRef, action: ServiceAction, options: RunOptions = {}): Promise<Deploy | null> {
      const name = serviceDisplayName(ref);
      return runServiceAction(queryClient, ref, action, { quiet: options.quiet }).then(
        (deploy) => {
          if (options.toastOnSuccess !== false) showToast({ tone: 'success', title: actionAcceptedText(action, name) });
          return deploy;
        },
        (error: unknown) => {
          if (options.toastOnError !== false) {
            showToast({
              tone: 'error',
              title: `${serviceActionTitle(action)} of ${name} failed`,
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
