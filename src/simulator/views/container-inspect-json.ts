/**
 * `GET /v1/containers/G/N/C/inspect` (docs/kontena-api-grid.md G7.2): the agent's raw
 * `docker inspect` of the container, Docker 1.12 shape and key order, built from the
 * container record and its service (what the agent would have asked docker to create).
 */
import { hashString } from '../engine/prng';
import type { ContainerRecord } from '../model/types';
import { isoZ } from '../model/time';

const ZERO_TIME = '0001-01-01T00:00:00Z';

function dockerStatus(c: ContainerRecord): string {
  if (c.state.restarting) return 'restarting';
  if (c.state.paused) return 'paused';
  if (c.state.running) return 'running';
  if (c.state.dead) return 'dead';
  return c.startedAt === null ? 'created' : 'exited';
}

/** A stable sha256-looking image id for an image name. */
function imageId(image: string): string {
  let hex = '';
  for (let i = 0; hex.length < 64; i++) hex += hashString(`${image}#${i}`).toString(16).padStart(8, '0');
  return `sha256:${hex.slice(0, 64)}`;
}

function kontenaLabels(c: ContainerRecord): Record<string, string> {
  const s = c.service;
  const labels: Record<string, string> = {
    'io.kontena.container.name': c.name,
    'io.kontena.container.type': c.containerType,
    'io.kontena.grid.name': c.grid.name,
  };
  if (s) {
    labels['io.kontena.container.deploy_rev'] = c.deployRev ?? '';
    labels['io.kontena.container.service_revision'] = c.serviceRev ?? '';
    labels['io.kontena.service.id'] = s.id;
    labels['io.kontena.service.instance_number'] = String(c.instanceNumber ?? '');
    labels['io.kontena.service.name'] = s.name;
    labels['io.kontena.stack.name'] = s.stack.name;
    if (c.ipAddress) labels['io.kontena.container.overlay_cidr'] = `${c.ipAddress}/${c.grid.subnet.split('/')[1] ?? '16'}`;
    labels['io.kontena.container.overlay_network'] = 'kontena';
    labels['io.kontena.health_check.uri'] = s.healthCheck?.uri ?? '';
  }
  return labels;
}

/** The inspect object; `env` is the container's env as the API shows it (secrets already left out). */
export function containerInspectJson(c: ContainerRecord, env: readonly string[]): Record<string, unknown> {
  const s = c.service;
  const entrypoint = s?.entrypoint ? s.entrypoint.split(' ') : null;
  const cmd = c.cmd ? [...c.cmd] : [];
  const path = entrypoint?.[0] ?? cmd[0] ?? '';
  const args = entrypoint ? [...entrypoint.slice(1), ...cmd] : cmd.slice(1);
  const dir = `/var/lib/docker/containers/${c.containerId}`;
  const portBindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  const exposed: Record<string, Record<string, never>> = {};
  for (const p of c.ports) {
    portBindings[`${p.containerPort}/${p.protocol}`] = [{ HostIp: p.ip, HostPort: String(p.nodePort) }];
    exposed[`${p.containerPort}/${p.protocol}`] = {};
  }
  const net = s?.net ?? 'bridge';
  const mac = `02:42:ac:11:00:${c.bridgeHost.toString(16).padStart(2, '0')}`;
  const state: Record<string, unknown> = {
    Status: dockerStatus(c),
    Running: c.state.running,
    Paused: c.state.paused,
    Restarting: c.state.restarting,
    OOMKilled: c.state.oomKilled,
    Dead: c.state.dead,
    Pid: c.state.pid,
    ExitCode: c.state.exitCode,
    Error: c.state.error,
    StartedAt: c.startedAt === null ? ZERO_TIME : isoZ(c.startedAt),
    FinishedAt: c.finishedAt === null ? ZERO_TIME : isoZ(c.finishedAt),
  };
  return {
    Id: c.containerId,
    Created: isoZ(c.createdAt),
    Path: path,
    Args: args,
    State: state,
    Image: imageId(c.image),
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${c.containerId}-json.log`,
    Name: `/${c.name}`,
    RestartCount: 0,
    Driver: c.node?.driver ?? 'overlay',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: null,
    HostConfig: {
      Binds: s ? [...s.volumes] : [],
      ContainerIDFile: '',
      LogConfig: { Type: s?.logDriver ?? 'json-file', Config: { ...(s?.logOpts ?? {}) } },
      NetworkMode: net,
      PortBindings: portBindings,
      RestartPolicy: { Name: 'unless-stopped', MaximumRetryCount: 0 },
      AutoRemove: false,
      VolumesFrom: s ? [...s.volumesFrom] : null,
      CapAdd: s ? [...s.capAdd] : null,
      CapDrop: s ? [...s.capDrop] : null,
      Dns: net === 'bridge' ? ['172.17.0.1'] : [],
      DnsSearch: c.domainname ? [c.domainname, 'kontena.local'] : [],
      PidMode: s?.pid ?? '',
      Privileged: s?.privileged ?? false,
      CpuShares: s?.cpuShares ?? 0,
      Memory: s?.memory ?? 0,
      MemorySwap: s?.memorySwap ?? 0,
      Devices: (s?.devices ?? []).map((d) => {
        const [host = '', inContainer = host, perms = 'rwm'] = d.split(':');
        return { PathOnHost: host, PathInContainer: inContainer, CgroupPermissions: perms };
      }),
    },
    GraphDriver: { Name: c.node?.driver ?? 'overlay', Data: null },
    Mounts: [],
    Config: {
      Hostname: c.hostname ?? '',
      Domainname: c.domainname ?? '',
      User: s?.user ?? '',
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      ExposedPorts: c.ports.length ? exposed : null,
      Tty: false,
      OpenStdin: false,
      StdinOnce: false,
      Env: [...env, 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      Cmd: c.cmd ? [...c.cmd] : null,
      Image: c.image,
      Volumes: null,
      WorkingDir: '',
      Entrypoint: entrypoint,
      OnBuild: null,
      Labels: kontenaLabels(c),
    },
    NetworkSettings: {
      Bridge: '',
      SandboxID: c.containerId.split('').reverse().join(''),
      HairpinMode: false,
      Ports: c.ports.length ? portBindings : {},
      SandboxKey: `/var/run/docker/netns/${c.containerId.slice(0, 12)}`,
      Gateway: net === 'bridge' ? '172.17.0.1' : '',
      IPAddress: net === 'bridge' ? `172.17.0.${c.bridgeHost}` : '',
      IPPrefixLen: net === 'bridge' ? 16 : 0,
      MacAddress: net === 'bridge' ? mac : '',
      Networks:
        net === 'bridge'
          ? {
              bridge: {
                Gateway: '172.17.0.1',
                IPAddress: `172.17.0.${c.bridgeHost}`,
                IPPrefixLen: 16,
                MacAddress: mac,
              },
            }
          : { [net]: { Gateway: '', IPAddress: '', IPPrefixLen: 0, MacAddress: '' } },
    },
  };
}
