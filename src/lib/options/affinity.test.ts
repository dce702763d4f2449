import { describe, expect, it } from 'vitest';
import { formatAffinity, parseAffinity, type AffinitySpec } from './affinity';

describe('parseAffinity', () => {
  it.each<[string, AffinitySpec]>([
    ['node==node-1', { subject: 'node', operator: '==', value: 'node-1' }],
    ['node!=node-1', { subject: 'node', operator: '!=', value: 'node-1' }],
    ['label==az=a', { subject: 'label', operator: '==', value: 'az=a' }],
    ['label!=ssd', { subject: 'label', operator: '!=', value: 'ssd' }],
    ['service==redis', { subject: 'service', operator: '==', value: 'redis' }],
    ['service!=web', { subject: 'service', operator: '!=', value: 'web' }],
    ['container==web-%s', { subject: 'container', operator: '==', value: 'web-%s' }],
    ['container!=db-1', { subject: 'container', operator: '!=', value: 'db-1' }],
    [' node==n1 ', { subject: 'node', operator: '==', value: 'n1' }],
  ])('%j → %j', (value, spec) => {
    expect(parseAffinity(value)).toEqual({ ok: true, value: spec });
    expect(formatAffinity(spec)).toBe(value.trim());
  });

  it.each(['node=n1', 'host==n1', 'node==', 'Node==n1', 'node=~n1', '', '==n1'])('%j is refused', (value) => {
    expect(parseAffinity(value)).toEqual({
      ok: false,
      error: `Invalid affinity '${value}': write node, label, service or container, then == or !=, then a value (e.g. node==node-1, label==az=a, service!=web)`,
    });
  });
});
