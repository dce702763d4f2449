import { describe, expect, it } from 'vitest';
import type { HeldLogLine } from '../../lib/log-line-format';
import { DEFAULT_LOG_VIEW, inView, viewChangesLines } from './log-view-filter';

const line = (name: string, data: string): HeldLogLine => ({ id: name + data, name, stderr: false, at: 0, data, level: null, late: false });

describe('what the log view shows', () => {
  it('filters by instance, by container and by text', () => {
    const all = { instances: null, containers: null, grep: '' };
    expect(inView(line('api-2', 'GET /'), all)).toBe(true);
    expect(inView(line('api-2', 'GET /'), { ...all, instances: new Set([1, 3]) })).toBe(false);
    expect(inView(line('api-3', 'GET /'), { ...all, instances: new Set([1, 3]) })).toBe(true);
    expect(inView(line('shop.web-1', 'x'), { ...all, containers: new Set(['shop.db-1']) })).toBe(false);
    expect(inView(line('api-1', 'GET /health'), { ...all, grep: 'post' })).toBe(false);
    expect(inView(line('api-1', 'GET /health'), { ...all, instances: new Set() })).toBe(true);
  });

  it('redraws for what changes the lines shown, not for the scrollback or an equal set', () => {
    expect(viewChangesLines(DEFAULT_LOG_VIEW, { ...DEFAULT_LOG_VIEW, scrollback: 500 })).toBe(false);
    expect(viewChangesLines(DEFAULT_LOG_VIEW, { ...DEFAULT_LOG_VIEW, instances: new Set() })).toBe(false);
    expect(viewChangesLines({ ...DEFAULT_LOG_VIEW, instances: new Set([1, 2]) }, { ...DEFAULT_LOG_VIEW, instances: new Set([2, 1]) })).toBe(
      false,
    );
    expect(viewChangesLines(DEFAULT_LOG_VIEW, { ...DEFAULT_LOG_VIEW, grep: 'get' })).toBe(true);
    expect(viewChangesLines(DEFAULT_LOG_VIEW, { ...DEFAULT_LOG_VIEW, timestamps: 'utc' })).toBe(true);
    expect(viewChangesLines(DEFAULT_LOG_VIEW, { ...DEFAULT_LOG_VIEW, containers: new Set(['api-1']) })).toBe(true);
  });
});
