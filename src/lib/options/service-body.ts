/**
 * Request bodies of `POST /v1/grids/G/services` and `PUT /v1/services/G/S/N`, field for
 * field as the master validates them (docs/kontena-api.md §5). Numbers are numbers here: the
 * dashboard sends integers, while the CLI sends some of them as strings (see
 * `parsePortCli` and the notes in cli-command.ts) and the master converts both alike.
 *
 * `grid` and `stack` are typed `never`: the master treats them as model inputs and
 * answers 422 "isn't the right class" when a client sends them, so they must never be
 * copied from a GET.
 *
 * lib/ may not import api/, so the api's request schemas (api/schemas/service-body.ts)
 * describe the same bodies on their own; a compile-time check there keeps the two equal.
 */

export type Strategy = 'ha' | 'daemon' | 'random';
export type HealthCheckProtocol = 'http' | 'tcp';

export interface PortBody {
  node_port: number;
  container_port: number;
  /** Default "tcp"; the master does not check the value beyond it being a string. */
  protocol?: string;
  /** Default "0.0.0.0". */
  ip?: string;
}

export interface LinkBody {
  /** `N` (resolved in the linking service's own stack) or `S/N`. */
  name: string;
  alias: string;
}

export interface SecretBody {
  /** Name of the grid secret (vault). */
  secret: string;
  /** Name of the environment variable in the container. */
  name: string;
  /** Accepted and ignored: the master always stores "env". */
  type?: string;
}

export interface DeployOptsBody {
  wait_for_port?: number | null;
  min_health?: number | null;
  /** Seconds between automatic redeploys; null turns them off. */
  interval?: number | null;
}

export interface HookBody {
  name: string;
  cmd: string;
  /** Comma-separated instance numbers, or "*". */
  instances: string;
  oneshot?: boolean;
}

export interface HooksBody {
  post_start?: HookBody[];
}

export interface HealthCheckBody {
  /** Both `port` and `protocol` keys are required by the master; null is allowed. */
  port: number | null;
  protocol: HealthCheckProtocol | null;
  uri?: string;
  timeout?: number;
  interval?: number;
  initial_delay?: number;
}

/** Inputs that create and update share (`GridServices::Common.common_validations`). */
export interface ServiceCommonBody {
  instances?: number;
  /** Deprecated alias of `instances`; `instances` wins when both are sent. */
  container_count?: number;
  strategy?: Strategy;
  user?: string;
  cmd?: string[];
  /** Create only: the master ignores it on update. */
  entrypoint?: string;
  /** `KEY=VALUE` strings. On update, `KEY=` keeps KEY's current value. */
  env?: string[];
  secrets?: SecretBody[];
  ports?: PortBody[];
  links?: LinkBody[];
  affinity?: string[];
  deploy_opts?: DeployOptsBody;
  volumes?: string[];
  volumes_from?: string[];
  cpu_shares?: number;
  /** Bytes. */
  memory?: number;
  /** Bytes. */
  memory_swap?: number;
  /** Write-only: stored, never returned. */
  privileged?: boolean;
  cap_add?: string[];
  cap_drop?: string[];
  net?: string;
  log_driver?: string;
  log_opts?: Record<string, string>;
  /** Write-only: stored, never returned. */
  devices?: string[];
  /** Create only: the master ignores it on update (the CLI still sends it). */
  pid?: 'host';
  hooks?: HooksBody;
  health_check?: HealthCheckBody;
  grid?: never;
  stack?: never;
}

export interface ServiceCreateBody extends ServiceCommonBody {
  name: string;
  image: string;
  stateful: boolean;
}

export interface ServiceUpdateBody extends ServiceCommonBody {
  image?: string;
}
