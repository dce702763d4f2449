/**
 * The request bodies of `kontena stack install` (POST /v1/grids/G/stacks) and `kontena
 * stack upgrade` (PUT /v1/stacks/G/S) from a parsed stack file and the form's variable
 * values (docs/kontena-api-grid.md G3.3, G3.4). The file is rendered the CLI's way (the
 * values interpolated into the text, then parsed again, so problems keep their line
 * numbers), services and volumes skipped by `only_if`/`skip_if` are left out, `extends`
 * within the file is merged, and every service goes through the CLI's generator.
 */
import { interpolate } from './interpolate';
import type { ParsedStackFile } from './parse-stack-file';
import { isRecord, problemAt, readYaml, type LocatedYaml, type StackFileProblem } from './problems';
import { generateService } from './service-generator';
import type { StackBody, StackServiceBody, StackVariableValue, StackVolumeBody } from './stack-body';
import { checkVariableValues, type VariableInput, type VariableValues } from './variable-values';

export type StackBodyResult =
  | { ok: true; body: StackBody; warnings: StackFileProblem[] }
  /** `variables`: a message per variable whose value is refused; `problems`: the rendered file's. */
  | { ok: false; variables: Record<string, string>; problems: StackFileProblem[] };

interface RenderOptions {
  grid: string;
  /** The stack's name in the grid: `${STACK}`. */
  stackName: string;
  previousValues?: Readonly<Record<string, unknown>>;
  random?: () => number;
}

/** The stack reader's `only_if`/`skip_if` for services and volumes (its own, looser truth than Opto's). */
function included(config: Record<string, unknown>, values: VariableValues): boolean {
  const truthy = (name: unknown): boolean => {
    const value = values[String(name)] ?? null;
    return value !== null && value !== false && value !== 'false';
  };
  const checks = (condition: unknown): boolean[] | null => {
    if (condition === undefined || condition === null) return null;
    if (typeof condition === 'string') return [truthy(condition)];
    if (Array.isArray(condition)) return condition.map(truthy);
    if (isRecord(condition)) return Object.entries(condition).map(([name, wanted]) => (values[name] ?? null) === wanted);
    return null;
  };
  const skip = checks(config.skip_if);
  if (skip !== null && skip.some(Boolean)) return false;
  const only = checks(config.only_if);
  return only === null || only.every(Boolean);
}

function withoutConditions(config: Record<string, unknown>): Record<string, unknown> {
  const { only_if: _onlyIf, skip_if: _skipIf, ...rest } = config;
  return rest;
}

/** An `environment:` map as the CLI's list of KEY=VALUE. */
function environmentList(value: unknown): unknown {
  return isRecord(value)
    ? Object.entries(value).map(([key, item]) => `${key}=${item === null || item === undefined ? '' : String(item)}`)
    : value;
}

const envKey = (entry: unknown): string => String(entry).split('=')[0] ?? '';

/**
 * `extends: other` (or `{service: other}`) within the file: the parent's keys, then the
 * child's over them; environment entries and secrets are merged, the child's winning.
 */
function extended(
  yaml: LocatedYaml,
  services: Record<string, unknown>,
  name: string,
  seen: string[],
  problems: StackFileProblem[],
): Record<string, unknown> | null {
  const raw = services[name];
  if (!isRecord(raw)) return null;
  const config: Record<string, unknown> = { ...raw, environment: environmentList(raw.environment) };
  if (config.environment === undefined) delete config.environment;
  const from = config.extends;
  if (from === undefined) return config;
  delete config.extends;
  const parentName = typeof from === 'string' ? from : isRecord(from) && typeof from.service === 'string' ? from.service : null;
  if (parentName === null || !isRecord(services[parentName])) {
    problems.push(
      problemAt(
        yaml,
        ['services', name, 'extends'],
        `services.${name}.extends names ${parentName ?? 'no service'}, which is not a service of this file`,
      ),
    );
    return null;
  }
  if (seen.includes(parentName)) {
    problems.push(
      problemAt(
        yaml,
        ['services', name, 'extends'],
        `services.${name}.extends goes round in a circle (${[...seen, parentName].join(' → ')})`,
      ),
    );
    return null;
  }
  const parent = extended(yaml, services, parentName, [...seen, parentName], problems);
  if (parent === null) return null;
  const childEnv = Array.isArray(config.environment) ? config.environment : [];
  const parentEnv = Array.isArray(parent.environment) ? parent.environment : [];
  const childSecrets = Array.isArray(config.secrets) ? config.secrets : [];
  const parentSecrets = Array.isArray(parent.secrets) ? parent.secrets : [];
  const secretOf = (item: unknown): unknown => (isRecord(item) ? item.secret : undefined);
  const merged: Record<string, unknown> = { ...withoutConditions(parent), ...config };
  const env = [...childEnv, ...parentEnv.filter((entry) => !childEnv.some((own) => envKey(own) === envKey(entry)))];
  if (env.length > 0 || config.environment !== undefined) merged.environment = env;
  const secrets = [...childSecrets, ...parentSecrets.filter((item) => !childSecrets.some((own) => secretOf(own) === secretOf(item)))];
  if (secrets.length > 0 || config.secrets !== undefined) merged.secrets = secrets;
  return merged;
}

