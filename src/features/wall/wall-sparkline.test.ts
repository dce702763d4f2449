import { describe, expect, it } from 'vitest';
import { sparklinePath } from '../../lib/sparkline-path';
import { sparkArea } from './wall-sparkline';

describe('wall sparkline area', () => {
  it('closes each unbroken run of the line down to the baseline, and keeps a break a break', () => {
    const line = sparklinePath([1, 2, null, 3, 4, 5], 100, 40);
    const area = sparkArea(line, 40);
    expect(area.match(/Z/g)).toHaveLength(2);
    expect(area).toMatch(/^M0,[\d.]+L20,[\d.]+L20,40L0,40Z/);
    expect(area).toMatch(/M60,[\d.]+L80,[\d.]+L100,[\d.]+L100,40L60,40Z$/);
  });

  it('draws no area for a single point or no data', () => {
    expect(sparkArea(sparklinePath([null, null, 3], 100, 40), 40)).toBe('');
    expect(sparkArea('', 40)).toBe('');
  });
});
