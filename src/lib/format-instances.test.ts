import { describe, expect, it } from 'vitest';
import { formatInstanceRatio, formatInstanceSummary } from './format-instances';

describe('instance counts', () => {
  it.each([
    [2, 3, 'ha', '2/3 running', '2 running · 3 desired'],
    [0, 1, 'random', '0/1 running', '0 running · 1 desired'],
    [5, 1, 'daemon', '5 running · 1 per node', '5 running · 1 per node (daemon)'],
  ])('%i of %i (%s)', (running, instances, strategy, ratio, summary) => {
    expect(formatInstanceRatio(running, instances, strategy)).toBe(ratio);
    expect(formatInstanceSummary(running, instances, strategy)).toBe(summary);
  });
});