function volumeBodies(yaml: LocatedYaml, volumes: unknown, values: VariableValues, problems: StackFileProblem[]): StackVolumeBody[] {
  if (volumes === undefined || volumes === null) return [];
  if (!isRecord(volumes)) {
    problems.push(problemAt(yaml, ['volumes'], 'volumes must be a mapping of volume names'));
    return [];
  }
  const out: StackVolumeBody[] = [];
  for (const [name, config] of Object.entries(volumes)) {
    if (!isRecord(config)) {
      problems.push(problemAt(yaml, ['volumes', name], `volumes.${name} must be a mapping (external: …)`));
      continue;
    }
    if (!included(config, values)) continue;
    const external = config.external;
    if (external === true) out.push({ external: name, name });
    else if (isRecord(external) && typeof external.name === 'string') out.push({ external: external.name, name });
    else {
      problems.push(
        problemAt(
          yaml,
          ['volumes', name],
          `volumes.${name} needs external: true or external: {name: <grid volume>} (the master supports only external volumes)`,
        ),
      );
    }
  }
  return out;
}

function render(file: ParsedStackFile, input: VariableInput, options: RenderOptions, bodyName: string): StackBodyResult {
  const checked = checkVariableValues(file, input, options);
  if (!checked.ok) return { ok: false, variables: checked.errors, problems: [] };
  const values = checked.values;
  // `to: env: NAME` makes `${NAME}` read the variable (the CLI sets a local environment variable).
  const aliases = new Map<string, StackVariableValue>();
  for (const definition of file.variables) {
    const value = values[definition.name] ?? null;
    if (definition.envAlias !== null && value !== null) aliases.set(definition.envAlias, value);
  }
  const rendered = interpolate(file.source, (name) => {
    if (name === 'STACK') return options.stackName;
    if (name === 'GRID') return options.grid;
    return Object.hasOwn(values, name) ? values[name] : aliases.get(name);
  });
  const read = readYaml(rendered);
  if (!read.ok)
    return {
      ok: false,
      variables: {},
      problems: read.problems.map((p) => ({ ...p, message: `${p.message} (after filling in the variables)` })),
    };
  const { yaml } = read;
  const top = isRecord(yaml.value) ? yaml.value : {};
  const problems: StackFileProblem[] = [];
  const warnings: StackFileProblem[] = [...file.warnings];

  const servicesSection = top.services ?? {};
  const services: StackServiceBody[] = [];
  if (!isRecord(servicesSection)) problems.push(problemAt(yaml, ['services'], 'services must be a mapping of service names'));
  else {
    for (const [name, raw] of Object.entries(servicesSection)) {
      if (!isRecord(raw)) {
        problems.push(problemAt(yaml, ['services', name], `services.${name} must be a mapping`));
        continue;
      }
      if (!included(raw, values)) continue;
      const config = extended(yaml, servicesSection, name, [name], problems);
      if (config === null) continue;
      const generated = generateService(yaml, name, withoutConditions(config), top.volumes);
      problems.push(...generated.problems);
      warnings.push(...generated.warnings);
      if (generated.service !== null) services.push(generated.service);
    }
  }
  const volumes = volumeBodies(yaml, top.volumes, values, problems);
  if (problems.length === 0 && services.length === 0 && volumes.length === 0) {
    problems.push(problemAt(yaml, ['services'], 'the file does not list any services or volumes'));
  }
  const expose = top.expose ?? null;
  if (expose !== null && (typeof expose !== 'string' || !services.some((service) => service.name === expose))) {
    problems.push(problemAt(yaml, ['expose'], `expose: ${String(expose)} is not a service of this stack`));
  }
  if (problems.length > 0) return { ok: false, variables: {}, problems: problems.sort((a, b) => a.line - b.line) };
  return {
    ok: true,
    body: {
      name: bodyName,
      stack: file.stack,
      expose: typeof expose === 'string' ? expose : null,
      version: file.version,
      source: file.source,
      registry: 'file://',
      services,
      volumes,
      variables: values,
    },
    warnings,
  };
}

export interface InstallOptions {
  grid: string;
  /** `--name`; the name in the file's `stack:` when missing. */
  name?: string;
  random?: () => number;
}

/** The body of `kontena stack install [--name N] kontena.yml` (G3.3). */
export function buildStackInstallBody(file: ParsedStackFile, input: VariableInput, options: InstallOptions): StackBodyResult {
  const name = options.name === undefined || options.name === '' ? file.name : options.name;
  return render(file, input, { grid: options.grid, stackName: name, random: options.random }, name);
}

export interface UpgradeOptions {
  grid: string;
  /** The installed stack's name. */
  name: string;
  /** The installed stack's `variables`: the CLI uses them as the defaults. */
  previousValues: Readonly<Record<string, unknown>> | null;
  random?: () => number;
}

/**
 * The body of `kontena stack upgrade NAME kontena.yml` (G3.4). Its `name` is the one in
 * the file's `stack:`, as the CLI sends it: the master ignores it (a stack cannot be
 * renamed), while `${STACK}` is the installed stack's name.
 */
export function buildStackUpgradeBody(file: ParsedStackFile, input: VariableInput, options: UpgradeOptions): StackBodyResult {
  return render(
    file,
    input,
    { grid: options.grid, stackName: options.name, previousValues: options.previousValues ?? undefined, random: options.random },
    file.name,
  );
}
