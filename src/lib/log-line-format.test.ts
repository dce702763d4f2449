import { describe, expect, it } from 'vitest';
import { clockStyle, formatTimeOfDayMs } from './clock-format';
import {
  formatLogTimestamp,
  formatPlainLine,
  formatTerminalLine,
  heldLogLine,
  INSTANCE_COLOR_SLOTS,
  instanceColorIndex,
  instanceNumberOf,
  jsonLogLevel,
  logFileName,
  MAX_LINE_CHARS,
  rgbTo256,
  sanitizeLogData,
  searchableText,
  stripSgr,
} from './log-line-format';
import type { HeldLogLine } from './log-line-format';

const E = '\u001b';

describe('sanitizeLogData', () => {
  it.each([
    ['plain text stays as it is', 'GET /healthz 200 0.4ms', 'GET /healthz 200 0.4ms'],
    ['tabs stay', 'a\tb', 'a\tb'],
    ['16-colour SGR is kept', `${E}[31mERROR${E}[0m boom`, `${E}[31mERROR${E}[0m boom`],
    ['bold + colour + reset shorthand are kept', `${E}[1;32mok${E}[m`, `${E}[1;32mok${E}[m`],
    ['256-colour SGR is kept', `${E}[38;5;208morange${E}[39m`, `${E}[38;5;208morange${E}[39m`],
    ['24-bit colour becomes the nearest palette colour', `${E}[38;2;255;0;0mred`, `${E}[38;5;196mred`],
    ['24-bit background too', `${E}[48;2;0;0;255mblue`, `${E}[48;5;21mblue`],
    ['colon form of 24-bit colour', `${E}[38:2::0:255:0mgreen`, `${E}[38;5;46mgreen`],
    ['conceal (invisible text) is dropped, the rest kept', `${E}[1;8msecret`, `${E}[1msecret`],
    ['underline colour is dropped', `${E}[58;5;1;4mx`, `${E}[4mx`],
    ['cursor up is removed', `${E}[2Aover`, 'over'],
    ['cursor position is removed', `${E}[1;1Htop`, 'top'],
    ['erase display is removed', `before${E}[2Jafter`, 'beforeafter'],
    ['erase line (progress bars) is removed', `50%${E}[K`, '50%'],
    ['private modes (alternate screen, hide cursor) are removed', `${E}[?1049h${E}[?25lx`, 'x'],
    ['window title (OSC 0, BEL) is removed', `${E}]0;pwned${'\u0007'}text`, 'text'],
    ['clipboard write (OSC 52, ST) is removed', `${E}]52;c;ZXZpbA==${E}\\text`, 'text'],
    ['hyperlinks (OSC 8) keep only their text', `${E}]8;;https://evil.example${E}\\click${E}]8;;${E}\\`, 'click'],
    ['an unterminated OSC swallows the rest of the line', `ok${E}]2;title forever`, 'ok'],
    ['DCS strings are removed', `${E}Pq#0;2;0;0;0${E}\\img`, 'img'],
    ['APC strings are removed', `${E}_Gsome=payload${E}\\x`, 'x'],
    ['full reset (RIS) is removed', `${E}cafter`, 'after'],
    ['charset designation is removed', `${E}(0lqqk${E}(B`, 'lqqk'],
    ['save/restore cursor are removed', `${E}7a${E}8`, 'a'],
    ['a lone ESC at the end is removed', `x${E}`, 'x'],
    ['a broken CSI drops only itself', `${E}[12\u0007ok`, '\u2407ok'],
    ['carriage returns are dropped (they would overwrite the prefix)', 'line\r', 'line'],
    ['progress-bar carriage returns too', '10%\r20%\r30%', '10%20%30%'],
    ['an embedded LF starts a new terminal row', 'first\nsecond', 'first\r\nsecond'],
    ['CRLF inside a line too', 'first\r\nsecond', 'first\r\nsecond'],
    ['BEL is shown, not rung', 'ding\u0007', 'ding\u2407'],
    ['backspace is shown, not applied', 'ab\bc', 'ab\u2408c'],
    ['shift-out (charset switch) is shown, not applied', '\u000elqk', '\u240elqk'],
    ['DEL is shown', 'x\u007f', 'x\u2421'],
    ['C1 CSI (0x9B) cannot start a sequence', '\u009b2Jx', '\ufffd2Jx'],
    ['C1 OSC (0x9D) neither', '\u009d0;t\u009cx', '\ufffd0;t\ufffdx'],
    ['unicode stays', 'naïve 日本語 🚀', 'naïve 日本語 🚀'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeLogData(input)).toBe(expected);
  });

  it('cuts a runaway line and says how much was left out', () => {
    const long = 'x'.repeat(MAX_LINE_CHARS + 1234);
    const out = sanitizeLogData(long);
    expect(out.startsWith('x'.repeat(MAX_LINE_CHARS))).toBe(true);
    expect(out.endsWith(' … [1,234 more characters]')).toBe(true);
  });

  it('never cuts a surrogate pair in half', () => {
    const out = sanitizeLogData(`${'a'.repeat(9)}🚀🚀`, 10);
    expect(out).toBe(`${'a'.repeat(9)} … [4 more characters]`);
  });

  it('leaves nothing that a terminal would treat as a control, whatever the input', () => {
    let hostile = '';
    for (let c = 0; c < 0xa0; c++) hostile += `${String.fromCharCode(c)}[1;2H]0;x\u0007`;
    const out = sanitizeLogData(hostile);
    const withoutSgr = stripSgr(out.replace(/\r\n/g, ''));
    // eslint-disable-next-line no-control-regex -- asserting that no control character survives
    expect(withoutSgr).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/);
  });
});

