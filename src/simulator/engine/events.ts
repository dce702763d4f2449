/**
 * Event log writer with the relationship rules of docs/kontena-api.md §4.12: master events
 * (deploy, scheduler) relate to grid + service only; agent events to grid, stack,
 * service and node with meta.instance_number.
 */
import type { EventSink } from '../context';
import type { IdFactory } from '../model/ids';
import { servicePath } from '../model/store';
import type { ContainerRecord, EventRecord, EventRelationship, ServiceRecord } from '../model/types';

export function createEventSink(ids: IdFactory, now: () => number): EventSink {
  // Events of one service (and node) share their relationship list: thousands of events
  // then cost one small array, not one each. Views copy it, so sharing is safe.
  const shared = new WeakMap<ServiceRecord, Map<string, EventRelationship[]>>();
  const relationshipsOf = (service: ServiceRecord, key: string, build: () => EventRelationship[]): EventRelationship[] => {
    let byKey = shared.get(service);
    if (!byKey) {
      byKey = new Map();
      shared.set(service, byKey);
    }
    let list = byKey.get(key);
    if (!list) {
      list = build();
      byKey.set(key, list);
    }
    return list;
  };
  const push = (service: ServiceRecord, event: EventRecord): void => {
    service.events.push(event);
    service.grid.events.push(event);
  };
  return {
    master(service, message, options = {}) {
      const relationships = relationshipsOf(service, '', () => [
        { id: service.grid.name, type: 'grid' },
        { id: servicePath(service), type: 'service' },
      ]);
      push(service, {
        seq: ids.sequenceId(),
        createdAt: options.at ?? now(),
        severity: options.severity ?? 1,
        type: options.type ?? 'service:deploy',
        message,
        meta: null,
        relationships,
      });
    },
    agent(container: ContainerRecord, type: string, message: string, options = {}) {
      const service = container.service;
      if (!service) return;
      const grid = service.grid.name;
      const node = container.node;
      const relationships = relationshipsOf(service, node ? `node:${node.name}` : 'agent', () => {
        const list: EventRelationship[] = [
          { id: grid, type: 'grid' },
          { id: `${grid}/${service.stack.name}`, type: 'stack' },
          { id: servicePath(service), type: 'service' },
        ];
        if (node) list.push({ id: `${grid}/${node.name}`, type: 'node' });
        return list;
      });
      push(service, {
        seq: ids.sequenceId(),
        createdAt: options.at ?? now(),
        severity: options.severity ?? 1,
        type,
        message,
        meta: container.instanceNumber === null ? null : { instance_number: container.instanceNumber },
        relationships,
      });
    },
  };
}
