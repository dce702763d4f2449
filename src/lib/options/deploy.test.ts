import { describe, expect, it } from 'vitest';
import { formatRelativeTime, parseDeployInterval, parseMinHealth, parseRelativeTimeCli, parseStrategy, parseWaitForPort } from './deploy';

describe('parseRelativeTimeCli (the CLI parse_relative_time, quirks included)', () => {
  it.each<[string, number | null]>([
    ['30min', 1800],
    ['2h', 7200],
    ['7d', 604800],
    ['90', 90],
    ['0', null],
    ['', null],
    ['abc', null],
    // "m" is not minutes: the CLI reads the leading integer as seconds.
    ['10m', 10],
    ['10s', 10],
    ['1.5h', 3600],
    ['0min', 0],
    ['-5', -5],
    [' 12', 12],
    ['1_000', 1000],
  ])('%j → %j', (value, seconds) => {
    expect(parseRelativeTimeCli(value)).toBe(seconds);
  });
});

describe('parseDeployInterval', () => {
  it.each<[string, number | null]>([
    ['30min', 1800],
    ['2h', 7200],
    ['7d', 604800],
    ['90', 90],
    ['90s', 90],
    ['0', null],
    ['', null],
    [' 1d ', 86400],
  ])('%j → %j', (value, seconds) => {
    expect(parseDeployInterval(value)).toEqual({ ok: true, value: seconds });
  });

  it.each([
    ['10m', 'Invalid deploy interval 10m: write 10min for minutes (the CLI reads 10m as 10 seconds)'],
    ['0min', 'Invalid deploy interval 0min: an interval of 0 would redeploy on every scheduler run; write 0 to turn auto-deploy off'],
    ['abc', 'Invalid deploy interval abc: use a whole number with an optional unit min, h or d (e.g. 30min, 12h, 7d)'],
    ['1.5h', 'Invalid deploy interval 1.5h: use a whole number with an optional unit min, h or d (e.g. 30min, 12h, 7d)'],
    ['-5', 'Invalid deploy interval -5: use a whole number with an optional unit min, h or d (e.g. 30min, 12h, 7d)'],
    ['1w', 'Invalid deploy interval 1w: use a whole number with an optional unit min, h or d (e.g. 30min, 12h, 7d)'],
  ])('%j → %s', (value, error) => {
    expect(parseDeployInterval(value)).toEqual({ ok: false, error });
  });
});

describe('formatRelativeTime', () => {
  it.each<[number | null, string]>([
    [86400, '1d'],
    [604800, '7d'],
    [7200, '2h'],
    [90000, '25h'],
    [1800, '30min'],
    [45, '45'],
    [61, '61'],
    [null, '0'],
    [0, '0min'],
  ])('%j → %s', (seconds, text) => {
    expect(formatRelativeTime(seconds)).toBe(text);
  });

  it('reads back through the CLI rule as the same value', () => {
    for (const seconds of [null, 0, 1, 59, 60, 61, 3600, 5400, 86400, 90061, -60]) {
      expect(parseRelativeTimeCli(formatRelativeTime(seconds))).toBe(seconds);
    }
  });
});

describe('parseMinHealth', () => {
  it.each<[string, number]>([
    ['0.8', 0.8],
    ['0', 0],
    ['1', 1],
    ['1.0', 1],
    ['.5', 0.5],
    ['0.25', 0.25],
  ])('%j → %d', (value, n) => {
    expect(parseMinHealth(value)).toEqual({ ok: true, value: n });
  });

  it.each(['1.1', '-0.1', 'abc', '', '80%', '0,8'])('%j is refused', (value) => {
    expect(parseMinHealth(value)).toEqual({ ok: false, error: `Min health must be a number from 0.0 to 1.0, not '${value}'` });
  });
});

describe('parseWaitForPort and parseStrategy', () => {
  it.each([
    ['8080', { ok: true, value: 8080 }],
    ['0', { ok: false, error: "Wait for port must be a port number from 1 to 65535, not '0'" }],
    ['65536', { ok: false, error: "Wait for port must be a port number from 1 to 65535, not '65536'" }],
    ['http', { ok: false, error: "Wait for port must be a port number from 1 to 65535, not 'http'" }],
  ])('wait for port %j → %j', (value, result) => {
    expect(parseWaitForPort(value)).toEqual(result);
  });

  it.each([
    ['ha', { ok: true, value: 'ha' }],
    ['daemon', { ok: true, value: 'daemon' }],
    ['random', { ok: true, value: 'random' }],
    ['HA', { ok: false, error: "Strategy not supported: 'HA' (use ha, daemon or random)" }],
    ['spread', { ok: false, error: "Strategy not supported: 'spread' (use ha, daemon or random)" }],
  ])('strategy %j → %j', (value, result) => {
    expect(parseStrategy(value)).toEqual(result);
  });
});
