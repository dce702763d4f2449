/** StackDeployJson (docs/kontena-api-grid.md G3.5): id, stack_id, created_at, state, service_deploys. */
import { isoZ } from '../model/time';
import type { DeployState, StackDeployRecord, StackRecord } from '../model/types';
import { deployJson } from './deploy-json';

interface StackDeployJson {
  id: string;
  stack_id: string;
  created_at: string;
  state: DeployState;
  service_deploys: ReturnType<typeof deployJson>[];
}

export function stackDeployJson(stack: StackRecord, record: StackDeployRecord): StackDeployJson {
  return {
    id: record.id,
    stack_id: `${stack.grid.name}/${stack.name}`,
    created_at: isoZ(record.createdAt),
    state: record.state,
    service_deploys: record.serviceDeploys.map(deployJson),
  };
}
