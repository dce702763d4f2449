/**
 * Reading a pasted or uploaded `kontena.yml` (the stack file `kontena stack install`
 * reads; the CLI's validator calls it version 3) before any variable has a value. Finds
 * everything that does not depend on the values: YAML syntax, the stack's name and
 * version, the variables, references to unknown variables, and what the browser cannot
 * do (liquid templates, `build`, `env_file`, `extends` from another file or stack,
 * `pre_build` hooks). The services are checked field by field once the values are in
 * (build-stack-body.ts), because `${…}` can stand for any of their values.
 */
import { findReferences, protectBraces, restoreBraces } from './interpolate';
import { isRecord, pathText, problem, problemAt, readYaml, type StackFileProblem } from './problems';
import { readVariableDefinitions, type VariableDefinition } from './variable-definitions';

export interface ParsedStackFile {
  /** The file text as given: it is sent as the stack's `source`. */
  source: string;
  /** `stack:` as written, e.g. "user/wordpress" or "user/wordpress:1.0.0". */
  stack: string;
  /** The stack name the CLI takes from `stack:` ("wordpress"); `--name` overrides it. */
  name: string;
  version: string;
  description: string | null;
  variables: VariableDefinition[];
  /** What the CLI prints as notifications (e.g. an unknown top-level key) and goes on. */
  warnings: StackFileProblem[];
}

export type StackFileResult<T> = { ok: true; value: T } | { ok: false; problems: StackFileProblem[] };

const KNOWN_TOP_LEVEL_KEYS = new Set([
  'services',
  'errors',
  'volumes',
  'networks',
  'variables',
  'stack',
  'version',
  'data',
  'description',
  'expose',
]);

/** The CLI's `parse_stack_name`: "user/name:version" → name and version. */
function splitStackName(stack: string): { name: string; version: string | null } {
  const colon = stack.indexOf(':');
  const full = colon === -1 ? stack : stack.slice(0, colon);
  const slash = full.indexOf('/');
  return { name: slash === -1 ? full : full.slice(slash + 1), version: colon === -1 ? null : stack.slice(colon + 1) };
}

function liquidProblems(source: string): StackFileProblem[] {
  const problems: StackFileProblem[] = [];
  source.split(/\r\n|[\r\n]/).forEach((line, index) => {
    const tag = line.indexOf('{%');
    const output = line.indexOf('{{');
    if (tag !== -1)
      problems.push(problem(index + 1, tag + 1, 'liquid templates ({% … %}) are not supported; use variables and only_if/skip_if instead'));
    else if (output !== -1)
      problems.push(problem(index + 1, output + 1, 'liquid templates ({{ … }}) are not supported; use ${variable} instead'));
  });
  return problems;
}

/** Keys of a service the browser cannot carry out, found before interpolation. */
function serviceProblems(yamlAt: Parameters<typeof problemAt>[0], services: unknown): StackFileProblem[] {
  if (!isRecord(services)) return [];
  const problems: StackFileProblem[] = [];
  for (const [name, config] of Object.entries(services)) {
    if (!isRecord(config)) continue;
    const at = (key: string, ...rest: string[]): string[] => ['services', name, key, ...rest];
    if (config.build !== undefined) {
      problems.push(
        problemAt(
          yamlAt,
          at('build'),
          `${pathText(at('build'))} is not supported in the browser (the CLI builds images locally); build and push the image, then give its name as image:`,
        ),
      );
    }
    if (config.env_file !== undefined) {
      problems.push(
        problemAt(
          yamlAt,
          at('env_file'),
          `${pathText(at('env_file'))} is not supported in the browser (the CLI reads the file from its disk); write the variables under environment:`,
        ),
      );
    }
    const extendsValue = config.extends;
    if (isRecord(extendsValue) && (extendsValue.file !== undefined || extendsValue.stack !== undefined)) {
      const key = extendsValue.file !== undefined ? 'file' : 'stack';
      problems.push(
        problemAt(
          yamlAt,
          at('extends', key),
          `${pathText(at('extends', key))}: extending a service of another ${key === 'file' ? 'file' : 'stack'} is not supported in the browser; copy the service into this file`,
        ),
      );
    }
    if (isRecord(config.hooks) && config.hooks.pre_build !== undefined) {
      problems.push(
        problemAt(
          yamlAt,
          at('hooks', 'pre_build'),
          `${pathText(at('hooks', 'pre_build'))} is not supported in the browser (the CLI runs these commands before building)`,
        ),
      );
    }
  }
  return problems;
}

/**
 * What `kontena stack install` takes besides a file: a registry name (it downloads the
 * stack from the stacks registry) or a URL. The browser installs only pasted or uploaded
 * text.
 */
