/**
 * The `variables:` section of a stack file, read the way the CLI's Opto 1.8.4 group
 * reads it, keeping only what a browser can do: the form takes the place of `prompt`
 * and of the local environment (`env`), random values are made in JavaScript, and
 * `interpolate` is worked out from the other values. Sources that need the CLI's machine
 * or the master (vault, file, evaluate, service_instances, service_link,
 * vault_cert_prompt) and `to: vault` are refused with the line they are on.
 */
import { isRecord, pathText, problemAt, type LocatedYaml, type StackFileProblem } from './problems';

export type VariableType = 'string' | 'integer' | 'boolean' | 'enum' | 'uri';
const TYPES: readonly VariableType[] = ['string', 'integer', 'boolean', 'enum', 'uri'];

export type ScalarValue = string | number | boolean;

export interface EnumOption {
  value: ScalarValue;
  label: string;
  description: string;
}

/** Where a value comes from, in the order Opto tries them; the first non-empty one wins. */
export type VariableSource =
  | { kind: 'input' }
  | { kind: 'random_string'; length: number; charset: string }
  | { kind: 'random_number'; min: number; max: number }
  | { kind: 'random_uuid' }
  | { kind: 'interpolate'; template: string };

export interface VariableDefinition {
  name: string;
  type: VariableType;
  label: string;
  description: string | null;
  /** The `prompt:` question, when the file has one. */
  prompt: string | null;
  default: unknown;
  /** `value:`: a fixed value that is never asked. */
  fixed: unknown;
  /** Opto's default is required: a variable must end up with a value unless `required: false`. */
  required: boolean;
  sources: VariableSource[];
  /** `to: env: NAME`: `${NAME}` in the file reads this variable. */
  envAlias: string | null;
  onlyIf: unknown;
  skipIf: unknown;
  /** The type handler's options (min_length, max, truthy, schemes, in, …). */
  options: Record<string, unknown>;
  enumOptions: EnumOption[];
}

const COMMON_KEYS = new Set(['type', 'label', 'description', 'default', 'value', 'from', 'to', 'required', 'only_if', 'skip_if']);
const BROWSER_RESOLVERS = new Set(['prompt', 'env', 'random_string', 'random_number', 'random_uuid', 'interpolate']);
const RESOLVER_WHY: Record<string, string> = {
  vault: 'reads the master’s vault from the CLI',
  file: 'reads a file on the CLI’s machine',
  evaluate: 'evaluates an expression in the CLI',
  condition: 'is evaluated by the CLI',
  service_instances: 'asks the master from the CLI',
  service_link: 'lists the grid’s services in a terminal menu',
  vault_cert_prompt: 'lists the vault’s certificates in a terminal menu',
  default: 'is written as default:',
};
/** String options the browser cannot apply the way Ruby does. */
const UNSUPPORTED_STRING_OPTIONS = ['hexdigest', 'encode_64', 'decode_64'];

/** Opto's `from`/`to`: a name, a list of names, a list of one-key maps or a map. */
function normalizeFromTo(raw: unknown, name: string): [string, unknown][] | null {
  if (raw === undefined || raw === null) return [];
  if (typeof raw === 'string') return [[raw, name]];
  if (Array.isArray(raw)) {
    const entries: [string, unknown][] = [];
    for (const item of raw) {
      if (typeof item === 'string') entries.push([item, name]);
      else if (isRecord(item)) entries.push(...Object.entries(item));
      else return null;
    }
    return entries;
  }
  return isRecord(raw) ? Object.entries(raw) : null;
}

function randomStringSource(hint: unknown): VariableSource | null {
  if (typeof hint === 'number' && Number.isInteger(hint) && hint > 0)
    return { kind: 'random_string', length: hint, charset: 'alphanumeric' };
  if (isRecord(hint) && typeof hint.length === 'number' && Number.isInteger(hint.length) && hint.length > 0) {
    return { kind: 'random_string', length: hint.length, charset: typeof hint.charset === 'string' ? hint.charset : 'alphanumeric' };
  }
  return null;
}

function enumOptions(raw: unknown): EnumOption[] | null {
  if (raw === undefined || raw === null) return [];
  if (isRecord(raw)) return Object.entries(raw).map(([value, description]) => ({ value, label: value, description: String(description) }));
  if (!Array.isArray(raw)) return null;
  const out: EnumOption[] = [];
  for (const item of raw) {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
      out.push({ value: item, label: String(item), description: String(item) });
    } else if (isRecord(item) && (typeof item.value === 'string' || typeof item.value === 'number') && item.description !== undefined) {
      out.push({ value: item.value, label: String(item.label ?? item.value), description: String(item.description) });
    } else return null;
  }
  return out;
}

