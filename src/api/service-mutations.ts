/**
 * Every change the dashboard makes to a service, as mutation options beside the query
 * options of api/queries, each with its key (mutationKeys) and what it refreshes, decided
 * in one place: refreshAfterServiceChange.
 *
 * A view runs one with `useMutation(serviceEnvAddMutation(ref))`, or
 * `useMutation({ ...serviceEnvAddMutation(ref), onSuccess })` to show what happened: the
 * refresh is each factory's `onSettled`, which runs after the view's `onSuccess` and
 * `onError` (a view never sets `onSettled`). A change whose refresh is awaited stays
 * pending until the fresh data is in. Code outside a component (a bulk action runs many
 * at once) uses runMutation or runServiceAction.
 */
import { MutationObserver, mutationOptions } from '@tanstack/react-query';
import type { MutationObserverOptions, QueryClient } from '@tanstack/react-query';
import { keepLatestDeploys, forgetServiceDeploys } from './deploys-in-flight';
import { addEnv, removeEnv } from './envs';
import { mutationKeys, queryKeys } from './queries';
import type { ServiceChangeKind } from './queries';
import type { Deploy } from './schemas/deploy';
import type { Service } from './schemas/service';
import type { ServiceCreateBody, ServiceUpdateBody } from './schemas/requests/service-body';
import { removeServiceAndWait } from './service-actions';
import type { ServiceAction } from './service-actions';
import { linkSecret, linkService, unlinkSecret, unlinkService } from './service-links';
import type { SecretLinkSpec, ServiceLinkSpec } from './service-links';
import { refOfService, serviceId } from './service-ref';
import type { ServiceRef } from './service-ref';
import { createService, deployService, restartService, scaleService, startService, stopService, updateService } from './services';

/**
 * What a change to a service makes stale:
 * - 'settings' (env, secrets, links, any field): the service and the grid's list. The
 *   master's answer, when it is the service, is shown at once instead of read again. Not
 *   its containers, stats or deploys: a settings change does not touch them (a redeploy
 *   by the master's scheduler shows in their next poll), and at 2,000 instances the
 *   containers answer is 3 MB.
 * - 'refused' (a settings change failed): the service, which may have changed or gone.
 * - 'action' (a deploy, scale, start, stop or restart accepted; a deploy finished): the
 *   grid's list, the service and its containers.
 * - 'removed': the service leaves the list at once (the master answered 404 for it), its
 *   followed deploys with it; the list is read again.
 * Every accepted change also makes the grid's audit log stale (only its open readers read it again).
 */
type ServiceRefresh = 'settings' | 'refused' | 'action' | 'removed';

export async function refreshAfterServiceChange(
  client: QueryClient,
  ref: ServiceRef,
  change: ServiceRefresh,
  answer?: Service,
): Promise<void> {
  const list = { queryKey: queryKeys.services(ref.grid), exact: true };
  const service = { queryKey: queryKeys.service(ref), exact: true };
  // The master wrote an audit entry for every accepted change (docs/kontena-api-grid.md G5.1): "changed by" lines read it.
  if (change !== 'refused') void client.invalidateQueries({ queryKey: queryKeys.auditLog(ref.grid) });
  switch (change) {
    case 'settings':
      if (answer !== undefined) client.setQueryData(queryKeys.service(ref), answer);
      await Promise.all([answer === undefined ? client.invalidateQueries(service) : null, client.invalidateQueries(list)]);
      return;
    case 'refused':
      await client.invalidateQueries(service);
      return;
    case 'action':
      await Promise.all([
        client.invalidateQueries(list),
        client.invalidateQueries(service),
        client.invalidateQueries({ queryKey: queryKeys.containers(ref) }),
      ]);
      return;
    case 'removed': {
      const id = serviceId(ref);
      client.setQueryData<Service[]>(queryKeys.services(ref.grid), (old) => old?.filter((s) => s.id !== id));
      forgetServiceDeploys(client, ref);
      await client.invalidateQueries(list);
      return;
    }
  }
}

