import { describe, expect, it } from 'vitest';
import { parseIntegerField } from './integer';
import { parseCpuShares, parseInstances } from './resources';

describe('parseCpuShares (0–1024)', () => {
  it.each([
    ['512', { ok: true, value: 512 }],
    ['0', { ok: true, value: 0 }],
    ['1024', { ok: true, value: 1024 }],
    [' 2 ', { ok: true, value: 2 }],
    ['-1', { ok: false, error: 'Cpu Shares is too small' }],
    ['1025', { ok: false, error: 'Cpu Shares is too big' }],
    ['12abc', { ok: false, error: "Cpu Shares isn't an integer" }],
    ['1.5', { ok: false, error: "Cpu Shares isn't an integer" }],
    ['', { ok: false, error: "Cpu Shares can't be blank" }],
  ])('%j → %j', (value, result) => {
    expect(parseCpuShares(value)).toEqual(result);
  });
});

describe('parseInstances (0 or more)', () => {
  it.each([
    ['3', { ok: true, value: 3 }],
    ['0', { ok: true, value: 0 }],
    ['-1', { ok: false, error: 'Instances is too small' }],
    ['two', { ok: false, error: "Instances isn't an integer" }],
    ['99999999999999999999', { ok: false, error: 'Instances is too big' }],
  ])('%j → %j', (value, result) => {
    expect(parseInstances(value)).toEqual(result);
  });
});

describe('parseIntegerField', () => {
  it('applies only the limits it is given', () => {
    expect(parseIntegerField('-7', 'N')).toEqual({ ok: true, value: -7 });
    expect(parseIntegerField('+7', 'N', { max: 7 })).toEqual({ ok: true, value: 7 });
    expect(parseIntegerField('8', 'N', { max: 7 })).toEqual({ ok: false, error: 'N is too big' });
  });
});
