/**
 * What a deploy writes (event messages, the deploy's reason, an instance's error), shared
 * by the live deploy worker and the scenarios' deploy history, so both read alike.
 */
import { servicePath } from '../model/store';
import type { ServiceRecord } from '../model/types';

export function deployStartedMessage(service: ServiceRecord): string {
  return `service ${servicePath(service)} deploy started`;
}

export function deployedMessage(service: ServiceRecord): string {
  return `service ${servicePath(service)} deployed`;
}

export function deployErroredMessage(service: ServiceRecord, reason: string): string {
  return `deploy of ${servicePath(service)} errored: ${reason}`;
}

/** The reason of a deploy stopped by a failed instance. */
export function deployHaltedReason(service: ServiceRecord): string {
  return `halting deploy of ${servicePath(service)}, one or more instances failed`;
}

/** The instance error of an image the node cannot pull (the simulator's `…:fail` tag). */
export function noSuchImageError(service: ServiceRecord): string {
  return `Docker::Error::NotFoundError: No such image: ${service.image}`;
}

export function instanceFailedMessage(service: ServiceRecord, instanceNumber: number, nodeName: string, error: string): string {
  return `Failed to deploy service instance ${servicePath(service)}-${instanceNumber} to node ${nodeName}: ${error}`;
}
