/**
 * How a container log line is shown in a terminal and written to a .log file: the
 * instance prefix in its own colour, stderr marked, optional timestamps, and the line's
 * own ANSI colours kept while every other escape a container could print is neutralised
 * (it must not move the cursor, clear the screen, set the title, reach the clipboard or
 * switch character sets in the viewer).
 */
import { clockStyle } from './clock-format';
import type { ClockStyle } from './clock-format';

/** A log record as the viewer holds it: compact, its data already sanitised. */
export interface HeldLogLine {
  id: string;
  /** Container name, e.g. "api-2" or "shop.web-1". */
  name: string;
  stderr: boolean;
  /** created_at in epoch ms (NaN when the master sent something unparseable). */
  at: number;
  /** Sanitised data: printable text and SGR colour sequences only. */
  data: string;
  /** The level of a JSON line that names one (`{"level":"warn",…}`), else null. */
  level: LogLevel | null;
  /** Arrived after later-timed lines were already shown (see lib/log-reorder.ts). */
  late: boolean;
}

export type TimestampMode = 'off' | 'local' | 'utc';

/** The fields of a master log record (LogJson, docs/kontena-api.md §4.11) the viewer keeps. */
interface LogRecordLike {
  id: string;
  name: string;
  type: string;
  created_at: string;
  data: string;
}

/** A master log record as a held line: data sanitised once, time and level read once. */
export function heldLogLine(log: LogRecordLike): HeldLogLine {
  const data = sanitizeLogData(log.data);
  return {
    id: log.id,
    name: log.name,
    stderr: log.type === 'stderr',
    at: Date.parse(log.created_at),
    data,
    level: jsonLogLevel(data),
    late: false,
  };
}

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** Level words as loggers write them (lower-cased), by what they mean. */
const LEVEL_WORDS: Readonly<Record<string, LogLevel>> = {
  trace: 'trace',
  verbose: 'trace',
  debug: 'debug',
  dbg: 'debug',
  info: 'info',
  information: 'info',
  informational: 'info',
  notice: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  err: 'error',
  fatal: 'fatal',
  critical: 'fatal',
  crit: 'fatal',
  panic: 'fatal',
  alert: 'fatal',
  emerg: 'fatal',
  emergency: 'fatal',
};

/** Syslog severities 0–7 (emerg … debug). */
const SYSLOG_LEVELS: readonly LogLevel[] = ['fatal', 'fatal', 'fatal', 'error', 'warn', 'info', 'info', 'debug'];

/** A level value as a level: a word (any case) or a number (pino/bunyan 10–60, syslog 0–7). */
function logLevelOf(value: unknown): LogLevel | null {
  if (typeof value === 'string') return LEVEL_WORDS[value.trim().toLowerCase()] ?? null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return null;
  if (value <= 7) return SYSLOG_LEVELS[value] ?? null;
  if (value < 10) return null;
  if (value < 20) return 'trace';
  if (value < 30) return 'debug';
  if (value < 40) return 'info';
  if (value < 50) return 'warn';
  if (value < 60) return 'error';
  return 'fatal';
}

/** The top-level keys a level is read from, in this order; `log.level` also nested (ECS). */
const LEVEL_KEYS = ['level', 'severity', 'lvl', 'log.level'] as const;
/** Cheap test before parsing: one of the keys appears at all. */
const LEVEL_KEY_HINT = /"(?:level|severity|lvl|log\.level|log)"\s*:/;
/** A line cut short (MAX_LINE_CHARS) no longer parses: its first key may still say the level. */
const FIRST_KEY_LEVEL = /^\s*\{\s*"(?:level|severity|lvl|log\.level)"\s*:\s*(?:"([^"\\]{1,20})"|(\d{1,2})\b)/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The level of a log line whose data is a JSON object with a level field (`level`,
 * `severity`, `lvl`, `log.level` or `{"log":{"level":…}}`), or null. Lines that do not
 * start with `{` cost one character test.
 */
