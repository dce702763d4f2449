/**
 * RPC from the master to a node's agent (docs/kontena-api-grid.md G7.3, G2.5): the master
 * never checks `connected`; it publishes the request and waits. A connected simulated agent
 * answers at once; a disconnected one never does, so the caller times out after the
 * RPC's timeout, on the injected clock.
 */
import { json } from '../http';
import type { Clock } from './clock';
import type { NodeRecord } from '../model/types';

/** What RpcClient::TimeoutError carries: code 503. */
const RPC_TIMEOUT_CODE = 503;

/** Resolves true when the agent answers, false after `timeoutMs` when it does not. */
export function agentAnswers(clock: Clock, node: NodeRecord, timeoutMs: number): Promise<boolean> {
  if (node.connected) return Promise.resolve(true);
  return new Promise((resolve) => clock.setTimeout(() => resolve(false), timeoutMs));
}

const BACKTRACE = [
  "/app/app/services/rpc_client.rb:68:in `request'",
  "/app/app/helpers/request_helpers.rb:45:in `block in call'",
  "/usr/lib/ruby/gems/2.3.0/gems/roda-2.5.0/lib/roda.rb:729:in `block in call'",
];

/** The error handler's answer to an RPC error (status 500, G7.3). */
export function rpcErrorResponse(code: number, message: string): Response {
  return json(500, { code, message, backtrace: [...BACKTRACE] });
}

export function rpcTimeoutResponse(timeoutMs: number): Response {
  return rpcErrorResponse(RPC_TIMEOUT_CODE, `Connection timeout (${Math.round(timeoutMs / 1000)}s)`);
}
