/**
 * The `kontena stack install` / `kontena stack upgrade` line that does what the form
 * does, quoted like the service command lines (lib/cli-command.ts).
 */
import type { CommandLine } from '../cli-command';
import { shellEscape } from '../shellwords';
import type { ParsedStackFile } from './parse-stack-file';
import type { VariableInput } from './variable-values';

interface StackCommandOptions {
  /** The file name the line reads; "kontena.yml" unless given. */
  fileName?: string;
  /** Adds `--grid G`. */
  grid?: string;
}

/** `-v name=value` for every variable the form was given a value for, in the file's order. */
function variableOptions(file: ParsedStackFile, input: VariableInput): string[] {
  const args: string[] = [];
  for (const definition of file.variables) {
    const value = input[definition.name];
    if (value === undefined || value === '') continue;
    args.push(`-v ${shellEscape(`${definition.name}=${String(value)}`)}`);
  }
  return args;
}

function line(words: string[], warnings: string[]): CommandLine {
  return { line: words.join(' '), notExpressible: [], warnings };
}

const V_OPTION_WARNING =
  '-v: Kontena CLI 1.2 has no -v option (later CLIs do); with 1.2, write the values into a YAML file and give it as --values-from FILE';

function common(
  file: ParsedStackFile,
  input: VariableInput,
  options: StackCommandOptions,
): { grid: string[]; vars: string[]; warnings: string[] } {
  const vars = variableOptions(file, input);
  return {
    grid: options.grid === undefined ? [] : ['--grid', shellEscape(options.grid)],
    vars,
    warnings: vars.length > 0 ? [V_OPTION_WARNING] : [],
  };
}

/** `kontena stack install [--grid G] --name N [-v var=value …] kontena.yml`. */
export function stackInstallCommandLine(
  file: ParsedStackFile,
  name: string,
  input: VariableInput,
  options: StackCommandOptions = {},
): CommandLine {
  const { grid, vars, warnings } = common(file, input, options);
  const stackName = name === '' ? file.name : name;
  return line(
    ['kontena', 'stack', 'install', ...grid, '--name', shellEscape(stackName), ...vars, shellEscape(options.fileName ?? 'kontena.yml')],
    warnings,
  );
}

/** `kontena stack upgrade [--grid G] [-v var=value …] NAME kontena.yml`. */
export function stackUpgradeCommandLine(
  file: ParsedStackFile,
  name: string,
  input: VariableInput,
  options: StackCommandOptions = {},
): CommandLine {
  const { grid, vars, warnings } = common(file, input, options);
  return line(
    ['kontena', 'stack', 'upgrade', ...grid, ...vars, shellEscape(name), shellEscape(options.fileName ?? 'kontena.yml')],
    warnings,
  );
}
