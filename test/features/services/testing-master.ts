/**
 * Test support for this feature's DOM tests: the shared simulated-master setup
 * (test/app/dom-test-setup: demo scenario, fake clock, a fresh master per test), plus
 * what the services pages leave behind between tests (toasts, the deploy panels' marks) and the
 * lookups of the list.
 */
import { afterEach } from 'vitest';
import { screen, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../app/dom-test-setup';
import { clearToasts } from '../../../src/components/toasts';
import type { TestMaster } from '../../simulator/test-support';
import { clearDeployPanels } from '../../../src/features/services/deploy-panel-state';

/** Call at the top of a test file, outside any test. */
export function setUpSimulatedMaster() {
  // Registered before the shared hooks so that it runs after them (after-hooks run in
  // reverse): the rendered tree is gone before the stores it reads are emptied.
  afterEach(() => {
    clearToasts();
    clearDeployPanels();
  });
  const sim = setupSimulatorForDomTests();
  return {
    server: sim.server,
    /** Every request of the current test, in order. */
    sent: () => sim.sent(),
    /** The changing requests (not GETs) the app sent, as "METHOD /path". */
    actions: () => sim.writes().map((r) => `${r.method} ${r.path}`),
    /** Sends a request to the current test's master as its admin. */
    api: (...args: Parameters<TestMaster['api']>) => sim.t.api(...args),
    /** Moves the master's clock on (deploy worker, scheduler), settling its async work. */
    advance: (ms: number) => sim.t.clock.advanceAsync(ms, 250),
    /** The current test's master (to sign in with a token of one's own, and revoke it). */
    master: () => sim.t,
  };
}

/** The services list of the demo master's `production` grid. */
export const grid = () => screen.getByRole('grid', { name: 'Services in production' });

/** The list's row of a service, found by its link (`name` or `stack/name`). */
export function rowOf(name: string): HTMLElement {
  const row = within(grid()).getByRole('link', { name }).closest('[role="row"]');
  if (!(row instanceof HTMLElement)) throw new Error(`no row for ${name}`);
  return row;
}
