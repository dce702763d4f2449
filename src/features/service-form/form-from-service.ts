import type { Service } from '../../api/schemas/service';
import { parseAffinity } from '../../lib/options/affinity';
import { formatCmd } from '../../lib/options/cmd';
import { formatRelativeTime } from '../../lib/options/deploy';
import { envKey, envValue } from '../../lib/options/env';
import { formatMemory } from '../../lib/options/memory';
import { formatPort } from '../../lib/options/ports';
import type { AffinityRow, NetMode, ServiceForm } from './service-form-model';

/** How the form names a link target: `N` inside the linking service's own stack, `S/N` otherwise. */
export function linkTargetFor(linkedId: string, ownStack: string): string {
  const [, stack = '', name = ''] = linkedId.split('/');
  return stack === ownStack ? name : `${stack}/${name}`;
}

function netFields(net: string): { netMode: NetMode; netContainer: string } {
  if (net === 'host') return { netMode: 'host', netContainer: '' };
  if (net.startsWith('container:')) return { netMode: 'container', netContainer: net.slice('container:'.length) };
  return { netMode: 'bridge', netContainer: '' };
}

function affinityRow(text: string): AffinityRow {
  const parsed = parseAffinity(text);
  return parsed.ok ? { ...parsed.value } : { subject: '', operator: '==', value: text };
}

const optional = (value: number | null): string => (value === null ? '' : String(value));

/**
 * The edit form of a service as the master returned it (GET). What the master does not
 * return starts neutral: privileged "keep", devices not replaced, and each hook's
 * instances empty (to be given again if the hooks are changed).
 */
export function formFromService(service: Service): ServiceForm {
  const check = service.health_check;
  return {
    name: service.name,
    image: service.image,
    instances: String(service.instances),
    cmd: service.cmd === null ? '' : formatCmd(service.cmd),
    entrypoint: service.entrypoint ?? '',
    user: service.user ?? '',
    stateful: service.stateful,
    ports: service.ports.map((port) => ({ value: formatPort(port) })),
    ...netFields(service.net),
    links: service.links.map((link) => ({ target: linkTargetFor(link.id, service.stack.name), alias: link.alias })),
    volumes: service.volumes.map((value) => ({ value })),
    volumesFrom: service.volumes_from.map((value) => ({ value })),
    env: service.env.map((entry) => ({ key: envKey(entry), value: envValue(entry) ?? '' })),
    secrets: service.secrets.map(({ secret, name }) => ({ secret, name })),
    cpuShares: optional(service.cpu_shares),
    memory: service.memory === null ? '' : formatMemory(service.memory),
    memorySwap: service.memory_swap === null ? '' : formatMemory(service.memory_swap),
    privileged: 'keep',
    capAdd: service.cap_add.map((value) => ({ value })),
    capDrop: service.cap_drop.map((value) => ({ value })),
    pid: service.pid === 'host',
    replaceDevices: false,
    devices: [],
    logDriver: service.log_driver ?? '',
    logOpts: Object.entries(service.log_opts).map(([key, value]) => ({ key, value })),
    strategy: service.strategy,
    deployWaitForPort: optional(service.deploy_opts.wait_for_port),
    deployMinHealth: String(service.deploy_opts.min_health),
    deployInterval: service.deploy_opts.interval === null ? '' : formatRelativeTime(service.deploy_opts.interval),
    affinity: service.affinity.map(affinityRow),
    healthCheck:
      check === undefined
        ? { protocol: '', port: '', uri: '', timeout: '', interval: '', initialDelay: '' }
        : {
            protocol: check.protocol,
            port: optional(check.port),
            uri: check.uri,
            timeout: String(check.timeout),
            interval: String(check.interval),
            initialDelay: String(check.initial_delay),
          },
    hooks: service.hooks.map((hook) => ({ name: hook.name, cmd: hook.cmd, instances: '', oneshot: hook.oneshot })),
  };
}