describe('rgbTo256', () => {
  it.each([
    [0, 0, 0, 16],
    [255, 255, 255, 231],
    [255, 0, 0, 196],
    [0, 255, 0, 46],
    [0, 0, 255, 21],
    [128, 128, 128, 243],
    [300, -5, Number.NaN, 196],
  ])('(%d, %d, %d) → %d', (r, g, b, index) => {
    expect(rgbTo256(r, g, b)).toBe(index);
  });
});

const line = (over: Partial<HeldLogLine> = {}): HeldLogLine => ({
  id: '58e6a0000000000000000001',
  name: 'api-2',
  stderr: false,
  at: Date.UTC(2017, 3, 6, 15, 38, 17, 123),
  data: `${E}[32mready${E}[0m`,
  level: null,
  late: false,
  ...over,
});

describe('formatTerminalLine', () => {
  it('prefixes the instance in its colour, marks stdout thinly, keeps the data colours, resets and ends the row', () => {
    const text = formatTerminalLine(line(), { timestamps: 'off', nameWidth: 0 });
    const colour = `38;5;${INSTANCE_COLOR_SLOTS[instanceColorIndex('api-2')]}`;
    expect(text).toBe(`${E}[${colour}mapi-2${E}[39m ${E}[90m│${E}[39m ${E}[32mready${E}[0m${E}[0m\r\n`);
  });

  it('marks stderr with a heavy red bar', () => {
    const text = formatTerminalLine(line({ stderr: true }), { timestamps: 'off', nameWidth: 0 });
    expect(text).toContain(`${E}[1;31m┃${E}[22;39m`);
    expect(stripSgr(text)).toBe('api-2 ┃ ready\r\n');
  });

  it('pads names so the data lines up', () => {
    expect(stripSgr(formatTerminalLine(line({ name: 'api-2' }), { timestamps: 'off', nameWidth: 8 }))).toBe('api-2    │ ready\r\n');
  });

  it('shows UTC timestamps with a Z, local ones without', () => {
    expect(stripSgr(formatTerminalLine(line(), { timestamps: 'utc', nameWidth: 0 }))).toBe('2017-04-06 15:38:17.123Z api-2 │ ready\r\n');
    const local = stripSgr(formatTerminalLine(line(), { timestamps: 'local', nameWidth: 0 }));
    // The browser's clock: "15:38:17.123", or "03:38:17.123 PM" where the locale writes 12-hour times.
    expect(local).toMatch(/^2017-04-0[67] \d\d:\d\d:17\.123( \S+)? api-2 │ ready\r\n$/);
  });
});

