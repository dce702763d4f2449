/**
 * The stack file's variables as form fields, and the values the form gave checked and
 * turned into what the CLI's Opto would hold: the same order of sources (the form's
 * answer where the CLI would prompt or read the environment, then random values, then
 * `default:`), the same type conversions (string transformations and empty-is-null,
 * integers, Opto's truthy words for booleans, enum options, uri schemes) and the same
 * rules (required unless `required: false`, `only_if`/`skip_if`, `in:`).
 */
import { interpolate } from './interpolate';
import type { StackVariableValue } from './stack-body';
import type { EnumOption, ScalarValue, VariableDefinition, VariableSource, VariableType } from './variable-definitions';
import type { ParsedStackFile } from './parse-stack-file';
import { isRecord } from './problems';

/** What the form gave: text inputs as strings, checkboxes as booleans; empty or missing means "no answer". */
export type VariableInput = Readonly<Record<string, string | boolean | undefined>>;

export interface VariableContext {
  /** The stack's name in the grid: `${STACK}`. */
  stackName: string;
  /** `${GRID}`. */
  grid: string;
  /** On upgrade, the installed stack's variable values: they replace the file's defaults, as the CLI does. */
  previousValues?: Readonly<Record<string, unknown>>;
  /** For random_string, random_number and random_uuid; Math.random unless a test gives its own. */
  random?: () => number;
}

export interface VariableField {
  name: string;
  type: VariableType;
  /** The prompt's question, else the label (the name unless the file gives one). */
  label: string;
  description: string | null;
  /** The value the field starts with; null when there is none (or it is made at random). */
  default: ScalarValue | null;
  required: boolean;
  /** Enum choices (value as text, for a select). */
  options: { value: string; label: string; description: string }[] | null;
  /** An enum that also takes other values. */
  canBeOther: boolean;
  /** `echo: false`: ask it like a password. */
  secret: boolean;
  /** Said when an empty answer is filled in at random, e.g. "a random 16-character text". */
  generatedWhenEmpty: string | null;
}

export type VariableValues = Record<string, StackVariableValue>;

export type VariableCheck = { ok: true; values: VariableValues } | { ok: false; errors: Record<string, string> };

const TRUTHY = ['true', 'yes', '1', 'on', 'enabled', 'enable'];

/** `${STACK}` and `${GRID}` in the variables' own settings; other references read as empty, as in the CLI. */
function internals(value: unknown, context: VariableContext): unknown {
  if (typeof value !== 'string') return value;
  return interpolate(value, (name) => (name === 'STACK' ? context.stackName : name === 'GRID' ? context.grid : null));
}

function defaultOf(definition: VariableDefinition, context: VariableContext): unknown {
  const previous = context.previousValues;
  if (previous !== undefined && Object.hasOwn(previous, definition.name)) return previous[definition.name];
  return internals(definition.default, context);
}

/** Everything before the form's answer that always gives a value makes the question moot. */
function answerIsUsed(definition: VariableDefinition): boolean {
  if (definition.fixed !== undefined && definition.fixed !== null) return false;
  for (const source of definition.sources) {
    if (source.kind === 'input') return true;
    if (source.kind !== 'interpolate') return false;
  }
  return true;
}

function generatedText(source: VariableSource | undefined): string | null {
  if (source === undefined) return null;
  if (source.kind === 'random_string') return `a random ${source.length}-character text (${source.charset})`;
  if (source.kind === 'random_number') return `a random number from ${source.min} to ${source.max}`;
  if (source.kind === 'random_uuid') return 'a random UUID';
  return null;
}

function asScalar(value: unknown): ScalarValue | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

const CHARSETS: Record<string, string> = {
  numbers: '0123456789',
  letters: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  downcase: 'abcdefghijklmnopqrstuvwxyz',
  upcase: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  alphanumeric: '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  hex: '0123456789abcdef',
  hex_upcase: '0123456789ABCDEF',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  ascii_printable: Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join(''),
};

function randomValue(source: VariableSource, random: () => number): ScalarValue | null {
  const pick = (count: number): number => Math.min(count - 1, Math.floor(random() * count));
  if (source.kind === 'random_string') {
    const charset = CHARSETS[source.charset] ?? source.charset;
    return Array.from({ length: source.length }, () => charset[pick(charset.length)] ?? '').join('');
  }
  if (source.kind === 'random_number') return source.min + pick(source.max - source.min + 1);
  if (source.kind === 'random_uuid') {
    const hex = Array.from({ length: 32 }, () => pick(16).toString(16));
    hex[12] = '4';
    hex[16] = (8 + pick(4)).toString(16);
    const text = hex.join('');
    return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
  }
  return null;
}

