/**
 * Problems found in a stack file, each tied to the line (and column) it is about, so the
 * form can show "line 12: …" next to the pasted text.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Tags } from 'yaml';

export interface StackFileProblem {
  /** 1-based. */
  line: number;
  /** 1-based, or null when the problem is about a whole line. */
  column: number | null;
  /** The whole sentence, starting with "line N: ". */
  message: string;
}

export function problem(line: number, column: number | null, text: string): StackFileProblem {
  return { line, column, message: `line ${line}: ${text}` };
}

export type PathSegment = string | number;

/** A parsed YAML text that can say where a key path is written. */
export interface LocatedYaml {
  value: unknown;
  /** Line and column of the key at `path` (of its deepest existing parent when it is missing). */
  at(path: readonly PathSegment[]): { line: number; column: number };
}

/**
 * Psych's booleans: YAML 1.1's words without the one-letter y/Y/n/N, which Psych reads
 * as text (so a variable may be called `n`).
 */
function psychBooleans(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag !== 'object' || tag.tag !== 'tag:yaml.org,2002:bool' || !('test' in tag) || tag.test === undefined) return tag;
    const test = tag.test.test('true') ? /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/ : /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
    return { ...tag, test };
  });
}

/**
 * YAML 1.1, as the CLI's Psych reads it: `yes`/`on` are booleans and `22:22` is the
 * base-60 number 1342. Syntax errors come back as problems.
 */
export function readYaml(text: string): { ok: true; yaml: LocatedYaml } | { ok: false; problems: StackFileProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: '1.1', customTags: psychBooleans, lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        return problem(pos.line, pos.col, `the file is not valid YAML: ${error.message.split('\n')[0] ?? error.message}`);
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, problems: [problem(1, null, `the file is not valid YAML: ${String(error)}`)] };
  }
  return { ok: true, yaml: { value, at: (path) => locate(doc, lineCounter, path) } };
}

function locate(doc: Document, lineCounter: LineCounter, path: readonly PathSegment[]): { line: number; column: number } {
  let node: unknown = doc.contents;
  let offset = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair === undefined) break;
      if (isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item === undefined) break;
      if ((isScalar(item) || isMap(item) || isSeq(item)) && item.range) offset = item.range[0];
      node = item;
    } else break;
  }
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** A problem at the key of `path`, written as `services.web.build …`. */
export function problemAt(yaml: LocatedYaml, path: readonly PathSegment[], text: string): StackFileProblem {
  const { line, column } = yaml.at(path);
  return problem(line, column, text);
}

export function pathText(path: readonly PathSegment[]): string {
  return path.map(String).join('.');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
