import { brokenTextError } from './master-text';
import { fail, ok, type ParseResult } from './result';
import { shownValue } from './shown-value';

/** The master's rule for `net`. */
const NET_PATTERN = /^(bridge|host|container:.+)$/;

/** `--net`: `bridge` (the default, on the grid's overlay network), `host` or `container:<name>`. */
export function parseNet(raw: string): ParseResult<string> {
  const value = raw.trim();
  const broken = brokenTextError(value);
  if (broken !== null) return fail(broken);
  if (!NET_PATTERN.test(value))
    return fail(`Net isn't in the right format: use bridge, host or container:<name>, not '${shownValue(value)}'`);
  return ok(value);
}

/** `--pid`: only `host` exists. The master applies it on create and ignores it on update. */
export function parsePid(raw: string): ParseResult<'host'> {
  const value = raw.trim();
  return value === 'host' ? ok('host') : fail(`Pid isn't in the right format: the only value is host, not '${shownValue(value)}'`);
}
