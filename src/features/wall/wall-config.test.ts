import { describe, expect, it } from 'vitest';
import { DEFAULT_WALL_CONFIG, effectiveRotateBy, parseDuration, parseWallConfig, wallSearch } from './wall-config';

const parse = (query: string) => parseWallConfig(new URLSearchParams(query));

describe('wall URL', () => {
  it('gives the defaults for a bare /wall, with no notes', () => {
    expect(parse('')).toEqual({ config: DEFAULT_WALL_CONFIG, notes: [] });
  });

  it('reads every parameter', () => {
    const { config, notes } = parse(
      'grid=production,staging&stack=shop&stack=null&filter=API&rotate=30s&by=page&theme=dark&refresh=5s&nodes=1',
    );
    expect(notes).toEqual([]);
    expect(config).toEqual({
      grids: ['production', 'staging'],
      stacks: ['shop', 'null'],
      filter: 'api',
      rotateMs: 30_000,
      rotateBy: 'page',
      theme: 'dark',
      refreshMs: 5_000,
      nodes: true,
    });
  });

  it.each([
    ['30s', 30_000],
    ['2m', 120_000],
    ['2min', 120_000],
    ['1h', 3_600_000],
    ['90', 90_000],
    ['1.5s', 1_500],
    ['1500ms', 1_500],
    [' 10S ', 10_000],
    ['abc', null],
    ['-5s', null],
    ['5 parsecs', null],
    ['', null],
  ])('duration %j → %j ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['rotate=abc', { rotateMs: null }, /rotate=“abc”.*not a duration.*rotation is off/],
    ['refresh=fast', { refreshMs: 10_000 }, /refresh=“fast”.*refreshing every 10 s/],
    ['refresh=100ms', { refreshMs: 2_000 }, /below the 2 s minimum; using 2 s/],
    ['refresh=1h', { refreshMs: 300_000 }, /above the 5 min maximum; using 5 min/],
    ['rotate=1s', { rotateMs: 5_000 }, /below the 5 s minimum/],
    ['theme=neon', { theme: 'wall' }, /theme=“neon”.*wall, dark or light/],
    ['by=sideways&rotate=30s', { rotateBy: null, rotateMs: 30_000 }, /by=“sideways”/],
    ['refesh=5s', {}, /Unknown parameter “refesh” ignored/],
    ['grid=a/b,ok', { grids: ['ok'] }, /Ignored grid “a\/b”/],
    ['nodes=maybe', { nodes: false }, /nodes=“maybe”.*use nodes=1/],
  ])('a bad value (%s) gives the default and a visible note', (query, expected, note) => {
    const { config, notes } = parse(query);
    expect(config).toMatchObject(expected);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(note);
  });

  it('treats rotate=off (and 0, no) as no rotation, silently', () => {
    for (const value of ['off', '0', 'no', 'OFF'])
      expect(parse(`rotate=${value}`)).toMatchObject({ config: { rotateMs: null }, notes: [] });
  });

  it('shows the nodes row for nodes=1 (or yes, true, on), and not for 0, off or none, silently', () => {
    for (const value of ['1', 'yes', 'TRUE', 'on']) expect(parse(`nodes=${value}`)).toMatchObject({ config: { nodes: true }, notes: [] });
    for (const value of ['0', 'no', 'off', '']) expect(parse(`nodes=${value}`)).toMatchObject({ config: { nodes: false }, notes: [] });
  });

  it('drops repeated and empty names, and lets the last single value win', () => {
    expect(parse('grid=a,,a&grid=b&theme=dark&theme=light').config).toMatchObject({ grids: ['a', 'b'], theme: 'light' });
  });

  it('writes a URL that reads back the same, leaving defaults out', () => {
    const config = {
      ...DEFAULT_WALL_CONFIG,
      grids: ['production', 'staging'],
      stacks: ['null'],
      filter: 'web',
      rotateMs: 120_000,
      rotateBy: 'grid' as const,
      refreshMs: 30_000,
      nodes: true,
    };
    const search = wallSearch(config);
    expect(search).toBe('?grid=production,staging&stack=null&filter=web&rotate=2m&by=grid&refresh=30s&nodes=1');
    expect(parse(search.slice(1))).toEqual({ config, notes: [] });
    expect(wallSearch(DEFAULT_WALL_CONFIG)).toBe('');
    expect(wallSearch({ ...DEFAULT_WALL_CONFIG, theme: 'light' })).toBe('?theme=light');
  });

  it('rotates through grids when several are shown, pages otherwise, unless the URL says', () => {
    expect(effectiveRotateBy(DEFAULT_WALL_CONFIG, 2)).toBe('grid');
    expect(effectiveRotateBy(DEFAULT_WALL_CONFIG, 1)).toBe('page');
    expect(effectiveRotateBy({ ...DEFAULT_WALL_CONFIG, rotateBy: 'page' }, 3)).toBe('page');
  });
});
