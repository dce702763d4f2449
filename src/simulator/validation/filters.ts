/**
 * A small re-creation of the `mutations` gem (0.7.2) input filters, because the master's
 * 422 bodies are its error messages (docs/kontena-api.md §3.1): coercions, the order of
 * checks, "<Field Titleized> <text>" messages, nested objects for hashes and arrays with
 * null entries for arrays.
 */

export type ErrorNode = string | { [key: string]: ErrorNode } | (ErrorNode | null)[];
export type ErrorMap = Record<string, ErrorNode>;

type Symbolic =
  | 'required'
  | 'nils'
  | 'empty'
  | 'string'
  | 'integer'
  | 'float'
  | 'boolean'
  | 'hash'
  | 'array'
  | 'model'
  | 'matches'
  | 'in'
  | 'min'
  | 'max'
  | 'min_length'
  | 'max_length';

const TEXT: Record<Symbolic, string> = {
  required: 'is required',
  nils: "can't be nil",
  empty: "can't be blank",
  string: "isn't a string",
  integer: "isn't an integer",
  float: 'is invalid',
  boolean: "isn't a boolean",
  hash: "isn't a hash",
  array: "isn't an array",
  model: "isn't the right class",
  matches: "isn't in the right format",
  in: "isn't an option",
  min: 'is too small',
  max: 'is too big',
  min_length: 'is too short',
  max_length: 'is too long',
};

/** ActiveSupport `titleize`: "node_port" → "Node Port", "env[0]" → "Env[0]". */
function titleize(key: string): string {
  const human = key.replace(/_id$/, '').replace(/_/g, ' ');
  return human.replace(/\b[a-z]/g, (ch) => ch.toUpperCase());
}

function message(key: string, symbol: Symbolic): string {
  return `${titleize(key)} ${TEXT[symbol]}`;
}

export type FilterOutcome = { ok: true; value: unknown } | { ok: false; symbol: Symbolic } | { ok: false; nested: ErrorNode };

export interface Filter {
  /** `key` names the input in messages ("env[0]" for array elements). */
  run(value: unknown, key: string): FilterOutcome;
  readonly hasDefault: boolean;
  readonly defaultValue?: unknown;
}

interface CommonOptions {
  nils?: boolean;
  default?: unknown;
}

function base(opts: CommonOptions, run: (value: unknown, key: string) => FilterOutcome): Filter {
  return {
    run(value, key) {
      if (value === null || value === undefined) return opts.nils ? { ok: true, value: null } : { ok: false, symbol: 'nils' };
      return run(value, key);
    },
    hasDefault: 'default' in opts,
    defaultValue: opts.default,
  };
}

function isRubyInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && !Object.is(v, -0);
}

/**
 * Runs of what Ruby's `[[:print:]]` leaves out, tab, CR and LF apart: control characters,
 * U+2028/U+2029, surrogates and unassigned code points. StringFilter turns each run into
 * one space. Format characters (U+202E, U+200B, the ZWJ inside an emoji sequence) are
 * printable to Ruby and stay.
 */
const UNPRINTABLE = /(?:(?![\t\r\n])[\p{Cc}\p{Cs}\p{Cn}\u2028\u2029])+/gu;

/** Ruby `String#strip`: ASCII blanks only (a no-break space or U+3000 stays). */
function rubyStrip(s: string): string {
  return s.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
}

interface StringOptions extends CommonOptions {
  matches?: RegExp;
  in?: readonly string[];
  minLength?: number;
  maxLength?: number;
  empty?: boolean;
}

export function string(opts: StringOptions = {}): Filter {
  return base(opts, (raw) => {
    let v: unknown = raw;
    if (typeof v === 'number' || typeof v === 'boolean') v = String(v);
    if (typeof v !== 'string') return { ok: false, symbol: 'string' };
    const s = rubyStrip(v.replace(UNPRINTABLE, ' '));
    if (s === '') return opts.empty ? { ok: true, value: s } : { ok: false, symbol: 'empty' };
    if (opts.minLength !== undefined && s.length < opts.minLength) return { ok: false, symbol: 'min_length' };
    if (opts.maxLength !== undefined && s.length > opts.maxLength) return { ok: false, symbol: 'max_length' };
    if (opts.in && !opts.in.includes(s)) return { ok: false, symbol: 'in' };
    if (opts.matches && !opts.matches.test(s)) return { ok: false, symbol: 'matches' };
    return { ok: true, value: s };
  });
}

interface NumberOptions extends CommonOptions {
  min?: number;
  max?: number;
}

/** Ruby String#to_i for strings that already matched /^-?\d/. */
function rubyToI(s: string): number {
  const m = /^-?\d+/.exec(s);
  return m ? Number.parseInt(m[0], 10) : 0;
}