export function jsonLogLevel(data: string): LogLevel | null {
  let i = 0;
  while (data.charCodeAt(i) === 0x20 || data.charCodeAt(i) === 0x09) i++;
  if (data.charCodeAt(i) !== 0x7b /* { */ || !LEVEL_KEY_HINT.test(data)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    const m = FIRST_KEY_LEVEL.exec(data);
    if (!m) return null;
    return m[1] !== undefined ? logLevelOf(m[1]) : logLevelOf(Number(m[2]));
  }
  if (!isRecord(parsed)) return null;
  for (const key of LEVEL_KEYS) {
    const level = logLevelOf(parsed[key]);
    if (level !== null) return level;
  }
  const nested = parsed.log;
  return isRecord(nested) ? logLevelOf(nested.level) : null;
}

/** A longer line is cut (a runaway minified JSON blob must not stall the viewer). */
export const MAX_LINE_CHARS = 16_384;

const ESC = 0x1b;
const BEL = 0x07;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const DEL = 0x7f;

/** Cheap pre-check: no control character at all means nothing to neutralise. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- the SGR sequences the sanitiser keeps
const SGR = /\u001b\[[0-9;]*m/g;

/** A visible stand-in for a C0 control (U+2400 block), so it shows but does nothing. */
function controlPicture(code: number): string {
  if (code === DEL) return '\u2421';
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  // C1 controls (U+0080–U+009F): xterm would parse 0x9B as CSI, 0x9D as OSC.
  return '\ufffd';
}

function clampByte(n: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.min(255, Math.round(n))) : 0;
}

/**
 * A 24-bit colour as the nearest xterm-256 palette index. xterm.js draws 24-bit
 * colours with an inline style attribute, which the production CSP (`style-src 'self'`)
 * refuses; palette colours are classes from the terminal's own stylesheet.
 */
export function rgbTo256(r: number, g: number, b: number): number {
  const [R, G, B] = [clampByte(r), clampByte(g), clampByte(b)];
  if (R === G && G === B) {
    if (R < 8) return 16;
    if (R > 248) return 231;
    return 232 + Math.round(((R - 8) / 247) * 23);
  }
  const q = (v: number): number => Math.round((v / 255) * 5);
  return 16 + 36 * q(R) + 6 * q(G) + q(B);
}

/**
 * Rewrites one SGR parameter list into the safe subset: 24-bit colours become palette
 * colours, underline colours and "conceal" (text made invisible) are dropped.
 * Returns null when nothing is left to say.
 */
function safeSgr(params: string): string | null {
  if (params === '') return '';
  const parts = params.split(';');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    // Colon sub-parameters (38:2::r:g:b, 38:5:n) carry a whole colour in one part.
    if (part.includes(':')) {
      const sub = part.split(':').map((s) => (s === '' ? Number.NaN : Number(s)));
      const [kind, mode] = sub;
      if ((kind === 38 || kind === 48) && mode === 5 && sub[2] !== undefined && sub[2] >= 0 && sub[2] <= 255)
        out.push(`${kind};5;${sub[2]}`);
      else if ((kind === 38 || kind === 48) && mode === 2) {
        // 38:2:r:g:b or 38:2:<colour space>:r:g:b
        const rgb = sub.length >= 6 ? sub.slice(3, 6) : sub.slice(2, 5);
        out.push(`${kind};5;${rgbTo256(rgb[0] ?? 0, rgb[1] ?? 0, rgb[2] ?? 0)}`);
      }
      continue;
    }
    const n = part === '' ? 0 : Number(part);
    if (n === 38 || n === 48 || n === 58) {
      const mode = Number(parts[i + 1]);
      if (mode === 5) {
        const index = Number(parts[i + 2]);
        if (n !== 58 && Number.isInteger(index) && index >= 0 && index <= 255) out.push(`${n};5;${index}`);
        i += 2;
      } else if (mode === 2) {
        if (n !== 58) out.push(`${n};5;${rgbTo256(Number(parts[i + 2]), Number(parts[i + 3]), Number(parts[i + 4]))}`);
        i += 4;
      } else {
        i += 1;
      }
      continue;
    }
    if (n === 8 || n === 59) continue;
    out.push(String(n));
  }
  return out.length === 0 ? null : out.join(';');
}

