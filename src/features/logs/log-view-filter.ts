/**
 * What the log view shows of the held lines: the instance, container and grep filters,
 * the timestamps and the scrollback, chosen in the page's options. A change of what is
 * shown redraws the terminal from the held lines; a change of the scrollback only
 * resizes what is held.
 */
import { instanceNumberOf, searchableText } from '../../lib/log-line-format';
import type { HeldLogLine, TimestampMode } from '../../lib/log-line-format';

export interface LogView {
  timestamps: TimestampMode;
  /** Shown instances (service scope); null or empty = all. */
  instances: ReadonlySet<number> | null;
  /** Shown containers by name (stack and grid scopes); null or empty = all. */
  containers: ReadonlySet<string> | null;
  /** Only lines containing this text (case-insensitive); "" = every line. */
  grep: string;
  scrollback: number;
}

export const DEFAULT_LOG_VIEW: LogView = { timestamps: 'local', instances: null, containers: null, grep: '', scrollback: 10_000 };

/** Whether a line passes the view's instance, container and grep filters. */
export function inView(line: HeldLogLine, view: Pick<LogView, 'instances' | 'containers' | 'grep'>): boolean {
  if (view.instances && view.instances.size > 0) {
    const n = instanceNumberOf(line.name);
    if (n === null || !view.instances.has(n)) return false;
  }
  if (view.containers && view.containers.size > 0 && !view.containers.has(line.name)) return false;
  return view.grep === '' || searchableText(line).includes(view.grep);
}

function sameSet<T>(a: ReadonlySet<T> | null, b: ReadonlySet<T> | null): boolean {
  const sa = a && a.size > 0 ? a : null;
  const sb = b && b.size > 0 ? b : null;
  if (sa === null || sb === null) return sa === sb;
  if (sa.size !== sb.size) return false;
  for (const v of sa) if (!sb.has(v)) return false;
  return true;
}

/** Whether going from one view to the other changes the lines shown or how they read. */
export function viewChangesLines(before: LogView, after: LogView): boolean {
  return (
    after.timestamps !== before.timestamps ||
    after.grep !== before.grep ||
    !sameSet(after.instances, before.instances) ||
    !sameSet(after.containers, before.containers)
  );
}
