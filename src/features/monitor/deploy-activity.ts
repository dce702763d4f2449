/**
 * "Is a deploy running?" The master has no list of deploys (docs/kontena-api.md §4.5), so the
 * monitor knows for sure only about a deploy this browser started and follows
 * (api/deploys-in-flight, from any page). Otherwise it reads the signs in the instances:
 * the count differs from the desired count, instances on different service revisions (a
 * rolling update), or the service in a transitional state — and says it is inferred.
 */
import type { ContainerSummary } from '../../api/schemas/container';
import type { Deploy } from '../../api/schemas/deploy';
import type { Service } from '../../api/schemas/service';
import { countOutdated } from './instance-view';

export type DeployActivity =
  { kind: 'known'; deploy: Deploy; done: number; total: number; failed: number } | { kind: 'inferred'; reason: string };

/** Instances of a non-daemon service placed vs desired, revision mix, transitional state. */
export function inferDeployActivity(
  service: Service | undefined,
  containers: readonly ContainerSummary[] | undefined,
): DeployActivity | null {
  if (!service || !containers) return null;
  if (service.state === 'deploying') return { kind: 'inferred', reason: 'The service is deploying.' };
  if (service.state === 'restarting') return { kind: 'inferred', reason: 'The service is restarting its instances.' };
  if (service.state !== 'running') return null;
  const live = containers.filter((c) => c.status !== 'deleted');
  if (service.strategy !== 'daemon' && live.length !== service.instances) {
    return {
      kind: 'inferred',
      reason: `${live.length} of ${service.instances} instances placed: a deploy or scale appears to be under way.`,
    };
  }
  const behind = countOutdated(live);
  if (behind > 0) {
    return {
      kind: 'inferred',
      reason: `${live.length - behind} of ${live.length} instances run the newest revision: a rolling update appears to be under way (or stopped half-way).`,
    };
  }
  return null;
}

/** A followed deploy that has not finished, as progress. */
export function knownDeployActivity(deploy: Deploy): DeployActivity {
  const done = deploy.instance_deploys.filter((d) => d.state === 'success' || d.state === 'error').length;
  const failed = deploy.instance_deploys.filter((d) => d.state === 'error').length;
  return { kind: 'known', deploy, done, total: Math.max(deploy.instance_count, deploy.instance_deploys.length), failed };
}
