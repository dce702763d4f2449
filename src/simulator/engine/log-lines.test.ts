import { describe, expect, it } from 'vitest';
import { imageKind } from './image-kind';
import { generateLogLine, logRatePerSecond, type GeneratedLogLine } from './log-lines';
import { createPrng } from './prng';

const AT = Date.UTC(2017, 3, 6, 15, 38, 17, 123);
const ANSI = '\u001b[';

function lines(image: string, count: number, seed = 42): GeneratedLogLine[] {
  const rng = createPrng(seed);
  return Array.from({ length: count }, (_, i) => generateLogLine(image, rng, AT + i * 731));
}

const APP_IMAGES = [
  'acme/shop-api:1.4.2',
  'acme/web:2.0',
  'acme/worker:latest',
  'example/billing',
  'example/mailer:3',
  'mongo:3.4',
  'elasticsearch:5',
];

describe('image kinds', () => {
  it('recognises the images a grid runs', () => {
    expect(imageKind('nginx:1.11-alpine')).toBe('nginx');
    expect(imageKind('registry.example.com:5000/team/nginx-proxy:1.2')).toBe('nginx');
    expect(imageKind('kontena/lb:latest')).toBe('haproxy');
    expect(imageKind('haproxy:1.7')).toBe('haproxy');
    expect(imageKind('redis:3.2-alpine')).toBe('redis');
    expect(imageKind('postgres:9.6')).toBe('postgres');
    expect(imageKind('mdillon/postgis:9.6')).toBe('postgres');
    expect(imageKind('acme/shop-api:1.4.2')).toBe('app');
    // A port in the registry address is not a tag.
    expect(imageKind('localhost:5000/redis')).toBe('redis');
  });
});

