import { describe, expect, it } from 'vitest';
import { formatCmd, parseCmd } from './cmd';

describe('--cmd', () => {
  it.each<[string, string[]]>([
    ['redis-server --appendonly yes', ['redis-server', '--appendonly', 'yes']],
    ["sh -c 'echo $HOME && sleep 10'", ['sh', '-c', 'echo $HOME && sleep 10']],
    ['', []],
  ])('%j → %j', (value, cmd) => {
    expect(parseCmd(value)).toEqual({ ok: true, value: cmd });
    expect(parseCmd(formatCmd(cmd))).toEqual({ ok: true, value: cmd });
  });

  it('reports an unmatched quote', () => {
    expect(parseCmd("sh -c 'echo")).toEqual({ ok: false, error: 'Unmatched quote' });
  });

  it('formats words with the quoting they need', () => {
    expect(formatCmd(['sh', '-c', 'echo hi'])).toBe("sh -c 'echo hi'");
  });
});
