/**
 * Request bodies of `POST /v1/grids/G/services` and `PUT /v1/services/G/S/N`
 * (kontena-api.md §5). `grid` and `stack` are typed `never`: the master answers 422
 * "isn't the right class" when they are sent, so they must never be copied from a GET.
 */
import type { Strategy } from './service';

export interface ServicePortBody {
  node_port: number;
  container_port: number;
  /** Default "tcp". */
  protocol?: string;
  /** Default "0.0.0.0". */
  ip?: string;
}

export interface ServiceSecretBody {
  /** The grid secret's name. */
  secret: string;
  /** The env variable it becomes inside the container. */
  name: string;
  /** Accepted and ignored: always stored as "env". */
  type?: string;
}

export interface ServiceLinkBody {
  /** "N" (resolved in the linking service's own stack) or "S/N". */
  name: string;
  alias: string;
}

export interface DeployOptsBody {
  wait_for_port?: number | null;
  /** Default 0.8. */
  min_health?: number | null;
  interval?: number | null;
}

export interface HookBody {
  name: string;
  cmd: string;
  /** Comma-separated instance numbers or "*". */
  instances: string;
  oneshot?: boolean;
}

export interface HealthCheckBody {
  /** Both `port` and `protocol` are required keys; `{port: null, protocol: null}` removes the check. */
  port: number | null;
  protocol: 'http' | 'tcp' | null;
  uri?: string;
  timeout?: number;
  interval?: number;
  initial_delay?: number;
}

/** Inputs common to create and update; all optional. Arrays and objects replace the stored value. */
export interface ServiceCommonBody {
  image?: string;
  instances?: number;
  /** Deprecated alias of `instances`. */
  container_count?: number;
  strategy?: Strategy;
  user?: string;
  cmd?: string[];
  /** "K=V" strings. On update the list replaces the old one, except that "K=" keeps K's value. */
  env?: string[];
  secrets?: ServiceSecretBody[];
  ports?: ServicePortBody[];
  links?: ServiceLinkBody[];
  affinity?: string[];
  deploy_opts?: DeployOptsBody;
  volumes?: string[];
  volumes_from?: string[];
  cpu_shares?: number;
  memory?: number;
  memory_swap?: number;
  /** Write-only: the master never returns it. */
  privileged?: boolean;
  cap_add?: string[];
  cap_drop?: string[];
  net?: string;
  log_driver?: string;
  log_opts?: Record<string, string>;
  /** Write-only. */
  devices?: string[];
  hooks?: { post_start?: HookBody[] };
  health_check?: HealthCheckBody;
  grid?: never;
  stack?: never;
}

export interface ServiceCreateBody extends ServiceCommonBody {
  name: string;
  image: string;
  stateful: boolean;
  /** Create only (update ignores it). */
  entrypoint?: string;
  /** Create only (update ignores it). */
  pid?: 'host';
}

/** Every field optional; `name`, `stateful`, `entrypoint` and `pid` cannot be changed. */
export type ServiceUpdateBody = ServiceCommonBody;
