/**
 * The answers worth checking off the main thread, by name: big, polled lists. The worker
 * and the main thread import this one table, so both check with the same schema and
 * agree on where the answer's list is (`list` reads it, `withList` puts a list back).
 */
import type { z } from './schemas/zod-mini';
import { containerSummaryListSchema } from './schemas/container';
import type { ContainerSummary } from './schemas/container';
import { serviceListSchema } from './schemas/service';
import type { Service } from './schemas/service';

/** Each name's checked answer. */
export interface OffThreadAnswers {
  containerSummaries: { containers: ContainerSummary[] };
  services: { services: Service[] };
}

export type OffThreadName = keyof OffThreadAnswers;

export interface OffThreadEntry<T> {
  schema: z.ZodMiniType<T>;
  list: (answer: T) => readonly unknown[];
  /** The answer around a list of items that were checked (by the schema, in this answer or an earlier one). */
  withList: (items: unknown[]) => T;
}

const OFF_THREAD_SCHEMAS: { [K in OffThreadName]: OffThreadEntry<OffThreadAnswers[K]> } = {
  /** A service's containers as the live views read them: 3 MB of JSON at 2,000 instances. */
  containerSummaries: {
    schema: containerSummaryListSchema,
    list: (answer) => answer.containers,
    withList: (items) => ({ containers: items as ContainerSummary[] }),
  },
  /** A grid's services, polled by the list and the wall: megabytes of JSON at 5,000 services. */
  services: {
    schema: serviceListSchema,
    list: (answer) => answer.services,
    withList: (items) => ({ services: items as Service[] }),
  },
};

/** The entry of `name`, typed by it (a mapped-type lookup keeps schema, list and answer together). */
export function offThreadEntry<K extends OffThreadName>(name: K): OffThreadEntry<OffThreadAnswers[K]> {
  return OFF_THREAD_SCHEMAS[name];
}