/** Every variable of the file, or the problems of the section. */
export function readVariableDefinitions(
  yaml: LocatedYaml,
  section: unknown,
): { definitions: VariableDefinition[]; problems: StackFileProblem[] } {
  const problems: StackFileProblem[] = [];
  const definitions: VariableDefinition[] = [];
  if (section === undefined || section === null) return { definitions, problems };
  if (!isRecord(section))
    return { definitions, problems: [problemAt(yaml, ['variables'], 'variables must be a mapping of variable names')] };
  for (const [name, raw] of Object.entries(section)) {
    const at = (key?: string): string[] => (key === undefined ? ['variables', name] : ['variables', name, key]);
    const fail = (key: string | undefined, text: string): void => {
      problems.push(problemAt(yaml, at(key), `${pathText(at(key))} ${text}`));
    };
    if (name === 'STACK' || name === 'GRID') {
      fail(undefined, 'is set by the CLI (the stack’s and the grid’s name) and cannot be declared');
      continue;
    }
    if (!isRecord(raw)) {
      fail(undefined, 'must be a mapping (type:, default:, from: …)');
      continue;
    }
    const type = typeof raw.type === 'string' ? raw.type.toLowerCase() : undefined;
    if (type === 'array') {
      fail('type', 'is array, which is not supported in the browser; use string');
      continue;
    }
    const knownType = TYPES.find((candidate) => candidate === type);
    if (knownType === undefined) {
      fail('type', `must be one of ${TYPES.join(', ')}`);
      continue;
    }
    for (const option of UNSUPPORTED_STRING_OPTIONS) {
      if (raw[option] !== undefined && raw[option] !== false) fail(option, 'is not supported in the browser');
    }
    const sources: VariableSource[] = [];
    let prompt: string | null = null;
    const from = normalizeFromTo(raw.from, name);
    if (from === null) fail('from', 'must be a resolver name, a list or a mapping');
    for (const [resolver, hint] of from ?? []) {
      const kind = resolver.toLowerCase();
      if (!BROWSER_RESOLVERS.has(kind)) {
        const why = RESOLVER_WHY[kind];
        fail('from', `uses ${kind}, which the browser cannot resolve${why === undefined ? '' : ` (it ${why})`}`);
        continue;
      }
      if (kind === 'prompt' || kind === 'env') {
        if (kind === 'prompt' && typeof hint === 'string' && hint !== name) prompt = hint;
        if (!sources.some((source) => source.kind === 'input')) sources.push({ kind: 'input' });
      } else if (kind === 'random_string') {
        const source = randomStringSource(hint);
        if (source === null) fail('from', 'random_string needs a length, or a mapping with length: and charset:');
        else sources.push(source);
      } else if (kind === 'random_number') {
        if (isRecord(hint) && typeof hint.min === 'number' && typeof hint.max === 'number') {
          sources.push({ kind: 'random_number', min: hint.min, max: hint.max });
        } else fail('from', 'random_number needs a mapping with min: and max:');
      } else if (kind === 'random_uuid') sources.push({ kind: 'random_uuid' });
      else if (typeof hint === 'string') sources.push({ kind: 'interpolate', template: hint });
      else fail('from', 'interpolate needs a text');
    }
    // The CLI's group adds `from: env` to every variable: the form stands in for it.
    if (!sources.some((source) => source.kind === 'input')) sources.push({ kind: 'input' });
    let envAlias: string | null = null;
    const to = normalizeFromTo(raw.to, name);
    if (to === null) fail('to', 'must be a setter name, a list or a mapping');
    for (const [setter, hint] of to ?? []) {
      if (setter === 'env') envAlias = typeof hint === 'string' ? hint : name;
      else
        fail(
          'to',
          `uses ${setter}, which the browser cannot do (it writes ${setter === 'vault' ? 'the master’s vault' : 'outside the stack'} from the CLI)`,
        );
    }
    const options: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) if (!COMMON_KEYS.has(key)) options[key] = value;
    const listed = knownType === 'enum' ? enumOptions(raw.options) : [];
    if (listed === null)
      fail('options', 'must be a list of values, a list of {value, label, description} or a mapping of value: description');
    else if (knownType === 'enum' && listed.length === 0) fail('options', 'must list the choices of an enum');
    definitions.push({
      name,
      type: knownType,
      label: typeof raw.label === 'string' ? raw.label : name,
      description: typeof raw.description === 'string' ? raw.description : null,
      prompt,
      default: raw.default,
      fixed: raw.value,
      required: raw.required !== false,
      sources,
      envAlias,
      onlyIf: raw.only_if,
      skipIf: raw.skip_if,
      options,
      enumOptions: listed ?? [],
    });
  }
  return { definitions, problems };
}
