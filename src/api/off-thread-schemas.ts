/**
 * The answers worth checking off the main thread, by name: big, polled lists. The worker
 * and the main thread import this one table, so both check with the same schema and
 * agree on where the answer's list is (`list` reads it, `withList` puts a list back).
 */
import { containerSummaryListSchema } from './schemas/container';
import type { ContainerSummary } from './schemas/container';

export const OFF_THREAD_SCHEMAS = {
  /** A service's containers as the live views read them: 3 MB of JSON at 2,000 instances. */
  containerSummaries: {
    schema: containerSummaryListSchema,
    list: (answer: { containers: ContainerSummary[] }): readonly unknown[] => answer.containers,
    withList: (items: unknown[]): { containers: ContainerSummary[] } => ({ containers: items as ContainerSummary[] }),
  },
} as const;

export type OffThreadName = keyof typeof OFF_THREAD_SCHEMAS;
