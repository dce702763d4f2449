/** StackJson (docs/kontena-api-grid.md G3.2, docs/kontena-api.md §4.14): exactly 13 keys; state derived from the services. */
import type { StackRecord } from '../model/types';
import { isoOrNull, isoZ } from '../model/time';
import { serviceJson, type ServiceJson } from './service-json';

interface StackJson {
  id: string;
  name: string;
  state: 'initialized' | 'deploying' | 'stopped' | 'running' | 'partially_running';
  created_at: string;
  updated_at: string | null;
  stack: string | null;
  registry: string | null;
  version: string | null;
  revision: number;
  expose: string | null;
  source: string | null;
  variables: Record<string, unknown> | null;
  services: ServiceJson[];
}

const TEN_MINUTES = 10 * 60_000;

function stackState(stack: StackRecord, nowMs: number): StackJson['state'] {
  const services = [...stack.services.values()];
  if (services.every((s) => s.state === 'initialized')) return 'initialized';
  const deploying = services.some((s) =>
    s.deploys.some((d) => d.startedAt !== null && d.finishedAt === null && nowMs - d.startedAt < TEN_MINUTES),
  );
  if (deploying) return 'deploying';
  if (services.every((s) => s.state === 'stopped')) return 'stopped';
  if (services.every((s) => s.state === 'running')) return 'running';
  return 'partially_running';
}

export function stackJson(stack: StackRecord, nowMs: number): StackJson {
  return {
    id: `${stack.grid.name}/${stack.name}`,
    name: stack.name,
    state: stackState(stack, nowMs),
    created_at: isoZ(stack.createdAt),
    updated_at: isoOrNull(stack.updatedAt),
    stack: stack.registryName,
    registry: stack.registry,
    version: stack.version,
    // A stack without revisions (the null stack) shows 1 (G3.2).
    revision: stack.revision ?? 1,
    expose: stack.expose,
    source: stack.source,
    variables: stack.variables,
    services: [...stack.services.values()].map((s) => serviceJson(s)),
  };
}
