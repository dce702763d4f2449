/**
 * The body `kontena stack install` posts to `POST /v1/grids/G/stacks` and `kontena stack
 * upgrade` puts to `PUT /v1/stacks/G/S` (docs/kontena-api-grid.md G3.3, G3.4), as the
 * CLI 1.2's `Stacks::Common#stack_from_reader` and `ServiceGeneratorV2` build it.
 *
 * Unlike the service create body (lib/options/service-body.ts) this is the CLI's own
 * shape: keys the CLI always sends are required here, with the `null`s it sends when the
 * file leaves them out (the master ignores null optional fields). Ports are the one
 * deliberate difference: the CLI sends their numbers as strings, the dashboard as
 * integers, and the master converts both alike.
 *
 * lib/ may not import api/, so api/schemas/requests/stack-body.ts describes the same body
 * with zod; a compile-time check there keeps the two equal.
 */
import type { LinkBody, SecretBody, Strategy } from '../options/service-body';

export interface StackPortBody {
  /** "0.0.0.0" unless the file names one. */
  ip: string;
  container_port: number;
  node_port: number;
  /** "tcp" unless the file says "/udp". */
  protocol: string;
}

export interface StackDeployOptsBody {
  wait_for_port: number | null;
  min_health: number | null;
  /** Seconds; null when the file has none (or "0"). */
  interval: number | null;
}

export interface StackHookBody {
  name: string;
  cmd: string;
  /** As written in the file: an instance number or "*". */
  instances: number | string;
  oneshot?: boolean;
}

export interface StackHealthCheckBody {
  port: number | null;
  protocol: string | null;
  uri: string | null;
  timeout: number | null;
  interval: number | null;
  initial_delay: number | null;
}

/** One service of the `services` array, keys in the order the CLI writes them. */
export interface StackServiceBody {
  instances: number | null;
  image: string;
  env?: string[];
  links: LinkBody[];
  /** Sent by the CLI and ignored by the master. */
  external_links: LinkBody[];
  ports: StackPortBody[];
  /** Bytes. */
  memory?: number;
  /** Bytes. */
  memory_swap?: number;
  cpu_shares?: number;
  volumes: string[];
  volumes_from: string[];
  cmd?: string[];
  affinity: string[];
  user?: string;
  stateful: boolean;
  privileged?: boolean;
  cap_add?: string[];
  cap_drop?: string[];
  pid?: string;
  strategy?: Strategy;
  deploy_opts: StackDeployOptsBody;
  hooks: { post_start?: StackHookBody[] };
  secrets?: SecretBody[];
  health_check: StackHealthCheckBody;
  /** From `network_mode`. */
  net?: string;
  log_driver: string | null;
  log_opts: Record<string, string> | null;
  name: string;
}

export interface StackVolumeBody {
  /** The grid volume the stack volume stands for. */
  external: string;
  name: string;
}

export type StackVariableValue = string | number | boolean | null;

export interface StackBody {
  /** The stack's name in the grid (the master ignores it on upgrade). */
  name: string;
  /** The file's `stack:` as written, e.g. "kontena/wordpress". */
  stack: string;
  expose: string | null;
  version: string;
  /** The file text exactly as given. */
  source: string;
  registry: 'file://';
  services: StackServiceBody[];
  volumes: StackVolumeBody[];
  /** Every variable's value by name (null when skipped or empty). */
  variables: Record<string, StackVariableValue>;
}