describe('JSON log lines by level', () => {
  it.each([
    ['{"level":"warn","msg":"disk almost full"}', 'warn'],
    ['{"level":"WARNING","msg":"x"}', 'warn'],
    ['{"level":"Warn"}', 'warn'],
    ['  {"severity":"warning","message":"x"}', 'warn'],
    ['{"lvl":"eror"}', null],
    ['{"lvl":"err","msg":"x"}', 'error'],
    ['{"level":"error","error":{"level":"info"}}', 'error'],
    ['{"severity":"ERROR","message":"x"}', 'error'],
    ['{"level":"fatal"}', 'fatal'],
    ['{"level":"panic"}', 'fatal'],
    ['{"severity":"CRITICAL"}', 'fatal'],
    ['{"level":"info","msg":"GET /healthz 200"}', 'info'],
    ['{"level":"notice"}', 'info'],
    ['{"level":"debug","items":[1,2]}', 'debug'],
    ['{"level":"trace"}', 'trace'],
    ['{"log.level":"warn","message":"x"}', 'warn'],
    ['{"@timestamp":"2017-04-06T15:38:17Z","log":{"level":"error","logger":"app"},"message":"x"}', 'error'],
    // pino / bunyan numbers, syslog severities
    ['{"level":30,"msg":"x"}', 'info'],
    ['{"level":40,"msg":"x"}', 'warn'],
    ['{"level":50,"msg":"x"}', 'error'],
    ['{"level":60,"msg":"x"}', 'fatal'],
    ['{"level":20}', 'debug'],
    ['{"severity":4}', 'warn'],
    ['{"severity":3}', 'error'],
    // The first key that names a level wins; an unknown value falls through to the next.
    ['{"level":"verbose-ish","severity":"warn"}', 'warn'],
    // Not a level: nested, inside text, not an object, not JSON, no level field.
    ['{"msg":"x","ctx":{"level":"error"}}', null],
    ['{"msg":"{\\"level\\":\\"error\\"}"}', null],
    ['["level","error"]', null],
    ['level=warn msg="disk almost full"', null],
    ['WARN disk almost full', null],
    ['{"msg":"no level here"}', null],
    ['{"level":"warn"', 'warn'],
    ['{"level":true}', null],
  ])('%s → %s', (data, level) => {
    expect(jsonLogLevel(data)).toBe(level);
  });

  it('reads the level of a line cut short from its first key', () => {
    const long = `{"level":"warn","msg":"${'x'.repeat(MAX_LINE_CHARS)}"}`;
    expect(heldLogLine({ id: 'a', name: 'api-1', type: 'stdout', created_at: '2017-04-06T15:38:17Z', data: long }).level).toBe('warn');
  });

  it('keeps the level with the held line', () => {
    expect(
      heldLogLine({ id: 'a', name: 'api-1', type: 'stdout', created_at: '2017-04-06T15:38:17Z', data: '{"level":"error","msg":"boom"}' })
        .level,
    ).toBe('error');
  });

  const json = '{"level":"x","msg":"m"}';
  it.each([
    ['warn', '▲ WARN ', `${E}[1;33m▲ WARN ${E}[22;39m ${E}[33m${json}${E}[39m`],
    ['error', '✖ ERROR', `${E}[1;31m✖ ERROR${E}[22;39m ${E}[31m${json}${E}[39m`],
    ['fatal', '✖ FATAL', `${E}[1;7;31m✖ FATAL${E}[22;27;39m ${E}[31m${json}${E}[39m`],
    ['info', '● INFO ', `${E}[34m● INFO ${E}[39m ${json}`],
    ['debug', '· DEBUG', `${E}[90m· DEBUG${E}[39m ${E}[90m${json}${E}[39m`],
    ['trace', '· TRACE', `${E}[90m· TRACE${E}[39m ${E}[90m${json}${E}[39m`],
  ] as const)('shows a %s line by a symbol, a word and a colour', (level, tag, shown) => {
    const text = formatTerminalLine(line({ data: json, level }), { timestamps: 'off', nameWidth: 0 });
    expect(text).toContain(`${E}[90m│${E}[39m ${shown}${E}[0m\r\n`);
    // Not colour alone: the words are there without any colour.
    expect(stripSgr(text)).toBe(`api-2 │ ${tag} ${json}\r\n`);
  });

  it('leaves lines without a level as they are', () => {
    expect(stripSgr(formatTerminalLine(line({ data: 'WARN plain text' }), { timestamps: 'off', nameWidth: 0 }))).toBe(
      'api-2 │ WARN plain text\r\n',
    );
  });
});

describe('late lines', () => {
  it('are marked, with the time they belong at when timestamps are off', () => {
    const at = new Date(2017, 3, 6, 9, 5, 7, 8).getTime();
    const clock = clockStyle();
    const time = clock.twelveHour ? `09:05:07.008 ${clock.am}` : '09:05:07.008';
    expect(stripSgr(formatTerminalLine(line({ late: true, at }), { timestamps: 'off', nameWidth: 0 }))).toBe(
      `api-2 │  late ${time}  ready\r\n`,
    );
    expect(stripSgr(formatTerminalLine(line({ late: true, at }), { timestamps: 'local', nameWidth: 0 }))).toBe(
      `2017-04-06 ${time} api-2 │  late  ready\r\n`,
    );
  });
});