/**
 * Neutralises everything but colour: SGR sequences are kept (made CSP-safe), every
 * other CSI sequence, OSC (title, hyperlink, clipboard), DCS/SOS/PM/APC string and
 * two-byte escape is removed, a lone CR is dropped, an embedded LF becomes a new
 * terminal row, and other control characters are shown as control pictures.
 * Long lines are cut at `maxChars` with a note of how much was left out.
 */
export function sanitizeLogData(raw: string, maxChars = MAX_LINE_CHARS): string {
  let text = raw;
  let cutNote = '';
  if (text.length > maxChars) {
    let end = maxChars;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end -= 1; // keep surrogate pairs whole
    cutNote = ` … [${(text.length - end).toLocaleString('en-US')} more characters]`;
    text = text.slice(0, end);
  }
  if (!CONTROL.test(text)) return text + cutNote;

  let out = '';
  let plainFrom = 0;
  const n = text.length;
  let i = 0;
  const flush = (to: number): void => {
    if (to > plainFrom) out += text.slice(plainFrom, to);
  };
  while (i < n) {
    const code = text.charCodeAt(i);
    const isControl = code < 0x20 || (code >= DEL && code <= 0x9f);
    if (!isControl || code === TAB) {
      i++;
      continue;
    }
    flush(i);
    if (code === ESC) {
      i = skipEscape(text, i, (kept) => {
        out += kept;
      });
    } else if (code === LF) {
      out += '\r\n';
      i++;
    } else if (code === CR) {
      // CRLF line ends and progress-bar carriage returns would overwrite the prefix.
      i++;
    } else {
      out += controlPicture(code);
      i++;
    }
    plainFrom = i;
  }
  flush(n);
  return out + cutNote;
}

/** Skips the escape sequence at `start` (an ESC); hands a kept SGR to `keep`. Returns the index after it. */
function skipEscape(text: string, start: number, keep: (sgr: string) => void): number {
  const n = text.length;
  const next = text.charCodeAt(start + 1);
  if (start + 1 >= n) return n;
  if (next === 0x5b /* [ */) {
    let j = start + 2;
    while (j < n && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x3f) j++; // parameter bytes
    const paramsEnd = j;
    while (j < n && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j++; // intermediate bytes
    if (j >= n) return n;
    const final = text.charCodeAt(j);
    // Malformed: drop what was read and go on with the character that broke it.
    if (final < 0x40 || final > 0x7e) return j;
    const params = text.slice(start + 2, paramsEnd);
    if (final === 0x6d /* m */ && paramsEnd === j && /^[0-9;:]*$/.test(params)) {
      const safe = safeSgr(params);
      if (safe !== null) keep(`\u001b[${safe}m`);
    }
    return j + 1;
  }
  if (
    next === 0x5d /* ] OSC */ ||
    next === 0x50 /* P DCS */ ||
    next === 0x58 /* X SOS */ ||
    next === 0x5e /* ^ PM */ ||
    next === 0x5f /* _ APC */
  ) {
    // A control string: up to BEL or ST (ESC \); unterminated swallows the rest of the line.
    let j = start + 2;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === BEL) return j + 1;
      if (c === ESC) return text.charCodeAt(j + 1) === 0x5c ? j + 2 : j;
      j++;
    }
    return n;
  }
  // ESC, intermediates 0x20–0x2F, one final byte (RIS "ESC c", charset "ESC ( 0", DECSC…).
  let j = start + 1;
  while (j < n && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j++;
  if (j < n && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x7e) j++;
  return j;
}

