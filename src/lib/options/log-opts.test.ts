import { describe, expect, it } from 'vitest';
import { formatLogOpts, parseLogOpt, parseLogOptCli, parseLogOpts } from './log-opts';

describe('parseLogOptCli (the CLI parse_log_opts, bug included)', () => {
  it.each<[string, [string, string | null]]>([
    ['max-size=10m', ['max-size', '10m']],
    ['labels=a=b', ['labels', 'a']],
    ['key=', ['key', null]],
    ['key', ['key', null]],
    ['=v', ['', 'v']],
  ])('%j → %j', (value, pair) => {
    expect(parseLogOptCli(value)).toEqual(pair);
  });
});

describe('parseLogOpt (follows the master, not the CLI bug)', () => {
  it.each([
    ['max-size=10m', { ok: true, value: ['max-size', '10m'] }],
    // The CLI would send only "b"; the master stores whatever string it gets.
    ['env=a=b', { ok: true, value: ['env', 'a=b'] }],
    ['tag={{.Name}}', { ok: true, value: ['tag', '{{.Name}}'] }],
    ['syslog-address=udp://1.2.3.4:514', { ok: true, value: ['syslog-address', 'udp://1.2.3.4:514'] }],
    ['max-size', { ok: false, error: "Invalid log option 'max-size': write key=value, e.g. max-size=10m" }],
    ['=10m', { ok: false, error: "Invalid log option '=10m': the key before '=' is empty" }],
    ['max-size=', { ok: false, error: "Log option max-size needs a value after '='" }],
  ])('%j → %j', (value, result) => {
    expect(parseLogOpt(value)).toEqual(result);
  });

  it('collects several into log_opts, the last value of a key winning', () => {
    expect(parseLogOpts(['max-size=10m', 'max-file=3', 'max-size=20m'])).toEqual({
      ok: true,
      value: { 'max-size': '20m', 'max-file': '3' },
    });
    expect(parseLogOpts([])).toEqual({ ok: true, value: {} });
    expect(parseLogOpts(['a=1', 'b'])).toEqual({ ok: false, error: "Invalid log option 'b': write key=value, e.g. max-size=10m" });
  });

  it('formats log_opts back into key=value strings', () => {
    expect(formatLogOpts({ 'max-size': '10m', env: 'a=b' })).toEqual(['max-size=10m', 'env=a=b']);
  });
});
