import { describe, expect, it } from 'vitest';
import { reportingDetail, reportingLabel, reportingState, SILENT_AFTER_MS } from './node-reporting';

const NOW = Date.UTC(2017, 3, 6, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

describe('reportingState', () => {
  it('is online when connected and seen lately', () => {
    expect(reportingState({ connected: true, last_seen_at: iso(NOW - 20_000) }, NOW)).toEqual({ kind: 'online' });
    expect(reportingState({ connected: true, last_seen_at: iso(NOW - SILENT_AFTER_MS) }, NOW)).toEqual({ kind: 'online' });
  });

  it('is "not reporting" when connected but silent for over 2 minutes', () => {
    const state = reportingState({ connected: true, last_seen_at: iso(NOW - 3 * 60_000 - 12_000) }, NOW);
    expect(state).toEqual({ kind: 'silent', since: NOW - 192_000 });
    expect(reportingLabel(state)).toBe('not reporting');
    expect(reportingDetail(state, NOW)).toBe('for 3 min');
  });

  it('is offline when the master says disconnected, with when it was last seen', () => {
    const state = reportingState({ connected: false, last_seen_at: iso(NOW - 5 * 60_000) }, NOW);
    expect(reportingLabel(state)).toBe('offline');
    expect(reportingDetail(state, NOW)).toMatch(/^since .+ \(5 min ago\)$/);
    expect(reportingDetail(reportingState({ connected: false, last_seen_at: null }, NOW), NOW)).toBe('never seen');
  });
});
