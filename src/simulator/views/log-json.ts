/** LogJson (§4.11) and EventJson (§4.12). */
import { servicePath } from '../model/store';
import type { EventRecord, LogRecord } from '../model/types';
import { isoZ } from '../model/time';

interface LogJson {
  id: string;
  name: string;
  container_id: string;
  service?: { id: string; name: string };
  stack?: { id: string; name: string };
  grid?: { id: string; name: string };
  node?: { name: string };
  created_at: string;
  type: string;
  data: string;
}

interface EventJson {
  created_at: string;
  severity: 0 | 1 | 2 | 3;
  type: string | null;
  message: string;
  meta: { instance_number: number } | null;
  relationships: { id: string; type: string }[];
}

export function logJson(log: LogRecord): LogJson {
  const service = log.service;
  const grid = service.grid.name;
  const node: Pick<LogJson, 'node'> = log.nodeName === null ? {} : { node: { name: log.nodeName } };
  return {
    id: log.id,
    name: log.name,
    container_id: log.containerRecordId,
    service: { id: servicePath(service), name: service.name },
    stack: { id: `${grid}/${service.stack.name}`, name: service.stack.name },
    grid: { id: grid, name: grid },
    ...node,
    created_at: isoZ(log.createdAt),
    type: log.type,
    data: log.data,
  };
}

export function eventJson(e: EventRecord): EventJson {
  return {
    created_at: isoZ(e.createdAt),
    severity: e.severity,
    type: e.type,
    message: e.message,
    meta: e.meta ? { ...e.meta } : null,
    relationships: e.relationships.map((r) => ({ id: r.id, type: r.type })),
  };
}