/** Opto's type handlers: the raw value into the value, or an error message. */
function convert(definition: VariableDefinition, raw: unknown): { value: StackVariableValue } | { error: string } {
  const options = definition.options;
  switch (definition.type) {
    case 'boolean': {
      if (raw === undefined || raw === null) return { value: options.nil_is === true };
      if (typeof raw === 'boolean') return { value: raw };
      const text = String(raw).trim().toLowerCase();
      if (text === '') return { value: options.blank_is === true };
      const truthy = Array.isArray(options.truthy) ? options.truthy.map(String) : TRUTHY;
      return { value: truthy.includes(text) };
    }
    case 'integer': {
      if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
        return { value: options.nil_is_zero === true ? 0 : null };
      }
      const text = String(raw).trim();
      if (!/^[-+]?\d+$/.test(text)) return { error: `must be a whole number, not ${JSON.stringify(text)}` };
      const number = Number.parseInt(text, 10);
      const min = typeof options.min === 'number' ? options.min : 0;
      if (number < min) return { error: `must be at least ${min}` };
      if (typeof options.max === 'number' && number > options.max) return { error: `must be at most ${options.max}` };
      return { value: number };
    }
    case 'enum': {
      if (raw === undefined || raw === null || raw === '') return { value: null };
      const match = definition.enumOptions.find((option: EnumOption) => String(option.value) === String(raw));
      if (match !== undefined) return { value: match.value };
      if (options.can_be_other === true) return { value: asScalar(raw) };
      return { error: `must be one of ${definition.enumOptions.map((option) => String(option.value)).join(', ')}` };
    }
    case 'uri':
    case 'string': {
      if (raw === undefined || raw === null) return { value: null };
      let text = String(raw);
      if (definition.type === 'string') {
        if (options.upcase === true) text = text.toUpperCase();
        if (options.downcase === true) text = text.toLowerCase();
        if (options.strip === true) text = text.trim();
        if (options.chomp === true) text = text.replace(/(\r\n|\r|\n)$/, '');
        if (options.capitalize === true) text = text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
        if (options.empty_is_nil !== false && text.trim() === '') return { value: null };
        if (typeof options.min_length === 'number' && text.length < options.min_length) {
          return { error: `is too short: at least ${options.min_length} characters` };
        }
        if (typeof options.max_length === 'number' && text.length > options.max_length) {
          return { error: `is too long: at most ${options.max_length} characters` };
        }
        return { value: text };
      }
      if (text.trim() === '') return { value: null };
      const schemes = Array.isArray(options.schemes) ? options.schemes.map(String) : ['http', 'https'];
      const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text)?.[1]?.toLowerCase() ?? null;
      if (schemes.length > 0 && (scheme === null || !schemes.includes(scheme)))
        return { error: `must be a URI starting with ${schemes.map((s) => `${s}://`).join(' or ')}` };
      return { value: text };
    }
  }
}

/** Opto's "is this variable true" for `only_if`/`skip_if` names. */
function isTrue(definition: VariableDefinition, value: StackVariableValue): boolean {
  if (definition.type === 'boolean') return value === true;
  if (definition.type === 'string') return typeof value === 'string' && value.trim() !== '' && value !== 'false';
  if (definition.type === 'uri') return value !== null && String(value).trim() !== '';
  return value !== null;
}

interface Resolution {
  values: VariableValues;
  errors: Record<string, string>;
  skipped: Set<string>;
}