/** Runs a mutation from outside a component; it is in the mutation cache like one `useMutation` runs. */
export async function runMutation<TData, TVariables, TOnMutateResult>(
  client: QueryClient,
  options: MutationObserverOptions<TData, Error, TVariables, TOnMutateResult>,
  variables: TVariables,
): Promise<TData> {
  const observer = new MutationObserver(client, options);
  try {
    return await observer.mutate(variables);
  } finally {
    // Let go, so the cache can drop it after its gcTime like any finished mutation.
    observer.reset();
  }
}

/** A change to the service's settings; the view is told by the answer when there is one. */
function settingsChange<TVariables>(
  ref: ServiceRef,
  change: ServiceChangeKind,
  send: (variables: TVariables) => Promise<Service> | Promise<void>,
) {
  return mutationOptions({
    mutationKey: mutationKeys.serviceChange(ref, change),
    // An env change answers nothing (null); a secret or link change answers the service.
    mutationFn: async (variables: TVariables): Promise<Service | null> => (await send(variables)) ?? null,
    onSettled: (answer, error, _variables, _context, { client }) => {
      if (error === null) return refreshAfterServiceChange(client, ref, 'settings', answer ?? undefined);
      void refreshAfterServiceChange(client, ref, 'refused');
      return undefined;
    },
  });
}

/** `kontena service env add`: "KEY=VALUE" as is. */
export const serviceEnvAddMutation = (ref: ServiceRef) => settingsChange(ref, 'env-add', (entry: string) => addEnv(ref, entry));
/** `kontena service env rm`: every entry of the key. */
export const serviceEnvRemoveMutation = (ref: ServiceRef) => settingsChange(ref, 'env-remove', (key: string) => removeEnv(ref, key));
export const secretLinkMutation = (ref: ServiceRef) => settingsChange(ref, 'secret-link', (spec: SecretLinkSpec) => linkSecret(ref, spec));
export const secretUnlinkMutation = (ref: ServiceRef) =>
  settingsChange(ref, 'secret-unlink', (spec: SecretLinkSpec) => unlinkSecret(ref, spec));
export const serviceLinkMutation = (ref: ServiceRef) => settingsChange(ref, 'link', (spec: ServiceLinkSpec) => linkService(ref, spec));
/** `targetId`: the linked service's id, "G/S/N". */
export const serviceUnlinkMutation = (ref: ServiceRef) => settingsChange(ref, 'unlink', (targetId: string) => unlinkService(ref, targetId));

/** A service saved, and the deploy asked for with it: its record, or why it could not start. */
export interface SavedService {
  service: Service;
  deploy: Deploy | null;
  deployError: unknown;
  /** When the deploy was sent (this browser's clock). */
  sentAt: number;
}

/** The deploy that follows a save: a deploy mutation of its own, so it is followed like any other. */
async function deployAfterSave(client: QueryClient, service: Service, deploy: boolean): Promise<SavedService> {
  const sentAt = Date.now();
  if (!deploy) return { service, deploy: null, deployError: null, sentAt };
  try {
    return {
      service,
      deploy: await runMutation(client, serviceDeployMutation(refOfService(service)), { force: false }),
      deployError: null,
      sentAt,
    };
  } catch (error) {
    return { service, deploy: null, deployError: error, sentAt };
  }
}

/** `kontena service update` (the fields given), then a deploy when asked: a failed deploy leaves the save done. */
export function serviceUpdateMutation(ref: ServiceRef) {
  return mutationOptions({
    mutationKey: mutationKeys.serviceChange(ref, 'update'),
    mutationFn: async ({ body, deploy }: { body: ServiceUpdateBody; deploy: boolean }, { client }): Promise<SavedService> =>
      deployAfterSave(client, await updateService(ref, body), deploy),
    onSettled: (saved, _error, _variables, _context, { client }) => {
      if (saved !== undefined) void refreshAfterServiceChange(client, ref, 'settings', saved.service);
    },
  });
}

/** `kontena service create` in the grid's default stack, then a deploy when asked. */
export function serviceCreateMutation(grid: string) {
  return mutationOptions({
    mutationKey: mutationKeys.serviceCreate(grid),
    mutationFn: async ({ body, deploy }: { body: ServiceCreateBody; deploy: boolean }, { client }): Promise<SavedService> =>
      deployAfterSave(client, await createService(grid, body), deploy),
    onSettled: (created, _error, _variables, _context, { client }) => {
      if (created !== undefined) void refreshAfterServiceChange(client, refOfService(created.service), 'settings', created.service);
    },
  });
}

