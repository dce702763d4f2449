import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/errors';
import type { FieldErrors } from '../../api/errors';
import type { Service } from '../../api/schemas/service';
import { runServiceAction } from '../../api/service-mutations';
import { refOfService } from '../../api/service-ref';
import { runEach } from '../../lib/run-each';

/** The lifecycle signals sent to every service of a stack at once. */
export type StackSignal = 'stop' | 'start' | 'restart';

export const signalTitle: Record<StackSignal, string> = { stop: 'Stop all', start: 'Start all', restart: 'Restart all' };
const signalDone: Record<StackSignal, string> = { stop: 'stop signal sent', start: 'start signal sent', restart: 'restart signal sent' };

/** As many requests at a time as the services list's bulk bar sends. */
const CONCURRENCY = 4;

interface SignalResult {
  signal: StackSignal;
  items: readonly { name: string; ok: boolean; message: string }[];
}

function leafMessages(errors: FieldErrors): string[] {
  return Object.values(errors).flatMap((value): string[] => {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value))
      return value.flatMap((entry) => (typeof entry === 'string' ? [entry] : entry === null ? [] : leafMessages(entry)));
    return leafMessages(value);
  });
}

/**
 * A refused action in the master's words: its 422 messages as it says them, without the
 * field they are filed under ("Cannot delete service that is linked from another stack (S2/N2)").
 */
export function describeFailure(error: unknown): string {
  if (isApiError(error)) {
    if (error.kind === 'validation' && error.fieldErrors !== null) {
      const lines = leafMessages(error.fieldErrors);
      if (lines.length > 0) return lines.join(' ');
    }
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something unexpected went wrong.';
}

/**
 * Stop, start or restart every service of a stack: the service lifecycle mutations
 * (api/service-mutations, what each refreshes), run as the services list's bulk bar runs
 * them, with the outcome per service until dismissed.
 */
export function useStackSignals() {
  const client = useQueryClient();
  const [running, setRunning] = useState<{ signal: StackSignal; done: number; total: number } | null>(null);
  const [result, setResult] = useState<SignalResult | null>(null);

  const send = async (signal: StackSignal, services: readonly Service[]): Promise<void> => {
    let done = 0;
    setResult(null);
    setRunning({ signal, done, total: services.length });
    const outcomes = await runEach(
      services,
      CONCURRENCY,
      (service) => runServiceAction(client, refOfService(service), { kind: signal }),
      () => {
        done += 1;
        setRunning({ signal, done, total: services.length });
      },
    );
    setRunning(null);
    setResult({
      signal,
      items: services.map((service, i) => {
        const outcome = outcomes[i];
        return outcome?.ok === true
          ? { name: service.name, ok: true, message: signalDone[signal] }
          : { name: service.name, ok: false, message: describeFailure(outcome?.ok === false ? outcome.error : null) };
      }),
    });
  };

  return { running, result, send, dismiss: () => setResult(null) };
}