describe('formatLogTimestamp', () => {
  it('formats local time from the local clock fields, in the locale’s clock like every other time', () => {
    const morning = new Date(2017, 3, 6, 9, 5, 7, 8).getTime();
    const evening = new Date(2017, 3, 6, 21, 5, 7, 8).getTime();
    const noon = new Date(2017, 3, 6, 12, 0, 0, 0).getTime();
    const midnight = new Date(2017, 3, 6, 0, 30, 0, 0).getTime();
    const gb = clockStyle('en-GB');
    expect(gb.twelveHour).toBe(false);
    expect([morning, evening, noon, midnight].map((at) => formatLogTimestamp(at, 'local', gb))).toEqual([
      '2017-04-06 09:05:07.008',
      '2017-04-06 21:05:07.008',
      '2017-04-06 12:00:00.000',
      '2017-04-06 00:30:00.000',
    ]);
    const us = clockStyle('en-US');
    expect(us).toEqual({ twelveHour: true, am: 'AM', pm: 'PM' });
    expect([morning, evening, noon, midnight].map((at) => formatLogTimestamp(at, 'local', us))).toEqual([
      '2017-04-06 09:05:07.008 AM',
      '2017-04-06 09:05:07.008 PM',
      '2017-04-06 12:00:00.000 PM',
      '2017-04-06 12:30:00.000 AM',
    ]);
    // The same time of day as the rest of the app writes it (lib/clock-format).
    expect(formatLogTimestamp(evening, 'local', us).slice(11)).toBe(formatTimeOfDayMs(evening, 'en-US'));
    expect(formatLogTimestamp(evening, 'local', gb).slice(11)).toBe(formatTimeOfDayMs(evening, 'en-GB'));
  });
  it('survives an unparseable time', () => {
    expect(formatLogTimestamp(Number.NaN, 'utc')).toBe('????-??-?? ??:??:??.???');
  });
});

describe('heldLogLine and the plain .log format', () => {
  it('keeps id, name, stream and time, sanitising the data once', () => {
    const held = heldLogLine({ id: 'abc', name: 'web-1', type: 'stderr', created_at: '2017-04-06T15:38:17.123Z', data: `${E}[2Jboom\r` });
    expect(held).toEqual({
      id: 'abc',
      name: 'web-1',
      stderr: true,
      at: Date.UTC(2017, 3, 6, 15, 38, 17, 123),
      data: 'boom',
      level: null,
      late: false,
    });
  });

  it('writes ISO time, container, stream and the text without colours', () => {
    expect(formatPlainLine(line({ data: `${E}[31mred${E}[0m\r\nnext` }))).toBe('2017-04-06T15:38:17.123Z api-2 stdout red\nnext\n');
    expect(formatPlainLine(line({ stderr: true, at: Number.NaN }))).toBe('unknown-time api-2 stderr ready\n');
  });

  it('searches name and text without colours, case-insensitively', () => {
    expect(searchableText(line({ data: `${E}[31mERROR${E}[0m Timeout` }))).toBe('api-2 error timeout');
  });
});

describe('instances', () => {
  it('reads the instance number from the container name', () => {
    expect(instanceNumberOf('api-3')).toBe(3);
    expect(instanceNumberOf('shop.web-12')).toBe(12);
    expect(instanceNumberOf('weird')).toBeNull();
  });

  it('gives the instances of one service different colours', () => {
    const colours = Array.from({ length: 8 }, (_, i) => instanceColorIndex(`shop.web-${i + 1}`));
    expect(new Set(colours).size).toBe(8);
    expect(instanceColorIndex('api-1')).toBe(instanceColorIndex('api-1'));
  });
});

describe('logFileName', () => {
  it('names the file after the scope and the local time', () => {
    const at = new Date(2017, 3, 6, 15, 38, 17).getTime();
    expect(logFileName('production-shop.web', at)).toBe('production-shop.web-20170406-153817.log');
    expect(logFileName('a/b c', at)).toBe('a-b-c-20170406-153817.log');
    expect(logFileName('///', at)).toBe('logs-20170406-153817.log');
  });
});
