/**
 * What the form offers to pick from: the grid's services (links), its vault (secrets) and
 * its nodes (affinity suggestions). Each list may be unavailable; the inputs then fall
 * back to free text, and the master still checks what is sent.
 */
import { createContext, useContext, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { nodesQuery, secretsQuery, servicesQuery } from '../../api/queries';
import type { Service } from '../../api/schemas/service';
import { NULL_STACK } from '../../api/service-ref';
import { linkTargetFor } from './form-from-service';
import type { FormMode } from './option-groups';

export interface LinkChoice {
  /** What the form sends: `N` in the own stack, `S/N` otherwise. */
  target: string;
  stack: string;
}

export interface FormOptions {
  mode: FormMode;
  grid: string;
  /** The stack bare link targets resolve in ("null" for a new service). */
  ownStack: string;
  /** Update: the service as loaded. */
  original: Service | null;
  /** null while unknown or when the list cannot be had. */
  linkChoices: LinkChoice[] | null;
  linkChoicesProblem: string | null;
  secretNames: string[] | null;
  secretsProblem: string | null;
  nodeNames: string[];
  nodeLabels: string[];
  serviceNames: string[];
}

const FormOptionsContext = createContext<FormOptions | null>(null);
export const FormOptionsProvider = FormOptionsContext.Provider;

export function useFormOptions(): FormOptions {
  const options = useContext(FormOptionsContext);
  if (options === null) throw new Error('useFormOptions outside the service form');
  return options;
}

function problem(error: unknown, what: string): string {
  return `The ${what} could not be loaded (${error instanceof Error ? error.message : 'unknown error'}): type the name instead.`;
}

export function useLoadFormOptions(mode: FormMode, grid: string, original: Service | null): FormOptions {
  const services = useQuery(servicesQuery(grid));
  const secrets = useQuery({ ...secretsQuery(grid), retry: false });
  const nodes = useQuery({ ...nodesQuery(grid), retry: false });
  const ownStack = original?.stack.name ?? NULL_STACK;

  return useMemo(() => {
    const linkChoices =
      services.data
        ?.filter((s) => s.id !== original?.id)
        .map((s) => ({ target: linkTargetFor(s.id, ownStack), stack: s.stack.name }))
        .sort((a, b) => a.stack.localeCompare(b.stack) || a.target.localeCompare(b.target)) ?? null;
    const nodeList = nodes.data ?? [];
    return {
      mode,
      grid,
      ownStack,
      original,
      linkChoices,
      linkChoicesProblem: services.isError && linkChoices === null ? problem(services.error, 'grid’s services') : null,
      secretNames: secrets.data?.map((s) => s.name) ?? null,
      secretsProblem: secrets.isError ? problem(secrets.error, 'vault’s secrets') : null,
      nodeNames: nodeList.flatMap((n) => (n.name === null ? [] : [n.name])).sort(),
      nodeLabels: [...new Set(nodeList.flatMap((n) => n.labels))].sort(),
      serviceNames: [...new Set((services.data ?? []).map((s) => s.name))].sort(),
    };
  }, [
    mode,
    grid,
    ownStack,
    original,
    services.data,
    services.isError,
    services.error,
    secrets.data,
    secrets.isError,
    secrets.error,
    nodes.data,
  ]);
}
