/**
 * Request body of `POST /v1/grids/G/stacks` (`kontena stack install`) and
 * `PUT /v1/stacks/G/S` (`kontena stack upgrade`), with the keys the CLI's
 * `Stacks::Common#stack_from_reader` and `ServiceGeneratorV2` send, the `null`s included
 * (docs/kontena-api-grid.md G3.3, G3.4). Ports carry integers where the CLI sends strings;
 * the master converts both alike.
 *
 * lib/stack-file builds these bodies with its own copy of the types (lib/ may not import
 * api/); `_LibAgrees` below keeps the two the same.
 */
import type * as Lib from '../../../lib/stack-file/stack-body';
import { filledStringSchema, nameInputSchema } from './rules';
import { z } from '../zod-mini';

const linkSchema = z.strictObject({ name: filledStringSchema, alias: filledStringSchema });

const stackServiceBodySchema = z.strictObject({
  instances: z.nullable(z.int()),
  image: filledStringSchema,
  env: z.optional(z.array(z.string())),
  links: z.array(linkSchema),
  /** Sent by the CLI and ignored by the master. */
  external_links: z.array(linkSchema),
  ports: z.array(z.strictObject({ ip: filledStringSchema, container_port: z.int(), node_port: z.int(), protocol: filledStringSchema })),
  memory: z.optional(z.int()),
  memory_swap: z.optional(z.int()),
  cpu_shares: z.optional(z.int().check(z.minimum(0), z.maximum(1024))),
  volumes: z.array(filledStringSchema),
  volumes_from: z.array(filledStringSchema),
  cmd: z.optional(z.array(z.string())),
  affinity: z.array(filledStringSchema),
  user: z.optional(z.string()),
  stateful: z.boolean(),
  privileged: z.optional(z.boolean()),
  cap_add: z.optional(z.array(filledStringSchema)),
  cap_drop: z.optional(z.array(filledStringSchema)),
  pid: z.optional(z.string()),
  strategy: z.optional(z.enum(['ha', 'daemon', 'random'])),
  deploy_opts: z.strictObject({
    wait_for_port: z.nullable(z.int()),
    min_health: z.nullable(z.number()),
    interval: z.nullable(z.int()),
  }),
  hooks: z.strictObject({
    post_start: z.optional(
      z.array(
        z.strictObject({
          name: filledStringSchema,
          cmd: filledStringSchema,
          instances: z.union([z.int(), z.string()]),
          oneshot: z.optional(z.boolean()),
        }),
      ),
    ),
  }),
  secrets: z.optional(
    z.array(z.strictObject({ secret: filledStringSchema, name: filledStringSchema, type: z.optional(filledStringSchema) })),
  ),
  health_check: z.strictObject({
    port: z.nullable(z.int()),
    protocol: z.nullable(z.string()),
    uri: z.nullable(z.string()),
    timeout: z.nullable(z.int()),
    interval: z.nullable(z.int()),
    initial_delay: z.nullable(z.int()),
  }),
  net: z.optional(z.string()),
  log_driver: z.nullable(z.string()),
  log_opts: z.nullable(z.record(z.string(), z.string())),
  name: nameInputSchema,
});

/** Install and upgrade send the same body (the master ignores `name` on upgrade). */
export const stackBodySchema = z.strictObject({
  name: nameInputSchema,
  stack: filledStringSchema,
  expose: z.nullable(z.string()),
  version: filledStringSchema,
  source: filledStringSchema,
  registry: z.literal('file://'),
  services: z.array(stackServiceBodySchema),
  volumes: z.array(z.strictObject({ external: filledStringSchema, name: filledStringSchema })),
  variables: z.record(z.string(), z.nullable(z.union([z.string(), z.number(), z.boolean()]))),
});

export type StackBody = z.infer<typeof stackBodySchema>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Agrees<T extends true> = T;
/** A compile error here means lib/stack-file/stack-body.ts and this schema no longer describe the same body. */
type _LibAgrees = Agrees<Same<StackBody, Lib.StackBody>>;
