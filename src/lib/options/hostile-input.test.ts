// The fuzz pass over the option parsers (#15 item 7): every parser × every hostile
// string. None throws or stalls; each accepts exactly what is listed here and refuses
// the rest; no accepted value carries a broken character or a -0; and every message is
// safe to show (no raw control, bidi or zero-width character, no 10,000-character echo).
import { describe, expect, it } from 'vitest';
import { HOSTILE_CASES, HOSTILE_STRINGS, LONG_LENGTH } from '../../../test/app/hostile-strings';
import { shellSplit } from '../shellwords';
import { parseAffinity } from './affinity';
import { parseCapability } from './capabilities';
import { parseCmd } from './cmd';
import { parseDeployInterval, parseMinHealth, parseRelativeTimeCli, parseStrategy, parseWaitForPort } from './deploy';
import { parseDevice } from './devices';
import { parseEnv, parseEnvLines } from './env';
import {
  parseHealthCheckInitialDelay,
  parseHealthCheckInterval,
  parseHealthCheckPort,
  parseHealthCheckProtocol,
  parseHealthCheckTimeout,
  parseHealthCheckUri,
} from './health-check';
import { parseHookInstances } from './hook-instances';
import { parseImage } from './image';
import { parseLink, parseLinkAlias, parseLinkCli, parseLinkTarget } from './links';
import { parseLogOpt, parseLogOptCli } from './log-opts';
import { brokenTextError, controlCharactersWarning, masterText } from './master-text';
import { parseMemory } from './memory';
import { parseGridName, parseServiceName, parseServiceRefArg } from './names';
import { parseNet, parsePid } from './network';
import { parsePort, parsePortCli } from './ports';
import { parseCpuShares, parseInstances } from './resources';
import type { ParseResult } from './result';
import { rubySplit, rubyToI } from './ruby';
import { parseSecret, parseSecretCli, parseSecretLink, secretValueProblem } from './secrets';
import { shownValue } from './shown-value';
import { parseVolume, parseVolumesFrom } from './volumes';

type Id = (typeof HOSTILE_STRINGS)[number]['id'];

/** Characters that must not reach a message raw: they hide or reorder the text around them. */
const HIDDEN = /\p{Cc}|\p{Cs}|\p{Zl}|\p{Zp}|(?![\u200C\u200D])\p{Cf}/u;

const ALL: readonly Id[] = HOSTILE_STRINGS.map((h) => h.id);
const except = (...ids: Id[]): Id[] => ALL.filter((id) => !ids.includes(id));

/** Names (service, stack, grid, secret, link target): ASCII letters, digits, _ and -. */
const NAMES: Id[] = ['10,000 characters', 'leading and trailing spaces', '1e309', 'NaN', '0x10'];
/** Free text without blanks (an image, a URI, a container name): everything but blanks, controls and broken characters. */
const NO_BLANKS: Id[] = except(
  'html img onerror',
  'NUL',
  'CRLF injection',
  'shell substitution',
  'terminal escape',
  'lone surrogate',
  'whitespace only',
);
/** Free text (env values, log option values, affinity values): everything but a broken character. */
const TEXT: Id[] = except('lone surrogate', 'whitespace only');

const PARSERS: readonly [string, (raw: string) => ParseResult<unknown>, readonly Id[]][] = [
  ['parseServiceName', parseServiceName, NAMES],
  ['parseGridName', parseGridName, NAMES],
  ['parseServiceRefArg', parseServiceRefArg, NAMES],
  ['parseImage', parseImage, NO_BLANKS],
  ['parseInstances', parseInstances, ['-0']],
  ['parseCpuShares', parseCpuShares, ['-0']],
  ['parseMemory', parseMemory, []],
  ['parseCmd', parseCmd, except('quotes and backtick', 'lone surrogate')],
  ['parsePort', parsePort, []],
  ['parseNet', parseNet, []],
  ['parseNet container:', (t) => parseNet(`container:${t}`), except('CRLF injection', 'lone surrogate', 'whitespace only')],
  ['parsePid', parsePid, []],
  ['parseLink', parseLink, NAMES],
  ['parseLinkTarget', parseLinkTarget, NAMES],
  ['parseLinkAlias', parseLinkAlias, [...NAMES, 'path traversal']],
  ['parseVolume', parseVolume, []],
  ['parseVolumesFrom', parseVolumesFrom, NO_BLANKS],
  ['parseEnv', parseEnv, ['html img onerror', 'CRLF injection']],
  ['parseEnv value', (t) => parseEnv(`KEY=${t}`), except('lone surrogate')],
  ['parseSecret', parseSecret, ['javascript: URL']],
  ['parseSecretLink secret', (t) => parseSecretLink(t, 'NAME'), NAMES],
  ['parseSecretLink variable', (t) => parseSecretLink('DB_PASSWORD', t), NO_BLANKS],
  ['parseCapability', parseCapability, ['10,000 characters', 'leading and trailing spaces', 'NaN']],
  ['parseDevice', parseDevice, []],
  ['parseLogOpt', parseLogOpt, ['html img onerror', 'CRLF injection']],
  ['parseLogOpt value', (t) => parseLogOpt(`tag=${t}`), TEXT],
  ['parseStrategy', parseStrategy, []],
  ['parseWaitForPort', parseWaitForPort, []],
  ['parseMinHealth', parseMinHealth, []],
  ['parseDeployInterval', parseDeployInterval, ['whitespace only']],
  ['parseAffinity', parseAffinity, []],
  ['parseAffinity value', (t) => parseAffinity(`node==${t}`), except('CRLF injection', 'lone surrogate', 'whitespace only')],
  ['parseHealthCheckPort', parseHealthCheckPort, []],
  ['parseHealthCheckProtocol', parseHealthCheckProtocol, []],
  ['parseHealthCheckUri', parseHealthCheckUri, NO_BLANKS],
  ['parseHealthCheckTimeout', parseHealthCheckTimeout, []],
  ['parseHealthCheckInterval', parseHealthCheckInterval, []],
  ['parseHealthCheckInitialDelay', parseHealthCheckInitialDelay, ['-0']],
  ['parseHookInstances', parseHookInstances, []],
];

