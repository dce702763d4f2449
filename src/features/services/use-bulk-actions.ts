import { useState } from 'react';
import { serviceActionTitle } from '../../api/service-actions';
import type { ServiceAction } from '../../api/service-actions';
import { refOfService } from '../../api/service-ref';
import { showToast } from '../../components/toasts';
import { runEach } from '../../lib/run-each';
import type { BulkResult } from './bulk-results';
import { actionAcceptedText, describeActionError } from './lifecycle';
import type { RunLifecycle } from './use-lifecycle';
import type { Row } from './use-service-rows';

/** Bulk actions run this many requests at a time. */
const BULK_CONCURRENCY = 4;

interface BulkActions {
  /** The last bulk action's result per service, until dismissed. */
  bulk: { result: BulkResult; action: ServiceAction } | null;
  /** "Restart: 1 of 2…" while one runs. */
  bulkProgress: string | null;
  /** One action over many services; a result per service, and one toast that sums it up. */
  runBulk: (action: ServiceAction, rows: readonly Row[]) => Promise<void>;
  /** The last bulk action again, for the services it failed on that are still in the list. */
  retryFailed: () => void;
  dismissBulk: () => void;
}

/**
 * The list's bulk actions (the bulk bar, a remove of several): `keepSelected` is told,
 * after a bulk remove, which ids to keep selected (the ones that failed).
 */
export function useBulkActions(
  run: RunLifecycle,
  allRows: readonly Row[] | null,
  keepSelected: (keep: (id: string) => boolean) => void,
): BulkActions {
  const [bulkProgress, setBulkProgress] = useState<string | null>(null);
  const [bulk, setBulk] = useState<{ result: BulkResult; action: ServiceAction } | null>(null);

  const runBulk = async (action: ServiceAction, rows: readonly Row[]): Promise<void> => {
    const title = `${serviceActionTitle(action)} of ${rows.length} service${rows.length === 1 ? '' : 's'}`;
    let settled = 0;
    setBulk(null);
    setBulkProgress(`${serviceActionTitle(action)}: 0 of ${rows.length}…`);
    const outcomes = await runEach(
      rows,
      BULK_CONCURRENCY,
      // A bulk deploy's good finishes are summed up in the tray, not told in a toast each.
      (row) => run(refOfService(row.service), action, { toastOnError: false, toastOnSuccess: false, quiet: action.kind === 'deploy' }),
      () => {
        settled += 1;
        setBulkProgress(`${serviceActionTitle(action)}: ${settled} of ${rows.length}…`);
      },
    );
    setBulkProgress(null);
    const items = rows.map((row, i) => {
      const outcome = outcomes[i];
      const ok = outcome?.ok === true;
      return {
        id: row.id,
        label: row.label,
        ok,
        message: ok ? actionAcceptedText(action, row.label) : describeActionError(outcome?.ok === false ? outcome.error : null, row.label),
      };
    });
    setBulk({ result: { title, items }, action });
    const failed = items.filter((i) => !i.ok).length;
    showToast(
      failed === 0
        ? { tone: 'success', title: `${title}: all ${action.kind === 'deploy' ? 'sent' : 'done'}` }
        : { tone: 'error', title: `${title}: ${failed} failed`, body: 'See the results above the list.' },
    );
    if (action.kind === 'remove') keepSelected((id) => items.some((i) => i.id === id && !i.ok));
  };

  const retryFailed = () => {
    if (!bulk || !allRows) return;
    const failedIds = new Set(bulk.result.items.filter((i) => !i.ok).map((i) => i.id));
    const rows = allRows.filter((r) => failedIds.has(r.id));
    if (rows.length > 0) void runBulk(bulk.action, rows);
  };

  return { bulk, bulkProgress, runBulk, retryFailed, dismissBulk: () => setBulk(null) };
}
