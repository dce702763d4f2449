import { fail, ok, type ParseResult } from './result';
import { rubySplit } from './ruby';
import { shownValue } from './shown-value';
import { brokenTextError } from './master-text';

export type VolumeSpec =
  | { kind: 'anonymous'; path: string }
  | { kind: 'bind'; hostPath: string; path: string; flags: string }
  | { kind: 'named'; volume: string; path: string; flags: string };

/**
 * The master's `parse_volume` (docs/kontena-api.md §5): `/path` is an anonymous volume,
 * `/host:/path[:flags…]` a bind mount and `name:/path[:flags…]` a named volume; extra
 * fields are the flags, joined with `,`. Anything else gets the master's own message.
 */
export function parseVolume(raw: string): ParseResult<VolumeSpec> {
  const value = raw.trim();
  const invalid = fail<VolumeSpec>(`Volume definition '${shownValue(value)}' not in right format`);
  const elements = rubySplit(value, ':');
  const [first, second] = elements;
  if (first === undefined) return invalid;
  if (second === undefined) return first.startsWith('/') ? ok({ kind: 'anonymous', path: first }) : invalid;
  if (!second.startsWith('/')) return invalid;
  const flags = elements.slice(2).join(',');
  if (first.startsWith('/')) return ok({ kind: 'bind', hostPath: first, path: second, flags });
  // The master would look up a volume named "" and store none: refuse it here.
  if (first === '') return invalid;
  return ok({ kind: 'named', volume: first, path: second, flags });
}

/** Back to the `-v` form. Flags go back with `:`, which the master splits again. */
export function formatVolume(spec: VolumeSpec): string {
  const flags = spec.kind !== 'anonymous' && spec.flags !== '' ? `:${spec.flags.split(',').join(':')}` : '';
  switch (spec.kind) {
    case 'anonymous':
      return spec.path;
    case 'bind':
      return `${spec.hostPath}:${spec.path}${flags}`;
    case 'named':
      return `${spec.volume}:${spec.path}${flags}`;
  }
}

/**
 * The master's check when updating a stateful service: a volume that is not already on
 * the service and has no `:` (an anonymous volume) cannot be added. Returns the master's
 * message, or null.
 */
export function statefulVolumesError(stateful: boolean, current: readonly string[], next: readonly string[]): string | null {
  if (!stateful) return null;
  const added = next.filter((volume) => !current.includes(volume));
  return added.some((volume) => !volume.includes(':')) ? 'Adding a non-named volume is not supported to a stateful service' : null;
}

/** One `--volumes-from` value, e.g. `data-%s` (`%s` is the instance number). */
export function parseVolumesFrom(raw: string): ParseResult<string> {
  const value = raw.trim();
  if (value === '') return fail("Volumes from can't be blank");
  const broken = brokenTextError(value);
  if (broken !== null) return fail(broken);
  if (/\s/.test(value)) return fail(`Invalid volumes-from value '${shownValue(value)}': a container name has no spaces`);
  if (/\p{Cc}/u.test(value)) return fail(`Invalid volumes-from value '${shownValue(value)}': a container name has no control characters`);
  return ok(value);
}

/** The master refuses volumes_from on a stateful service. Returns its message, or null. */
export function statefulVolumesFromError(stateful: boolean, volumesFrom: readonly string[]): string | null {
  return stateful && volumesFrom.length > 0 ? 'Cannot combine stateful & volumes_from' : null;
}