/** A deploy or scale was answered (or refused): its record is the first read of `deployQuery`, and it is followed (api/deploys-in-flight). */
function afterDeployAnswer(client: QueryClient, ref: ServiceRef, deploy: Deploy | undefined): void {
  keepLatestDeploys(client, ref, deploy !== undefined);
  if (deploy === undefined) return;
  client.setQueryData(queryKeys.deploy(ref, deploy.id), deploy);
  void refreshAfterServiceChange(client, ref, 'action');
}

export interface FollowOptions {
  /** Part of a bulk action: a good finish is told by the tray's counts, not by a toast of its own. */
  quiet?: boolean;
}

/** `kontena service deploy [--force]`. Kept with no time limit: api/deploys-in-flight bounds how many. */
export function serviceDeployMutation(ref: ServiceRef, options: FollowOptions = {}) {
  return mutationOptions({
    mutationKey: mutationKeys.serviceAction(ref, 'deploy'),
    mutationFn: ({ force }: { force: boolean }) => deployService(ref, { force }),
    meta: { quiet: options.quiet === true },
    gcTime: Infinity,
    onSettled: (deploy, _error, _variables, _context, { client }) => afterDeployAnswer(client, ref, deploy),
  });
}

/** `kontena service scale`: a deploy too, followed the same way. */
function serviceScaleMutation(ref: ServiceRef, options: FollowOptions = {}) {
  return mutationOptions({
    mutationKey: mutationKeys.serviceAction(ref, 'scale'),
    mutationFn: ({ instances }: { instances: number }) => scaleService(ref, instances),
    meta: { quiet: options.quiet === true },
    gcTime: Infinity,
    onSettled: (deploy, _error, _variables, _context, { client }) => afterDeployAnswer(client, ref, deploy),
  });
}

/** start/stop/restart take effect a moment after the master answers: look again then. */
const SETTLE_REFRESH_MS = 2_000;

const signals = { start: startService, stop: stopService, restart: restartService } as const;

/** `kontena service start|stop|restart`. */
function serviceSignalMutation(ref: ServiceRef, signal: keyof typeof signals) {
  return mutationOptions({
    mutationKey: mutationKeys.serviceAction(ref, signal),
    mutationFn: () => signals[signal](ref),
    onSettled: (_data, error, _variables, _context, { client }) => {
      if (error !== null) return;
      void refreshAfterServiceChange(client, ref, 'action');
      setTimeout(() => void refreshAfterServiceChange(client, ref, 'action'), SETTLE_REFRESH_MS);
    },
  });
}

/** `kontena service rm`: settles when the master no longer knows the service (`sleep`: tests pass an instant one). */
function serviceRemoveMutation(ref: ServiceRef, options: { sleep?: (ms: number) => Promise<void> } = {}) {
  return mutationOptions({
    mutationKey: mutationKeys.serviceAction(ref, 'remove'),
    mutationFn: () => removeServiceAndWait(ref, options.sleep),
    onSettled: (_data, error, _variables, _context, { client }) => {
      if (error === null) void refreshAfterServiceChange(client, ref, 'removed');
    },
  });
}

/**
 * Runs one lifecycle action from outside a component (the list's rows and bulk bar, a
 * service's header): deploy and scale resolve to the deploy record to follow, the others to null.
 */
export async function runServiceAction(
  client: QueryClient,
  ref: ServiceRef,
  action: ServiceAction,
  options: FollowOptions & { sleep?: (ms: number) => Promise<void> } = {},
): Promise<Deploy | null> {
  switch (action.kind) {
    case 'deploy':
      return runMutation(client, serviceDeployMutation(ref, options), { force: action.force });
    case 'scale':
      return runMutation(client, serviceScaleMutation(ref, options), { instances: action.instances });
    case 'start':
    case 'stop':
    case 'restart':
      await runMutation(client, serviceSignalMutation(ref, action.kind), undefined);
      return null;
    case 'remove':
      await runMutation(client, serviceRemoveMutation(ref, options), undefined);
      return null;
  }
}
