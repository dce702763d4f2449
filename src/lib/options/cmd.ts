import { shellJoin, shellSplit } from '../shellwords';
import { brokenTextError } from './master-text';
import { fail, type ParseResult } from './result';

/** `--cmd`: one string split into words like the CLI does (Ruby `Shellwords.split`). */
export function parseCmd(raw: string): ParseResult<string[]> {
  const broken = brokenTextError(raw);
  return broken === null ? shellSplit(raw) : fail(broken);
}

/** A `cmd` array as the single `--cmd` string that splits back into the same words. */
export function formatCmd(cmd: readonly string[]): string {
  return shellJoin(cmd);
}
