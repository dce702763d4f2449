import { useCallback, useEffect, useMemo } from 'react';
import { useMutationState, useQueries, useQueryClient } from '@tanstack/react-query';
import type { QueryObserverResult } from '@tanstack/react-query';
import { claimDeployFinish, deployOutcome, followedDeployFilter, followedDeployOf } from '../api/deploys-in-flight';
import type { DeployOutcome, FollowedDeploy } from '../api/deploys-in-flight';
import { deployQuery } from '../api/queries';
import type { Deploy } from '../api/schemas/deploy';
import { refreshAfterServiceChange } from '../api/service-mutations';
import { serviceDisplayName } from '../api/service-ref';
import { DEPLOY_GONE_TEXT, deployCounts } from '../lib/deploy-progress';
import { showToast } from './toasts';

/** A deploy or scale this browser started, with its record as last read. */
export interface DeployInFlight extends FollowedDeploy {
  /** undefined until the master answered a read of it (or when it deleted it). */
  deploy: Deploy | undefined;
  /** How it ended; null while it runs. */
  outcome: DeployOutcome | null;
}

const NONE: readonly DeployInFlight[] = [];

const isFollowed = (followed: FollowedDeploy | null): followed is FollowedDeploy => followed !== null;

/** The outcome in a toast: a failure or a deleted record always, a good finish unless part of a bulk action. */
function tellOutcome(entry: DeployInFlight): void {
  const name = serviceDisplayName(entry.ref);
  if (entry.outcome === 'gone')
    showToast({ tone: 'info', title: `${entry.title} of ${name}: the deploy record is gone`, body: DEPLOY_GONE_TEXT });
  else if (entry.outcome === 'error')
    showToast({ tone: 'error', title: `${entry.title} of ${name} failed`, body: entry.deploy?.reason ?? 'The master gave no reason.' });
  else if (entry.deploy !== undefined && !entry.quiet) {
    const { done, total } = deployCounts(entry.deploy);
    showToast({
      tone: 'success',
      title: `${entry.title} of ${name} finished`,
      body: `${done} of ${total} instance${total === 1 ? '' : 's'} deployed.`,
    });
  }
}

/**
 * Every deploy and scale this browser started and still follows (api/deploys-in-flight),
 * oldest first, whichever page started it. While a view that calls this is shown, each
 * running one is read every second (`deployQuery`); when one finishes, the first reader
 * to see it tells the outcome once (a toast) and refreshes the service (its list, the
 * service, its containers). The list's tray, a service's header, the monitor and the wall read it.
 */
export function useDeploysInFlight(): readonly DeployInFlight[] {
  const client = useQueryClient();
  const selected = useMutationState({ filters: followedDeployFilter, select: followedDeployOf });
  const followed = useMemo(() => selected.filter(isFollowed), [selected]);
  const combine = useCallback(
    (results: QueryObserverResult<Deploy>[]): readonly DeployInFlight[] =>
      followed.length === 0
        ? NONE
        : followed.map((entry, i) => {
            const result = results[i];
            const state = { data: result?.data, error: result?.error ?? null };
            return { ...entry, deploy: state.data, outcome: deployOutcome(state) };
          }),
    [followed],
  );
  const entries = useQueries({
    queries: followed.map((entry) => ({
      ...deployQuery(entry.ref, entry.deployId),
      // A finished record does not change: the reader that showed it running stops there.
      enabled: (query: { state: { data: Deploy | undefined; error: unknown } }) => deployOutcome(query.state) === null,
    })),
    combine,
  });

  useEffect(() => {
    for (const entry of entries) {
      if (entry.outcome === null || !claimDeployFinish(client, entry.deployId)) continue;
      tellOutcome(entry);
      void refreshAfterServiceChange(client, entry.ref, 'action');
    }
  }, [client, entries]);

  return entries;
}
