import { z } from './zod-mini';

/**
 * `POST /v1/containers/G/N/C/exec` (docs/kontena-api-grid.md G7.4): `[stdout chunks, stderr
 * chunks, exit code]`; the chunks are docker's output pieces, not lines. A non-zero exit is
 * still a 200.
 */
export const execResultSchema = z.tuple([z.array(z.string()), z.array(z.string()), z.number()]);

/** `GET …/inspect` (G7.2): docker's own inspect object, passed through by the master; only what a page reads is checked. */
export const containerInspectSchema = z.looseObject({
  Id: z.string(),
  Created: z.string(),
  Name: z.string(),
  State: z.looseObject({ Status: z.string(), Running: z.boolean(), Pid: z.number(), ExitCode: z.number() }),
  Config: z.looseObject({
    Hostname: z.string(),
    Image: z.string(),
    Env: z.nullable(z.array(z.string())),
    Cmd: z.nullable(z.array(z.string())),
    Labels: z.nullable(z.record(z.string(), z.string())),
  }),
  HostConfig: z.looseObject({}),
  NetworkSettings: z.looseObject({}),
});

/**
 * 500 of an RPC to the agent that failed or timed out (G7.3): `code` 503 with
 * "Connection timeout (300s)" for an agent that does not answer, else the agent's code.
 */
export const rpcErrorBodySchema = z.looseObject({
  code: z.number(),
  message: z.string(),
  backtrace: z.optional(z.nullable(z.array(z.string()))),
});