function notAFile(source: string): StackFileProblem | null {
  const text = source.trim();
  if (text.includes('\n')) return null;
  if (/^(?:https?|ftp):\/\//.test(text)) {
    return problem(1, 1, `loading a stack file from a URL (${text}) is not supported in the browser; open it and paste its text here`);
  }
  if (/^[\w.-]+\/[\w.-]+(?::\S*)?$/.test(text)) {
    return problem(
      1,
      1,
      `installing ${text} from the stacks registry is not supported in the browser; get the file (kontena stack registry pull ${text}) and paste its text here`,
    );
  }
  return null;
}

/** Parses a stack file; every problem names its line. */
export function parseStackFile(source: string): StackFileResult<ParsedStackFile> {
  if (source.trim() === '') return { ok: false, problems: [problem(1, null, 'the stack file is empty')] };
  const liquid = liquidProblems(source);
  if (liquid.length > 0) return { ok: false, problems: liquid };
  const elsewhere = notAFile(source);
  if (elsewhere !== null) return { ok: false, problems: [elsewhere] };
  const read = readYaml(protectBraces(source));
  if (!read.ok) return read;
  const yaml = { value: restoreBraces(read.yaml.value), at: read.yaml.at };
  const top = yaml.value;
  if (!isRecord(top)) return { ok: false, problems: [problem(1, null, 'a stack file must be a mapping (stack:, version:, services: …)')] };

  const problems: StackFileProblem[] = [];
  const warnings: StackFileProblem[] = [];
  const rawVersion = top.version;
  if (typeof top.stack !== 'string' || top.stack.trim() === '') {
    // docker-compose and `kontena app` files say version '2' and have no stack name.
    if ((typeof rawVersion === 'string' || typeof rawVersion === 'number') && /^[12](\.\d+)?$/.test(String(rawVersion))) {
      problems.push(
        problemAt(
          yaml,
          ['version'],
          `version ${String(rawVersion)} stack files are not supported; use stack file version 3 (a top-level stack: name, with version: the stack's own version)`,
        ),
      );
    } else {
      problems.push(problemAt(yaml, ['stack'], "the stack file must name the stack in a top-level 'stack:' (e.g. stack: user/wordpress)"));
    }
  }
  const stack = typeof top.stack === 'string' ? top.stack.trim() : '';
  const { name, version: versionFromName } = splitStackName(stack);
  if (stack !== '' && !/^(?!-)(\w|-)+$/.test(name)) {
    problems.push(
      problemAt(
        yaml,
        ['stack'],
        `stack: ${stack} gives the name ${name === '' ? "''" : name}, which is not a valid stack name (letters, digits, _ and -)`,
      ),
    );
  }
  let version: string | null = typeof rawVersion === 'string' ? rawVersion : null;
  if (typeof rawVersion === 'number') {
    // The master stringifies numbers the Ruby way: YAML 1.0 is the Float 1.0, "1.0".
    const written = /^version:\s*([^\s#]+)/m.exec(source)?.[1] ?? '';
    version = Number.isInteger(rawVersion) && /[.eE]/.test(written) ? `${rawVersion}.0` : String(rawVersion);
    warnings.push(
      problemAt(
        yaml,
        ['version'],
        `version ${written} is a number in YAML; the master stores it as the text ${version} (quote it to keep it as written)`,
      ),
    );
  } else if (rawVersion !== undefined && rawVersion !== null && version === null) {
    problems.push(problemAt(yaml, ['version'], "version must be a text such as '1.0.0'"));
  }
  for (const key of Object.keys(top)) {
    if (!KNOWN_TOP_LEVEL_KEYS.has(key)) warnings.push(problemAt(yaml, [key], `${key} is not a stack file key; the CLI ignores it`));
  }
  if (top.networks !== undefined) {
    warnings.push(
      problemAt(
        yaml,
        ['networks'],
        'networks are not supported by Kontena; services reach each other by name (service.stack.grid.kontena.local)',
      ),
    );
  }

  const variables = readVariableDefinitions(yaml, top.variables);
  problems.push(...variables.problems);
  problems.push(...serviceProblems(yaml, top.services));

  const known = new Set(['STACK', 'GRID', ...variables.definitions.map((definition) => definition.name)]);
  for (const definition of variables.definitions) if (definition.envAlias !== null) known.add(definition.envAlias);
  for (const reference of findReferences(source)) {
    if (!known.has(reference.name)) {
      problems.push(
        problem(
          reference.line,
          reference.column,
          `\${${reference.name}} refers to an undeclared variable; declare it under variables: (write $$ for a literal $)`,
        ),
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0)) };
  return {
    ok: true,
    value: {
      source,
      stack,
      name,
      version: version ?? versionFromName ?? '0.0.1',
      description: typeof top.description === 'string' ? top.description : null,
      variables: variables.definitions,
      warnings,
    },
  };
}