export function integer(opts: NumberOptions = {}): Filter {
  return base(opts, (raw) => {
    if (raw === '') return { ok: false, symbol: 'empty' };
    let v: number;
    if (isRubyInteger(raw)) v = raw;
    else if (typeof raw === 'string' && /^-?\d/.test(raw)) v = rubyToI(raw);
    else return { ok: false, symbol: 'integer' };
    if (opts.min !== undefined && v < opts.min) return { ok: false, symbol: 'min' };
    if (opts.max !== undefined && v > opts.max) return { ok: false, symbol: 'max' };
    return { ok: true, value: v };
  });
}

export function float(opts: NumberOptions = {}): Filter {
  return base(opts, (raw) => {
    if (raw === '') return { ok: false, symbol: 'empty' };
    let v: number;
    if (typeof raw === 'number') v = raw;
    else if (typeof raw === 'string' && /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(raw.trim())) v = Number.parseFloat(raw.trim());
    else return { ok: false, symbol: 'float' };
    if (opts.min !== undefined && v < opts.min) return { ok: false, symbol: 'min' };
    if (opts.max !== undefined && v > opts.max) return { ok: false, symbol: 'max' };
    return { ok: true, value: v };
  });
}

const BOOLS: Record<string, boolean> = { true: true, '1': true, false: false, '0': false };

export function boolean(opts: CommonOptions = {}): Filter {
  return base(opts, (raw) => {
    if (raw === true || raw === false) return { ok: true, value: raw };
    let v: unknown = raw;
    if (isRubyInteger(v)) v = String(v);
    if (typeof v !== 'string') return { ok: false, symbol: 'boolean' };
    if (v === '') return { ok: false, symbol: 'empty' };
    const b = BOOLS[v.toLowerCase()];
    return b === undefined ? { ok: false, symbol: 'boolean' } : { ok: true, value: b };
  });
}

/** A model input: JSON can never carry a Grid or Stack object. */
export function model(opts: CommonOptions = {}): Filter {
  return base(opts, () => ({ ok: false, symbol: 'model' }));
}

export function array(element: Filter, opts: CommonOptions = {}): Filter {
  return base(opts, (raw, key) => {
    if (!Array.isArray(raw)) return { ok: false, symbol: 'array' };
    const errors: (ErrorNode | null)[] = [];
    const values: unknown[] = [];
    let failed = false;
    raw.forEach((item: unknown, index) => {
      const elementKey = `${key}[${index}]`;
      const out = element.run(item, elementKey);
      if (out.ok) {
        errors.push(null);
        values.push(out.value);
      } else {
        failed = true;
        errors.push('symbol' in out ? message(elementKey, out.symbol) : out.nested);
      }
    });
    return failed ? { ok: false, nested: errors } : { ok: true, value: values };
  });
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface HashSpec {
  required?: Record<string, Filter>;
  optional?: Record<string, Filter>;
}

interface HashOptions extends CommonOptions {
  /** An optional explicit null is dropped silently, nested too (mutations 0.7.2 `discard_nils?`); false reports "can't be nil". */
  discardNils?: boolean;
}

export function hash(spec: HashSpec, opts: HashOptions = {}): Filter {
  return base(opts, (raw) => {
    if (!isPlainObject(raw)) return { ok: false, symbol: 'hash' };
    const result = runHash(spec, raw, opts.discardNils ?? true);
    return result.errors ? { ok: false, nested: result.errors } : { ok: true, value: result.value };
  });
}

interface HashResult {
  value: Record<string, unknown>;
  errors: ErrorMap | null;
}

export function runHash(spec: HashSpec, data: Record<string, unknown>, discardNils: boolean): HashResult {
  const value: Record<string, unknown> = {};
  const errors: ErrorMap = {};
  const groups: [Record<string, Filter>, boolean][] = [
    [spec.required ?? {}, true],
    [spec.optional ?? {}, false],
  ];
  const declared = new Set([...Object.keys(spec.required ?? {}), ...Object.keys(spec.optional ?? {})]);
  for (const [filters, isRequired] of groups) {
    for (const [key, filter] of Object.entries(filters)) {
      const keys = key === '*' ? Object.keys(data).filter((k) => !declared.has(k)) : [key];
      for (const k of keys) {
        if (!Object.hasOwn(data, k)) {
          if (filter.hasDefault) value[k] = filter.defaultValue;
          else if (isRequired) errors[k] = message(k, 'required');
          continue;
        }
        const raw = data[k];
        const out = filter.run(raw, k);
        if (out.ok) value[k] = out.value;
        else if (!isRequired && discardNils && 'symbol' in out && out.symbol === 'nils') continue;
        else errors[k] = 'symbol' in out ? message(k, out.symbol) : out.nested;
      }
    }
  }
  return { value, errors: Object.keys(errors).length > 0 ? errors : null };
}

/** Reads back a value a string filter produced (anything else would be a simulator bug → 500). */
export function stringValue(v: unknown): string {
  if (typeof v !== 'string') throw new Error('filtered value is not a string');
  return v;
}

/** Reads back a value an integer filter produced. */
export function numberValue(v: unknown): number {
  if (typeof v !== 'number') throw new Error('filtered value is not a number');
  return v;
}