/** Resolves every variable; conditions and `interpolate` read the others (lazily, in any order). */
function resolveAll(file: ParsedStackFile, input: VariableInput, context: VariableContext): Resolution {
  const byName = new Map(file.variables.map((definition) => [definition.name, definition]));
  const values: VariableValues = {};
  const errors: Record<string, string> = {};
  const skipped = new Set<string>();
  const busy = new Set<string>();
  const random = context.random ?? Math.random;

  const valueOf = (name: string): StackVariableValue => {
    if (name === 'STACK') return context.stackName;
    if (name === 'GRID') return context.grid;
    if (Object.hasOwn(values, name)) return values[name] ?? null;
    const definition = byName.get(name);
    if (definition === undefined || busy.has(name)) return null;
    busy.add(name);
    const value = resolveOne(definition);
    busy.delete(name);
    values[name] = value;
    return value;
  };

  const conditionHolds = (condition: unknown, every: boolean): boolean => {
    const checks: boolean[] = [];
    if (typeof condition === 'string') checks.push(truthOf(condition));
    else if (Array.isArray(condition)) checks.push(...condition.map((name) => truthOf(String(name))));
    else if (isRecord(condition)) checks.push(...Object.entries(condition).map(([name, wanted]) => valueOf(name) === wanted));
    return every ? checks.every(Boolean) : checks.some(Boolean);
  };
  const truthOf = (name: string): boolean => {
    const definition = byName.get(name);
    return definition !== undefined && isTrue(definition, valueOf(name));
  };

  const resolveOne = (definition: VariableDefinition): StackVariableValue => {
    const skip =
      (definition.skipIf !== undefined && conditionHolds(definition.skipIf, false)) ||
      (definition.onlyIf !== undefined && !conditionHolds(definition.onlyIf, true));
    if (skip) {
      skipped.add(definition.name);
      return null;
    }
    let raw: unknown = internals(definition.fixed, context);
    if (raw === undefined || raw === null) {
      for (const source of definition.sources) {
        if (source.kind === 'input') {
          const answer = input[definition.name];
          raw = answer === '' ? undefined : answer;
        } else if (source.kind === 'interpolate') {
          const text = interpolate(source.template, (name) => valueOf(name));
          raw = text === '' ? undefined : text;
        } else raw = randomValue(source, random);
        if (raw !== undefined && raw !== null) break;
      }
    }
    if (raw === undefined || raw === null) raw = defaultOf(definition, context);
    const converted = convert(definition, raw);
    if ('error' in converted) {
      errors[definition.name] = `${definition.label} ${converted.error}`;
      return null;
    }
    const allowed = definition.options.in;
    if (
      converted.value !== null &&
      Array.isArray(allowed) &&
      allowed.length > 0 &&
      !allowed.some((item) => String(item) === String(converted.value))
    ) {
      errors[definition.name] = `${definition.label} must be one of ${allowed.map(String).join(', ')}`;
    } else if (converted.value === null && definition.required) {
      errors[definition.name] = `${definition.label} needs a value`;
    }
    return converted.value;
  };

  for (const definition of file.variables) valueOf(definition.name);
  return { values, errors, skipped };
}

/** The default as the field holds it: an enum's as text, like its options' values. */
function fieldDefault(definition: VariableDefinition, context: VariableContext): ScalarValue | null {
  const value = asScalar(defaultOf(definition, context));
  return definition.type === 'enum' && value !== null ? String(value) : value;
}

/**
 * The variables the form should ask, in the file's order, given the answers so far
 * (`only_if`/`skip_if` can hide a variable once another one has a value).
 */
export function describeVariables(file: ParsedStackFile, input: VariableInput, context: VariableContext): VariableField[] {
  const { skipped } = resolveAll(file, input, { ...context, random: () => 0 });
  return file.variables
    .filter((definition) => !skipped.has(definition.name) && answerIsUsed(definition))
    .map((definition) => {
      const inputAt = definition.sources.findIndex((source) => source.kind === 'input');
      const fallback = definition.sources.slice(inputAt + 1).find((source) => source.kind !== 'interpolate');
      return {
        name: definition.name,
        type: definition.type,
        label: definition.prompt ?? definition.label,
        description: definition.description,
        default: fieldDefault(definition, context),
        required: definition.required && definition.type !== 'boolean',
        options:
          definition.type === 'enum'
            ? definition.enumOptions.map((option) => ({
                value: String(option.value),
                label: option.label,
                description: option.description,
              }))
            : null,
        canBeOther: definition.type === 'enum' && definition.options.can_be_other === true,
        secret: definition.options.echo === false,
        generatedWhenEmpty: generatedText(fallback),
      };
    });
}

/** Checks the form's values; on success, every variable's value by name (null when skipped). */
export function checkVariableValues(file: ParsedStackFile, input: VariableInput, context: VariableContext): VariableCheck {
  const { values, errors } = resolveAll(file, input, context);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // In the file's order, whichever order conditions and interpolations resolved them in.
  return { ok: true, values: Object.fromEntries(file.variables.map((definition) => [definition.name, values[definition.name] ?? null])) };
}
