/**
 * What `kontena stack ls` and `kontena stack show` print, from StackJson
 * (docs/kontena-api-grid.md G3.2, G3.8), and who links to a stack from other stacks (G3.6).
 */
import type { Service } from '../../api/schemas/service';
import type { Stack } from '../../api/schemas/stack';
import { serviceDisplayName, tryParseServiceId } from '../../api/service-ref';
import type { StatusTone } from '../../components/status-badge';

type StackState = Stack['state'];

/** partially_running is a warning: some of it runs, some not; a failed deploy usually ends there (G3.2). */
export const stackStateTone: Record<StackState, StatusTone> = {
  initialized: 'info',
  deploying: 'warn',
  stopped: 'neutral',
  running: 'ok',
  partially_running: 'warn',
};

/** "partially running": the master's word, readable. */
export function stackStateLabel(state: StackState): string {
  return state.replace('_', ' ');
}

/** The STACK column: "kontena/wordpress:0.3.0"; null for a stack without a revision. */
export function stackAndVersion(stack: Stack): string | null {
  if (stack.stack === null) return null;
  return stack.version === null ? stack.stack : `${stack.stack}:${stack.version}`;
}

/** The EXPOSED PORTS column: each service's ports as `ip:node->container/protocol`, 0.0.0.0 shown as `*` (G3.8). */
export function exposedPorts(stack: Stack): string[] {
  return stack.services.flatMap((service) =>
    service.ports.map((p) => `${p.ip === '0.0.0.0' ? '*' : p.ip}:${p.node_port}->${p.container_port}/${p.protocol}`),
  );
}

/** A service of another stack (the default one too) linking to services of this stack. */
export interface StackLinker {
  /** "other/app", or "app" in the default stack. */
  from: string;
  ref: { grid: string; stack: string; name: string };
  /** The names of this stack's services it links to. */
  to: string[];
}

/**
 * The services outside `stack` whose `links` point at its services: the master refuses to
 * remove a stack while there are any (422 "Cannot delete service that is linked from
 * another stack", G3.6). Links are shown as `{id: "G/S/N"}` (API §4.10).
 */
export function linkersOf(services: readonly Service[], grid: string, stack: string): StackLinker[] {
  const out: StackLinker[] = [];
  for (const service of services) {
    if (service.stack.name === stack) continue;
    const to = service.links.flatMap((link) => {
      const target = tryParseServiceId(link.id);
      return target !== null && target.grid === grid && target.stack === stack ? [target.name] : [];
    });
    if (to.length === 0) continue;
    const ref = { grid, stack: service.stack.name, name: service.name };
    out.push({ from: serviceDisplayName(ref), ref, to });
  }
  return out;
}

/** "a, b and 3 more" for a sentence. */
export function listNames(names: readonly string[], max = 12): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