describe('generateLogLine', () => {
  it('is deterministic for a seed and a time', () => {
    for (const image of ['nginx:1.11', 'redis:3.2', 'postgres:9.6', 'kontena/lb', ...APP_IMAGES]) {
      expect(lines(image, 200)).toEqual(lines(image, 200));
    }
    expect(lines('nginx:1.11', 50, 1)).not.toEqual(lines('nginx:1.11', 50, 2));
  });

  it('prints one line per call: no newline inside, never empty', () => {
    for (const image of ['nginx:1.11', 'redis:3.2', 'postgres:10', 'kontena/lb', ...APP_IMAGES]) {
      const bad = lines(image, 500).filter(
        (l) => l.data.includes('\n') || l.data.length === 0 || (l.type !== 'stdout' && l.type !== 'stderr'),
      );
      expect(bad).toEqual([]);
    }
  });

  it('writes nginx access logs in the combined format with upstream times on stdout, errors on stderr', () => {
    const all = lines('nginx:1.11-alpine', 1000);
    const access = all.filter((l) => l.type === 'stdout');
    const errors = all.filter((l) => l.type === 'stderr');
    expect(access.length).toBeGreaterThan(800);
    expect(errors.length).toBeGreaterThan(20);
    const combined =
      /^\d+\.\d+\.\d+\.\d+ - \S+ \[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000\] "(GET|POST|PUT|DELETE|PATCH) \S+ HTTP\/1\.1" (\d{3}) \d+ "[^"]*" "[^"]*" rt=\d+\.\d{3} uct="[^"]*" uht="[^"]*" urt="[^"]*"$/;
    for (const line of access) expect(line.data).toMatch(combined);
    expect(access[0]?.data).toContain('[06/Apr/2017:15:38:17 +0000]');
    const statuses = new Set(access.map((l) => combined.exec(l.data)?.[2]));
    for (const status of ['200', '304', '404', '500']) expect(statuses).toContain(status);
    const paths = new Set(access.map((l) => l.data.split('"')[1]?.split(' ')[1]));
    expect(paths.size).toBeGreaterThan(300);
    const agents = new Set(access.map((l) => l.data.split('"')[5]));
    expect(agents.size).toBeGreaterThan(5);
    for (const line of errors) expect(line.data).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[(error|warn|notice|info)\] /);
  });

  it('writes redis server logs', () => {
    const all = lines('redis:3.2', 400);
    for (const line of all) expect(line.data).toMatch(/^\d+:[MCS] \d\d \w{3} \d{4} \d\d:\d\d:\d\d\.\d{3} [*#.-] /);
    expect(all[0]?.data).toContain('06 Apr 2017 15:38:17.123');
    expect(all.some((l) => /\* Background saving started by pid \d+$/.test(l.data))).toBe(true);
    expect(all.some((l) => l.data.includes('# WARNING'))).toBe(true);
  });

  it('writes postgres server logs to stderr, with and without the line prefix by version', () => {
    const old = lines('postgres:9.6', 400);
    expect(old.every((l) => l.type === 'stderr')).toBe(true);
    for (const line of old) expect(line.data).toMatch(/^(LOG|ERROR|FATAL|WARNING|DETAIL|STATEMENT): {2}/);
    expect(old.some((l) => l.data === 'LOG:  checkpoint starting: time')).toBe(true);
    expect(old.some((l) => l.data.startsWith('ERROR:  duplicate key value violates unique constraint'))).toBe(true);
    for (const line of lines('postgres:10', 50))
      expect(line.data).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC \[\d+\] [A-Z]+: {2}/);
  });

  it('writes haproxy request logs and server state warnings', () => {
    const all = lines('kontena/lb:latest', 600);
    const requests = all.filter((l) => l.type === 'stdout');
    for (const line of requests)
      expect(line.data).toMatch(
        /^\d+\.\d+\.\d+\.\d+:\d+ \[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d\.\d{3}\] http-in \S+\/\S+ -?\d+\/-?\d+\/-?\d+\/-?\d+\/\d+ \d{3} \d+ /,
      );
    expect(all.some((l) => l.type === 'stderr' && /Server \S+ is (UP|DOWN)/.test(l.data))).toBe(true);
  });

  it('writes app logs with levels, some in ANSI colour, some on stderr, a stack trace line now and then', () => {
    const all = APP_IMAGES.flatMap((image) => lines(image, 600));
    expect(all.some((l) => l.data.includes(ANSI))).toBe(true);
    expect(all.some((l) => l.data.includes(`${ANSI}32mINFO${ANSI}0m`))).toBe(true);
    expect(all.some((l) => l.type === 'stderr')).toBe(true);
    expect(all.filter((l) => l.type === 'stdout').length).toBeGreaterThan(all.length * 0.8);
    expect(all.some((l) => /^\s+at .+\(.+:\d+:\d+\)$/.test(l.data) || /\.rb:\d+:in `/.test(l.data) || /\.go:\d+ \+0x/.test(l.data))).toBe(
      true,
    );
    expect(all.some((l) => /\b(WARN|warn|ERROR|error)\b/.test(l.data))).toBe(true);
    // Each image keeps one style, so its lines look like one program's output.
    const jsonish = lines('acme/shop-api:1.4.2', 200).filter((l) => l.data.startsWith('{"level"'));
    const rails = lines('acme/shop-api:1.4.2', 200).filter((l) => /^[DIWEF], \[/.test(l.data));
    expect(jsonish.length === 0 || rails.length === 0).toBe(true);
  });

  it('gives each app image one of four styles for all its lines (besides stack traces and payload dumps)', () => {
    // The ANSI escape as regex source, built at run time (no control characters in a literal).
    const esc = ANSI.replace('[', '\\[');
    const styles: [string, RegExp][] = [
      ['json', /^\{"level":"(debug|info|warn|error)","time":/],
      ['rails', /^[DIWEF], \[\d{4}-/],
      ['go', new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z ${esc}\\d+m(DEBUG|INFO|WARN|ERROR)${esc}0m `)],
      ['node', new RegExp(`^${esc}\\d+m(debug|info|warn|error)${esc}39m: `)],
    ];
    const stackFrame = /^(\s+at .+|\/.+\.rb:\d+:in `.+'|goroutine \d+ \[running\]:|\S+\(0x[0-9a-f, x]+\)|\t\/.+\.go:\d+ \+0x[0-9a-f]+)$/;
    const used = new Set<string>();
    for (const image of APP_IMAGES) {
      const seen = new Set<string>();
      for (const line of lines(image, 600)) {
        if (line.data.includes('"msg":"cart payload"') || stackFrame.test(line.data)) continue;
        const style = styles.find(([, re]) => re.test(line.data))?.[0];
        expect(style, `${image}: ${line.data}`).toBeDefined();
        if (style) seen.add(style);
      }
      expect([image, seen.size]).toEqual([image, 1]);
      for (const style of seen) used.add(style);
    }
    expect(used).toEqual(new Set(['json', 'rails', 'go', 'node']));
  });

  it('prints a very long line once in a while', () => {
    const all = [...lines('acme/shop-api:1.4.2', 3000), ...lines('nginx:1.11', 3000)];
    expect(all.some((l) => l.data.length > 1500)).toBe(true);
    expect(all.filter((l) => l.data.length > 1500).length).toBeLessThan(60);
  });
});

describe('logRatePerSecond', () => {
  it('gives modest rates: busy proxies, quieter apps, rare database lines', () => {
    expect(logRatePerSecond('nginx:1.11')).toBe(2);
    expect(logRatePerSecond('acme/shop-api:1.4.2')).toBe(1);
    expect(logRatePerSecond('redis:3.2')).toBe(0.2);
    expect(logRatePerSecond('postgres:9.6')).toBeGreaterThan(0);
    expect(logRatePerSecond('postgres:9.6')).toBeLessThan(1);
    expect(logRatePerSecond('kontena/lb')).toBeGreaterThan(logRatePerSecond('acme/shop-api'));
  });
});
