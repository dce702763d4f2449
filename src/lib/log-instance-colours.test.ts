import { describe, expect, it } from 'vitest';
import { createPrng } from '../simulator/engine/prng';
import { createInstanceColours, MIN_NEIGHBOUR_HUE_DISTANCE } from './log-instance-colours';
import { INSTANCE_COLOR_HUES, instanceColorIndex } from './log-line-format';

const hueDistance = (a: number, b: number): number => {
  const d = Math.abs((INSTANCE_COLOR_HUES[a] ?? 0) - (INSTANCE_COLOR_HUES[b] ?? 0)) % 360;
  return Math.min(d, 360 - d);
};

/** Seeded shuffle (the simulator's mulberry32), so a failing order replays. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const { next } = createPrng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const SHOP = ['shop.app-1', 'shop.app-2', 'shop.app-3', 'shop.postgres-1', 'shop.sidekiq-1', 'shop.sidekiq-2', 'shop.web-1', 'shop.web-2'];

describe('instance colours of one log view', () => {
  it('spreads the eight containers of a stack over the eight colours', () => {
    // By name alone the demo's shop stack gets only five colours for its eight containers.
    expect(new Set(SHOP.map(instanceColorIndex)).size).toBe(5);
    // In the order the chips list them: eight colours.
    const sorted = createInstanceColours();
    expect(new Set(SHOP.map((name) => sorted.indexOf(name))).size).toBe(8);
    // In any order of appearance: at least seven (a neighbour's hue may rule the last free one out).
    let allEight = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const colours = createInstanceColours();
      const given = new Set(shuffled(SHOP, seed).map((name) => colours.indexOf(name)));
      expect(given.size, `seed ${seed}`).toBeGreaterThanOrEqual(7);
      if (given.size === 8) allEight++;
    }
    expect(allEight).toBeGreaterThan(240);
  });

  it('never gives neighbouring instances of a service the same or a near hue, in any order, with many services', () => {
    const services = ['api', 'web', 'shop.web', 'shop.app', 'monitoring.node-exporter', 'lb', 'redis', 'worker'];
    const names = services.flatMap((s, i) => Array.from({ length: 2 + (i % 5) * 3 }, (_, n) => `${s}-${n + 1}`));
    for (let seed = 1; seed <= 200; seed++) {
      const colours = createInstanceColours();
      for (const name of shuffled(names, seed)) colours.indexOf(name);
      for (const s of services) {
        for (let n = 2; names.includes(`${s}-${n}`); n++) {
          const d = hueDistance(colours.indexOf(`${s}-${n - 1}`), colours.indexOf(`${s}-${n}`));
          expect(d, `seed ${seed} ${s}-${n - 1}/${s}-${n}`).toBeGreaterThanOrEqual(MIN_NEIGHBOUR_HUE_DISTANCE);
        }
      }
      // Shared evenly once there are more containers than colours.
      const uses = new Map<number, number>();
      for (const name of names) uses.set(colours.indexOf(name), (uses.get(colours.indexOf(name)) ?? 0) + 1);
      expect(Math.max(...uses.values()) - Math.min(...uses.values()), `seed ${seed}`).toBeLessThanOrEqual(3);
    }
  });

  it('keeps a colour once given, and gives a service’s instances in order neighbouring colours', () => {
    const colours = createInstanceColours();
    const first = colours.indexOf('api-1');
    expect(first).toBe(instanceColorIndex('api-1'));
    expect(colours.indexOf('api-2')).toBe((first + 1) % INSTANCE_COLOR_HUES.length);
    for (let i = 0; i < 50; i++) colours.indexOf(`other-${i}`);
    expect(colours.indexOf('api-1')).toBe(first);
  });
});
