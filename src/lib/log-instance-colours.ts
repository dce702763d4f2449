/**
 * Which colour each container of one log view gets. A colour from the name alone
 * (instanceColorIndex) gives the instances of one service neighbouring colours, but two
 * services of a stack can start at the same colour, so `shop.web-1` and `shop.sidekiq-1`
 * would look alike. Here the view hands out colours as containers appear: the name's
 * own colour while nobody has it, else the next colour nobody has yet, always keeping
 * neighbouring instances of one service (n-1, n+1) apart in hue. Once given, a colour
 * stays with its container for the life of the view, so lines already on screen and
 * the chips keep matching. With more containers than colours, colours are shared
 * evenly; the container name printed on every line tells them apart.
 */
import { INSTANCE_COLOR_HUES, instanceColorIndex, instanceNumberOf } from './log-line-format';

interface InstanceColours {
  /** The colour (an index into INSTANCE_COLOR_SLOTS) of a container, given on first ask. */
  indexOf(name: string): number;
}

/** Hues closer than this (OKLCH degrees) count as alike for neighbouring instances. */
export const MIN_NEIGHBOUR_HUE_DISTANCE = 70;
/** The view remembers at most this many containers (then starts over). */
const MAX_NAMES = 2_000;

function hueDistance(a: number, b: number): number {
  const d = Math.abs((INSTANCE_COLOR_HUES[a] ?? 0) - (INSTANCE_COLOR_HUES[b] ?? 0)) % 360;
  return Math.min(d, 360 - d);
}

export function createInstanceColours(): InstanceColours {
  const count = INSTANCE_COLOR_HUES.length;
  const byName = new Map<string, number>();
  const uses = new Array<number>(count).fill(0);

  /** Instance numbers of each service seen, so a new instance can sit next to its siblings. */
  const siblings = new Map<string, number[]>();

  function choose(name: string): number {
    const n = instanceNumberOf(name);
    const service = n === null ? null : name.slice(0, name.length - String(n).length - 1);
    // Colours of the same service's instances n-1 and n+1, where already given.
    const neighbours: number[] = [];
    // Where the service's run of consecutive colours puts this instance: the palette's
    // order keeps consecutive colours far apart in hue.
    let preferred = instanceColorIndex(name);
    if (service !== null && n !== null) {
      for (const m of [n - 1, n + 1]) {
        const c = byName.get(`${service}-${m}`);
        if (c !== undefined) neighbours.push(c);
      }
      const sibling = siblings.get(service)?.[0];
      const at = sibling === undefined ? undefined : byName.get(`${service}-${sibling}`);
      if (sibling !== undefined && at !== undefined) preferred = (((at + n - sibling) % count) + count) % count;
    }
    const fits = (c: number): boolean => neighbours.every((o) => hueDistance(o, c) >= MIN_NEIGHBOUR_HUE_DISTANCE);
    // Least used first, then nearest after the name's own colour.
    let best = -1;
    for (let k = 0; k < count; k++) {
      const c = (preferred + k) % count;
      if (!fits(c)) continue;
      if (best < 0 || (uses[c] ?? 0) < (uses[best] ?? 0)) best = c;
    }
    if (best >= 0) return best;
    // No colour is far from both neighbours (the palette test says one always is): the farthest.
    let farthest = preferred;
    let distance = -1;
    for (let c = 0; c < count; c++) {
      const d = Math.min(...neighbours.map((o) => hueDistance(o, c)));
      if (d > distance) {
        distance = d;
        farthest = c;
      }
    }
    return farthest;
  }

  return {
    indexOf(name) {
      const known = byName.get(name);
      if (known !== undefined) return known;
      if (byName.size >= MAX_NAMES) {
        byName.clear();
        siblings.clear();
        uses.fill(0);
      }
      const c = choose(name);
      byName.set(name, c);
      uses[c] = (uses[c] ?? 0) + 1;
      const n = instanceNumberOf(name);
      if (n !== null) {
        const service = name.slice(0, name.length - String(n).length - 1);
        const seen = siblings.get(service);
        if (seen) seen.push(n);
        else siblings.set(service, [n]);
      }
      return c;
    },
  };
}
