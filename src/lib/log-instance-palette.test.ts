// The log prefixes' colours as the terminal shows them: read from the stylesheet that
// sets them per theme (components/terminal-view.module.css), judged in OKLCH (hue) and
// OKLab (distance), also through colour-vision-deficiency simulation.
import { describe, expect, it } from 'vitest';
import { MIN_NEIGHBOUR_HUE_DISTANCE } from './log-instance-colours';
import { INSTANCE_COLOR_HUES, INSTANCE_COLOR_SLOTS, instanceColorIndex } from './log-line-format';

type Rgb = readonly [number, number, number];

function hexToLinear(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const lin = (h: string | undefined): number => {
    const c = parseInt(h ?? '0', 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [lin(m[1]), lin(m[2]), lin(m[3])];
}

function oklab([r, g, b]: Rgb): Rgb {
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

const hue = (c: Rgb): number => {
  const [, a, b] = oklab(c);
  return ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360;
};
const hueDistance = (x: Rgb, y: Rgb): number => {
  const d = Math.abs(hue(x) - hue(y));
  return Math.min(d, 360 - d);
};
const distance = (x: Rgb, y: Rgb): number => {
  const [p, q] = [oklab(x), oklab(y)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
};
const luminance = ([r, g, b]: Rgb): number => 0.2126 * r + 0.7152 * g + 0.0722 * b;
const contrast = (x: Rgb, y: Rgb): number => {
  const [a, b] = [luminance(x), luminance(y)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
};

/** Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB. */
const DEFICIENCIES: Record<string, readonly Rgb[]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
const simulate = (c: Rgb, rows: readonly Rgb[]): Rgb => {
  const [r0, r1, r2] = rows.map((row) => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2])));
  return [r0 ?? 0, r1 ?? 0, r2 ?? 0];
};

/**
 * The stylesheet's text. Vitest hands a CSS module to a test as an empty object (even
 * with `?raw`) and src/ is typed for the browser, so the file is read through Node's
 * own loader, typed here for the one call.
 */
function stylesheetText(): string {
  const { process } = globalThis as unknown as {
    process: { getBuiltinModule(id: 'node:fs'): { readFileSync(path: URL, encoding: 'utf8'): string } };
  };
  return process.getBuiltinModule('node:fs').readFileSync(new URL('../components/terminal-view.module.css', import.meta.url), 'utf8');
}

/** The custom properties of each rule of the terminal's stylesheet, by selector. */
function stylesheetRules(): Map<string, Map<string, string>> {
  const css = stylesheetText().replace(/\/\*[\s\S]*?\*\//g, '');
  const rules = new Map<string, Map<string, string>>();
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const vars = new Map<string, string>();
    for (const d of (m[2] ?? '').matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) vars.set(d[1] ?? '', (d[2] ?? '').trim());
    rules.set((m[1] ?? '').replace(/\s+/g, ' ').trim(), vars);
  }
  return rules;
}

interface Theme {
  name: string;
  background: Rgb;
  stderrRed: Rgb;
  /** The instance colours in INSTANCE_COLOR_SLOTS order. */
  colours: Rgb[];
}

function themes(): Theme[] {
  const rules = stylesheetRules();
  const rule = (selector: string): Map<string, string> => {
    const found = rules.get(selector);
    if (!found) throw new Error(`no rule ${selector} in terminal-view.module.css`);
    return found;
  };
  const light = rule(":global(:root), :global(:root[data-theme='light'])");
  const systemDark = rule(":global(:root:not([data-theme='light']))");
  const dark = rule(":global(:root[data-theme='dark']), :global(:root[data-theme='wall'])");
  const wall = new Map([...dark, ...rule(":global(:root[data-theme='wall'])")]);
  const theme = (name: string, vars: Map<string, string>): Theme => {
    const get = (v: string): Rgb => hexToLinear(vars.get(v) ?? 'missing');
    return {
      name,
      background: get('--term-bg'),
      stderrRed: get('--term-ansi-1'),
      colours: INSTANCE_COLOR_SLOTS.map((slot) => get(`--term-ansi-${slot}`)),
    };
  };
  return [theme('light', light), theme('dark (system)', systemDark), theme('dark', dark), theme('wall', wall)];
}

describe('log instance colours', () => {
  it('are readable on the terminal in every theme (contrast ≥ 4.5:1)', () => {
    for (const t of themes()) {
      for (const [i, c] of t.colours.entries())
        expect(contrast(c, t.background), `${t.name} slot ${INSTANCE_COLOR_SLOTS[i]}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('are eight clearly different hues, apart from stderr red', () => {
    for (const t of themes()) {
      expect(t.colours).toHaveLength(8);
      for (const [i, a] of t.colours.entries()) {
        expect(hueDistance(a, t.stderrRed), `${t.name} ${i} vs stderr`).toBeGreaterThanOrEqual(30);
        for (const b of t.colours.slice(i + 1)) expect(hueDistance(a, b), `${t.name} ${i}`).toBeGreaterThanOrEqual(30);
      }
    }
  });

  it('have the hues the colour assignment reckons with, and leave a far hue for any two neighbours', () => {
    for (const t of themes()) {
      t.colours.forEach((c, i) => {
        const d = Math.abs(hue(c) - (INSTANCE_COLOR_HUES[i] ?? 0)) % 360;
        expect(Math.min(d, 360 - d), `${t.name} slot ${INSTANCE_COLOR_SLOTS[i]}`).toBeLessThanOrEqual(10);
      });
    }
    // An instance between two others can always get a hue far from both (log-instance-colours.ts).
    const far = (a: number, b: number): boolean => {
      const d = Math.abs(a - b) % 360;
      return Math.min(d, 360 - d) >= MIN_NEIGHBOUR_HUE_DISTANCE;
    };
    for (const a of INSTANCE_COLOR_HUES) {
      for (const b of INSTANCE_COLOR_HUES)
        expect(
          INSTANCE_COLOR_HUES.some((c) => far(c, a) && far(c, b)),
          `${a} ${b}`,
        ).toBe(true);
    }
  });

  it('give neighbouring colours hues far apart, distinct also with a colour-vision deficiency', () => {
    for (const t of themes()) {
      t.colours.forEach((a, i) => {
        // Cyclic: instance 9 takes the first colour again after the eighth.
        const b = t.colours[(i + 1) % t.colours.length] ?? a;
        expect(hueDistance(a, b), `${t.name} ${i}→${i + 1}`).toBeGreaterThanOrEqual(70);
        expect(distance(a, b), `${t.name} ${i}→${i + 1}`).toBeGreaterThanOrEqual(0.15);
        for (const [kind, rows] of Object.entries(DEFICIENCIES)) {
          expect(distance(simulate(a, rows), simulate(b, rows)), `${t.name} ${i}→${i + 1} ${kind}`).toBeGreaterThanOrEqual(0.08);
        }
      });
    }
  });

  it('never give adjacent instances of a service the same or a near hue', () => {
    const [light, dark] = themes();
    const services = ['api', 'web', 'shop.web', 'monitoring.node-exporter', 'redis', 'a', 'lb', 'shop.sidekiq', 'x-y-z', 'worker'];
    for (const service of services) {
      const slots = Array.from({ length: 24 }, (_, i) => instanceColorIndex(`${service}-${i + 1}`));
      // Instances 1–8 all differ.
      expect(new Set(slots.slice(0, 8)).size, service).toBe(8);
      for (let i = 1; i < slots.length; i++) {
        for (const t of [light, dark]) {
          const a = t?.colours[slots[i - 1] ?? 0];
          const b = t?.colours[slots[i] ?? 0];
          if (!a || !b) throw new Error('no colour');
          expect(hueDistance(a, b), `${t?.name} ${service}-${i} → ${service}-${i + 1}`).toBeGreaterThanOrEqual(70);
        }
      }
    }
  });
});