function expectShowable(message: string | undefined): void {
  if (message === undefined) return;
  expect(message, message.slice(0, 80)).not.toMatch(HIDDEN);
  expect(message.length, message.slice(0, 80)).toBeLessThan(400);
}

/** No broken character and no -0 anywhere in an accepted value. */
function expectClean(value: unknown): void {
  expect(JSON.stringify(value) ?? '').not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
  const walk = (v: unknown): void => {
    if (typeof v === 'number') expect(Object.is(v, -0), 'a -0 in the value').toBe(false);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  walk(value);
}

describe.each(PARSERS)('%s', (_, parse, accepts) => {
  // No timing here (performance is the bench's): a parser that backtracks without end
  // on 10,000 characters never returns, and the test's timeout says so.
  it.each(HOSTILE_CASES)('%s', (id, hostile) => {
    const result = parse(hostile.value);
    expect(result.ok ? 'accepted' : 'refused').toBe(accepts.includes(id as Id) ? 'accepted' : 'refused');
    if (result.ok) {
      expectClean(result.value);
      expectShowable(result.warning);
    } else {
      expectShowable(result.error);
    }
  });
});

describe('the CLI’s own parsers, quirks included, never throw on hostile text', () => {
  it.each(HOSTILE_CASES)('%s', (_, { value }) => {
    expect(() => [
      parsePortCli(value),
      parseLinkCli(value),
      parseSecretCli(value),
      parseLogOptCli(value),
      parseRelativeTimeCli(value),
      rubyToI(value),
      rubySplit(value, ':'),
      shellSplit(value),
    ]).not.toThrow();
    expect(Number.isFinite(parseRelativeTimeCli(value) ?? 0)).toBe(true);
  });
});

describe('pasted KEY=VALUE lines', () => {
  it('reports every bad line by number, safely, and keeps the good ones', () => {
    const text = HOSTILE_STRINGS.map((h) => `K=${h.value}`).join('\n');
    const result = parseEnvLines(text);
    for (const { message } of [...result.errors, ...result.warnings]) expectShowable(message);
    // Only the lone surrogate is refused; the CRLF line splits in two, and its second half is an entry of its own.
    expect(result.errors).toEqual([
      { line: HOSTILE_STRINGS.findIndex((h) => h.id === 'lone surrogate') + 2, message: expect.stringContaining('broken character') },
    ]);
    expect(result.warnings.map((w) => w.message)).toContain(
      'Set-Cookie: x is not a portable variable name: use letters, digits and _, not starting with a digit',
    );
    expect(result.entries).toContain(`K=${'k'.repeat(LONG_LENGTH)}`);
  });
});

describe('what the master keeps of a string (docs/kontena-api.md §3.1)', () => {
  it.each(HOSTILE_CASES)('%s', (_, hostile) => {
    const kept = masterText(hostile.value);
    expect(kept === '' ? null : kept).toBe(hostile.masterStores);
  });

  it('warns when it turns control characters into spaces, and refuses a broken character', () => {
    expect(controlCharactersWarning('a\u0000b')).toBe('The master turns control characters into spaces: it stores “a b”');
    expect(controlCharactersWarning('tab\tand\r\nnewline')).toBeNull();
    expect(controlCharactersWarning('👩‍💻 invoice\u202Etxt')).toBeNull();
    expect(brokenTextError('a\uD800b')).toMatch(/^This text has a broken character \(half of a surrogate pair\) in “a\\u\{D800\}b”/);
    expect(brokenTextError('😀')).toBeNull();
  });
});

describe('a typed value quoted in a message', () => {
  it.each([
    ['redis', 'redis'],
    ['invoice\u202Etxt.exe', 'invoice\\u{202E}txt.exe'],
    ['a\u0000b\tc\r\nd', 'a\\u{0000}b\\tc\\r\\nd'],
    ['a\u200Bb\uFEFF', 'a\\u{200B}b\\u{FEFF}'],
    ['a\uD800b', 'a\\u{D800}b'],
    ['👩‍💻👨‍👩‍👧‍👦', '👩‍💻👨‍👩‍👧‍👦'],
    ['k'.repeat(LONG_LENGTH), `${'k'.repeat(40)}… (10,000 characters)`],
    ['🚀'.repeat(100), `${'🚀'.repeat(40)}… (100 characters)`],
  ])('%j → %j', (raw, shown) => {
    expect(shownValue(raw)).toBe(shown);
  });
});

describe('a secret’s value (the Secrets page)', () => {
  it.each(HOSTILE_CASES)('%s', (id, { value }) => {
    const problem = secretValueProblem(value);
    if (id === 'whitespace only') expect(problem).toBe("Value can't be blank");
    else if (id === 'lone surrogate') expect(problem).toMatch(/broken character/);
    else expect(problem).toBeNull();
    expectShowable(problem ?? undefined);
  });

  it('says the master’s words for an empty value', () => {
    expect(secretValueProblem('')).toBe('Value is required');
  });
});

describe('numbers', () => {
  it('-0 is the master’s 0, and a huge negative number is too small', () => {
    const zero = parseInstances('-0');
    expect(zero.ok && Object.is(zero.value, 0)).toBe(true);
    expect(parseInstances('-99999999999999999999')).toEqual({ ok: false, error: 'Instances is too small' });
  });
});
