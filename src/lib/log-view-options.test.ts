import { describe, expect, it } from 'vitest';
import { DEFAULT_LOG_VIEW_OPTIONS, normalizeSince, parseLogViewOptions, resolveSince, writeLogViewOptions } from './log-view-options';

const parse = (query: string) => parseLogViewOptions(new URLSearchParams(query));

describe('parseLogViewOptions', () => {
  it('gives the defaults for an empty query (100 lines, following, local timestamps, 10,000 kept)', () => {
    expect(parse('')).toEqual(DEFAULT_LOG_VIEW_OPTIONS);
    expect(DEFAULT_LOG_VIEW_OPTIONS).toMatchObject({ lines: 100, follow: true, timestamps: 'local', scrollback: 10_000 });
  });

  it.each([
    ['lines=500', { lines: 500 }],
    ['lines=20000', { lines: 10_000 }],
    ['lines=0', { lines: 1 }],
    ['lines=abc', { lines: 100 }],
    ['lines=-5', { lines: 100 }],
    ['since=15m', { since: '15m' }],
    ['since=2017-04-06T15:00:00Z', { since: '2017-04-06T15:00:00Z' }],
    ['since=yesterday-ish', { since: '' }],
    ['instance=3,1,x,1,0', { instances: [1, 3] }],
    ['container=b,a', { containers: ['a', 'b'] }],
    ['ts=utc', { timestamps: 'utc' }],
    ['ts=off', { timestamps: 'off' }],
    ['ts=mars', { timestamps: 'local' }],
    ['follow=0', { follow: false }],
    ['follow=1', { follow: true }],
    ['q=timeout&grep=1', { query: 'timeout', grep: true }],
    ['grep=yes', { grep: false }],
    ['scrollback=5000', { scrollback: 5000 }],
    ['scrollback=10', { scrollback: 500 }],
    ['scrollback=999999', { scrollback: 50_000 }],
  ])('%s', (query, expected) => {
    expect(parse(query)).toMatchObject(expected);
  });
});

describe('writeLogViewOptions', () => {
  it('writes what differs from the defaults and drops what returns to them', () => {
    const base = new URLSearchParams('tab=x');
    const written = writeLogViewOptions(base, {
      lines: 500,
      instances: [3, 1],
      timestamps: 'utc',
      follow: false,
      query: 'GET',
      grep: true,
      scrollback: 5000,
      since: '1h',
    });
    expect(Object.fromEntries(written)).toEqual({
      tab: 'x',
      lines: '500',
      instance: '1,3',
      ts: 'utc',
      follow: '0',
      q: 'GET',
      grep: '1',
      scrollback: '5000',
      since: '1h',
    });
    const back = writeLogViewOptions(written, DEFAULT_LOG_VIEW_OPTIONS);
    expect(Object.fromEntries(back)).toEqual({ tab: 'x' });
  });

  it('round-trips through parse', () => {
    const options = { ...DEFAULT_LOG_VIEW_OPTIONS, lines: 42, containers: ['a-1', 'b-2'], since: '2017-04-06T15:00:00.000Z' };
    expect(parseLogViewOptions(writeLogViewOptions(new URLSearchParams(), options))).toEqual(options);
  });
});

describe('since', () => {
  const now = Date.UTC(2017, 3, 6, 12, 0, 0);
  it('resolves relative times against now and passes absolute ones as ISO', () => {
    expect(resolveSince('15m', now)).toBe('2017-04-06T11:45:00.000Z');
    expect(resolveSince('2d', now)).toBe('2017-04-04T12:00:00.000Z');
    expect(resolveSince('30s', now)).toBe('2017-04-06T11:59:30.000Z');
    expect(resolveSince('2017-04-01T00:00:00+02:00', now)).toBe('2017-03-31T22:00:00.000Z');
    expect(resolveSince('', now)).toBeUndefined();
  });
  it('normalises what the URL holds', () => {
    expect(normalizeSince(' 6h ')).toBe('6h');
    expect(normalizeSince('6 hours')).toBe('');
    expect(normalizeSince(null)).toBe('');
  });
});
