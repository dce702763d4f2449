/**
 * A stack deploy as a list of steps, one per service, in the master's order (G3.5): the
 * services it has deployed or is deploying (`service_deploys`, in the order the worker
 * took them), then the stack's other services, waiting; once the run stopped on a failure
 * they are "not deployed", and once it succeeded they were brought along by a service
 * they depend on (or were dropped by the revision).
 */
import type { Deploy } from '../../api/schemas/deploy';
import type { Stack } from '../../api/schemas/stack';
import { tryParseServiceId } from '../../api/service-ref';
import type { ServiceRef } from '../../api/service-ref';
import type { StackDeploy } from '../../api/stacks';

export type StepStatus = 'queued' | 'deploying' | 'success' | 'error' | 'waiting' | 'not-deployed' | 'not-in-run';

export interface StackDeployStep {
  name: string;
  ref: ServiceRef;
  status: StepStatus;
  /** The service deploy record, once the worker started one. */
  deploy: Deploy | null;
}

const deployStatus: Record<Deploy['state'], StepStatus> = { created: 'queued', ongoing: 'deploying', success: 'success', error: 'error' };

export function stackDeploySteps(grid: string, stack: string, run: StackDeploy, services: Stack['services']): StackDeployStep[] {
  const steps: StackDeployStep[] = [];
  const seen = new Set<string>();
  for (const deploy of run.service_deploys) {
    const ref = tryParseServiceId(deploy.service_id) ?? { grid, stack, name: deploy.service_id };
    seen.add(ref.name);
    steps.push({ name: ref.name, ref, status: deployStatus[deploy.state], deploy });
  }
  const rest: StepStatus = run.state === 'error' ? 'not-deployed' : run.state === 'success' ? 'not-in-run' : 'waiting';
  for (const service of services) {
    if (seen.has(service.name)) continue;
    steps.push({ name: service.name, ref: { grid, stack, name: service.name }, status: rest, deploy: null });
  }
  return steps;
}

/** The step the run stopped at: the first failed service deploy. */
export function failedStep(steps: readonly StackDeployStep[]): StackDeployStep | undefined {
  return steps.find((s) => s.status === 'error');
}