/** The text without its SGR sequences (what search and grep match, and what a .log file holds). */
export function stripSgr(sanitised: string): string {
  return sanitised.includes('\u001b') ? sanitised.replace(SGR, '') : sanitised;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad3 = (n: number): string => String(n).padStart(3, '0');

/**
 * "15:38:17.123" or "03:38:17.123 PM": local time in the locale's clock, as every other
 * time in the app (lib/clock-format). Written by hand from the locale's clock style,
 * not by Intl per line: the tail formats tens of thousands of lines a second.
 */
function localTimeOfDay(d: Date, clock: ClockStyle): string {
  const hours = d.getHours();
  const time = `${pad2(clock.twelveHour ? hours % 12 || 12 : hours)}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}.${pad3(d.getMilliseconds())}`;
  return clock.twelveHour ? `${time} ${hours < 12 ? clock.am : clock.pm}` : time;
}

/**
 * "2017-04-06 15:38:17.123" (or "… 03:38:17.123 PM") in local time, in the locale's
 * clock; "2017-04-06 15:38:17.123Z" in UTC, which is ISO 8601 whatever the locale.
 */
export function formatLogTimestamp(epochMs: number, mode: Exclude<TimestampMode, 'off'>, clock: ClockStyle = clockStyle()): string {
  if (!Number.isFinite(epochMs)) return '????-??-?? ??:??:??.???';
  const d = new Date(epochMs);
  if (mode === 'utc') {
    return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${pad3(d.getUTCMilliseconds())}Z`;
  }
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${localTimeOfDay(d, clock)}`;
}

/** The instance number at the end of a container name ("api-3" → 3, "shop.web-12" → 12). */
export function instanceNumberOf(name: string): number | null {
  const m = /-(\d+)$/.exec(name);
  return m?.[1] === undefined ? null : Number(m[1]);
}

/**
 * Prefix colours: eight hues spread around the colour wheel (orange, sky blue, yellow,
 * blue, magenta, green, violet, teal — red is left to stderr), in an order where each
 * next colour is at least 75° of hue away from the one before and stays apart under
 * protanopia, deuteranopia and tritanopia simulation. They are 256-colour palette slots
 * whose standard colour already has that hue; terminal-view.module.css retunes each one
 * per theme (`--term-ansi-<slot>`, contrast ≥ 4.5:1 on the terminal's background) and
 * the terminal host hands them to xterm, so prefixes stay palette colours, drawn with
 * CSS classes (a 24-bit colour would be an inline style on every cell, see rgbTo256).
 * A line printing one of these slots itself gets the themed variant of the same hue.
 * The instance chips show the same slots; lib/log-instance-colours.ts decides which
 * container gets which.
 */
export const INSTANCE_COLOR_SLOTS: readonly number[] = [214, 39, 178, 69, 170, 41, 141, 43];
/** The OKLCH hue (degrees) of each slot's themed colour, the same in every theme. */
export const INSTANCE_COLOR_HUES: readonly number[] = [60, 230, 95, 265, 340, 145, 305, 185];
const INSTANCE_COLOR_COUNT = INSTANCE_COLOR_SLOTS.length;
/** SGR foreground of each slot. */
const PREFIX_SGR = INSTANCE_COLOR_SLOTS.map((slot) => `38;5;${slot}`);

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/**
 * The colour of a container, as an index into INSTANCE_COLOR_SLOTS: consecutive
 * instances of one service get consecutive colours (so instances 1–8 all differ, and
 * neighbours are far apart in hue), other services start elsewhere.
 */
export function instanceColorIndex(name: string): number {
  const instance = instanceNumberOf(name);
  if (instance === null) return hashString(name) % INSTANCE_COLOR_COUNT;
  const service = name.slice(0, name.length - String(instance).length - 1);
  return (hashString(service) + instance - 1) % INSTANCE_COLOR_COUNT;
}

interface TerminalLineOptions {
  timestamps: TimestampMode;
  /** Names are padded to this width so the data column lines up. */
  nameWidth: number;
  /** The container's colour (an index into INSTANCE_COLOR_SLOTS); default instanceColorIndex. */
  colourOf?: (name: string) => number;
}

/** stdout gets a thin bar, stderr a heavy red one: told apart by shape as well as colour. */
export const STDOUT_MARK = '│';
export const STDERR_MARK = '┃';

/**
 * How a level shows: a symbol and a word (so it does not rest on colour alone), the
 * colour of both, and the colour of the line's text. Warnings are yellow with ▲, errors
 * red with ✖, fatal ones red on an inverted tag; debug and trace are muted; info keeps
 * the text as it is. Every tag is 7 columns wide so the text after it lines up.
 */
export const LEVEL_TAGS: Readonly<Record<LogLevel, { tag: string; open: string; close: string; text: string | null }>> = {
  trace: { tag: '· TRACE', open: '90', close: '39', text: '90' },
  debug: { tag: '· DEBUG', open: '90', close: '39', text: '90' },
  info: { tag: '● INFO ', open: '34', close: '39', text: null },
  warn: { tag: '▲ WARN ', open: '1;33', close: '22;39', text: '33' },
  error: { tag: '✖ ERROR', open: '1;31', close: '22;39', text: '31' },
  fatal: { tag: '✖ FATAL', open: '1;7;31', close: '22;27;39', text: '31' },
};

/** "15:38:17.123" (or "03:38:17.123 PM") in local time: where a late line belongs when timestamps are off. */
function timeOfDay(epochMs: number): string {
  if (!Number.isFinite(epochMs)) return '??:??:??.???';
  return localTimeOfDay(new Date(epochMs), clockStyle());
}

/** One held line as terminal text, ending in a colour reset and CRLF. */
export function formatTerminalLine(line: HeldLogLine, options: TerminalLineOptions): string {
  // Muted with "bright black", not SGR 2 (dim): dim halves the contrast below 4.5:1.
  const ts = options.timestamps === 'off' ? '' : `\u001b[90m${formatLogTimestamp(line.at, options.timestamps)}\u001b[39m `;
  const colour = PREFIX_SGR[(options.colourOf ?? instanceColorIndex)(line.name)] ?? '36';
  const name = line.name.length < options.nameWidth ? line.name.padEnd(options.nameWidth) : line.name;
  const mark = line.stderr ? `\u001b[1;31m${STDERR_MARK}\u001b[22;39m` : `\u001b[90m${STDOUT_MARK}\u001b[39m`;
  // A line that came after later ones were shown sits at the end, saying so (and, with
  // timestamps off, when it was logged).
  const late = line.late ? `\u001b[7;90m${options.timestamps === 'off' ? ` late ${timeOfDay(line.at)} ` : ' late '}\u001b[27;39m ` : '';
  const look = line.level === null ? null : LEVEL_TAGS[line.level];
  // A JSON line that parsed holds no escape sequence of its own; one read from its first
  // key alone (cut short) may, and its own colours then simply win over the level's.
  const data =
    look === null
      ? line.data
      : `\u001b[${look.open}m${look.tag}\u001b[${look.close}m ${look.text === null ? line.data : `\u001b[${look.text}m${line.data}\u001b[39m`}`;
  return `${ts}\u001b[${colour}m${name}\u001b[39m ${mark} ${late}${data}\u001b[0m\r\n`;
}

/** One held line for a downloaded .log file: ISO time, container, stream, plain text. */
export function formatPlainLine(line: HeldLogLine): string {
  const at = Number.isFinite(line.at) ? new Date(line.at).toISOString() : 'unknown-time';
  return `${at} ${line.name} ${line.stderr ? 'stderr' : 'stdout'} ${stripSgr(line.data).replace(/\r\n/g, '\n')}\n`;
}

/** The text grep and search see for a line (name and data, no colours), lower-cased. */
export function searchableText(line: HeldLogLine): string {
  return `${line.name} ${stripSgr(line.data)}`.toLowerCase();
}

/** "production-shop.web-20170406-153817.log": the scope and the local time of the download. */
export function logFileName(label: string, epochMs: number): string {
  const d = new Date(epochMs);
  const stamp = `${d.getFullYear()}${pad2(d.getMonth() + 1)}${pad2(d.getDate())}-${pad2(d.getHours())}${pad2(d.getMinutes())}${pad2(d.getSeconds())}`;
  const safe = label.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'logs';
  return `${safe}-${stamp}.log`;
}
