/**
 * Hand-written master answers shaped like docs/kontena-api.md's examples (key order as the
 * server emits it, `+00:00` DateTimes, `_id: {$oid}`, missing `node`), plus a few
 * unknown keys a newer master might add.
 */
export const ACCESS_TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const REFRESH_TOKEN = 'f'.repeat(64) + '0123456789abcdef'.repeat(4);
export const NEW_ACCESS_TOKEN = '0123456789abcdef'.repeat(4);
export const NEW_REFRESH_TOKEN = 'e'.repeat(128);

export function tokenJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '58e65a1c8e9a1a0007e3c1a1',
    token_type: 'bearer',
    access_token: ACCESS_TOKEN,
    refresh_token: REFRESH_TOKEN,
    access_token_last_four: ACCESS_TOKEN.slice(-4),
    refresh_token_last_four: REFRESH_TOKEN.slice(-4),
    expires_in: 7200,
    scopes: 'user,owner',
    user: { id: '58e65a1c8e9a1a0007e3c1a0', email: 'admin', name: 'admin' },
    server: { name: 'kontena-master' },
    ...overrides,
  };
}

export function codeJson(): Record<string, unknown> {
  return {
    id: '58e65a1c8e9a1a0007e3c1a2',
    grant_type: 'authorization_code',
    code: '3f9a1c0b7d2e',
    scopes: 'user',
    user: { id: '58e65a1c8e9a1a0007e3c1a0', email: 'admin', name: 'admin' },
    server: { name: null },
  };
}

export function userJson(): Record<string, unknown> {
  return {
    id: '58e65a1c8e9a1a0007e3c1a0',
    email: 'admin',
    name: 'admin',
    roles: [{ name: 'master_admin', description: 'Master admin' }],
  };
}

export function gridJson(name = 'terminal-a'): Record<string, unknown> {
  return {
    id: name,
    name,
    token: 'grid-join-token==',
    initial_size: 3,
    stats: { statsd: null },
    default_affinity: [],
    trusted_subnets: [],
    node_count: 3,
    service_count: 2,
    container_count: 4,
    user_count: 1,
    subnet: '10.81.0.0/16',
    supernet: '10.80.0.0/12',
  };
}

export function serviceJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'terminal-a/null/redis',
    created_at: '2017-04-06T15:38:17.123Z',
    updated_at: '2017-04-06T15:40:02.456Z',
    image: 'redis:2.8',
    affinity: [],
    name: 'redis',
    stateful: true,
    user: null,
    instances: 2,
    cmd: null,
    entrypoint: null,
    net: 'bridge',
    dns: 'redis.terminal-a.kontena.local',
    ports: [{ ip: '0.0.0.0', protocol: 'tcp', node_port: 6379, container_port: 6379 }],
    env: ['FOO=bar'],
    secrets: [{ name: 'PASSWD', secret: 'REDIS_PASSWD', type: 'env' }],
    memory: 268435456,
    memory_swap: null,
    cpu_shares: null,
    volumes: ['redis-data:/data'],
    volumes_from: [],
    cap_add: [],
    cap_drop: [],
    state: 'running',
    grid: { id: 'terminal-a' },
    stack: { id: 'terminal-a/null', name: 'null' },
    links: [],
    log_driver: null,
    log_opts: {},
    strategy: 'ha',
    deploy_opts: { _id: { $oid: '58e65a1c8e9a1a0007e3c1b0' }, interval: null, min_health: 0.8, wait_for_port: null },
    pid: null,
    instance_counts: { total: 2, running: 2 },
    hooks: [],
    revision: 3,
    stack_revision: null,
    ...overrides,
  };
}

export function deployJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '58e65b2a8e9a1a0007e3c1c0',
    created_at: '2017-04-06T15:41:00.000Z',
    started_at: '2017-04-06T15:41:01.250+00:00',
    finished_at: null,
    service_id: 'terminal-a/null/redis',
    state: 'ongoing',
    reason: null,
    instance_count: 2,
    instance_deploys: [
      { instance_number: 1, node: 'node-1', state: 'success', error: null },
      { instance_number: 2, node: 'node-2', state: 'ongoing', error: null },
    ],
    ...overrides,
  };
}

export function containerJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'terminal-a/node-1/redis-1',
    name: 'redis-1',
    container_id: 'c'.repeat(64),
    grid_id: 'terminal-a',
    node: {
      id: 'ABCD:EFGH:IJKL:MNOP:QRST:UVWX:YZ01:2345:6789:ABCD:EFGH:IJKL',
      connected: true,
      last_seen_at: '2017-04-06T15:42:00.000Z',
      name: 'node-1',
      labels: ['region=eu', 'az=a'],
      public_ip: '203.0.113.10',
      private_ip: '10.0.0.10',
      node_number: 1,
      grid: { id: 'terminal-a', name: 'terminal-a', initial_size: 3 },
    },
    service_id: 'terminal-a/null/redis',
    created_at: '2017-04-06T15:41:05.000Z',
    updated_at: '2017-04-06T15:41:09.000Z',
    started_at: '2017-04-06T15:41:08.000Z',
    finished_at: null,
    deleted_at: null,
    status: 'running',
    state: { error: '', exit_code: 0, pid: 4242, oom_killed: false, paused: false, restarting: false, dead: false, running: true },
    deploy_rev: '2017-04-06 15:41:00 UTC',
    service_rev: '3',
    instance_number: 1,
    image: 'redis:2.8',
    cmd: ['redis-server'],
    env: ['FOO=bar'],
    volumes: [{ bind: '/data', name: 'redis-data' }],
    ip_address: '10.81.0.5',
    hostname: 'redis-1',
    domainname: 'terminal-a.kontena.local',
    network_settings: {
      bridge: '',
      gateway: '172.17.0.1',
      ip_address: '172.17.0.3',
      ip_prefix_len: 16,
      mac_address: '02:42:ac:11:00:03',
      port_mapping: null,
      ports: { '6379/tcp': [{ node_ip: '0.0.0.0', node_port: 6379 }] },
    },
    ...overrides,
  };
}

export function nodeJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'ABCD:EFGH:IJKL:MNOP:QRST:UVWX:YZ01:2345:6789:ABCD:EFGH:IJKL',
    connected: true,
    created_at: '2017-04-01T10:00:00.000Z',
    updated_at: '2017-04-06T15:42:00.000Z',
    last_seen_at: '2017-04-06T15:42:00.000Z',
    name: 'node-1',
    os: 'CoreOS 1298.7.0 (Ladybug)',
    engine_root_dir: '/var/lib/docker',
    driver: 'overlay',
    network_drivers: [
      { name: 'bridge', version: null },
      { name: 'weave', version: '1.9.3' },
    ],
    volume_drivers: [{ name: 'local', version: null }],
    kernel_version: '4.9.16-coreos-r1',
    labels: ['region=eu', 'az=a'],
    mem_total: 8374677504,
    mem_limit: 8374677504,
    cpus: 2,
    public_ip: '203.0.113.10',
    private_ip: '10.0.0.10',
    overlay_ip: '10.81.0.1',
    agent_version: '1.2.0',
    docker_version: '1.12.6',
    peer_ips: ['10.0.0.11', '10.0.0.12'],
    node_number: 1,
    initial_member: true,
    grid: {
      id: 'terminal-a',
      name: 'terminal-a',
      initial_size: 3,
      token: 'grid-join-token==',
      stats: { statsd: null },
      trusted_subnets: [],
      subnet: '10.81.0.0/16',
      supernet: '10.80.0.0/12',
    },
    resource_usage: {
      memory: { used: 1234, total: 8374677504 },
      load: { '1m': 0.1, '5m': 0.2, '15m': 0.3 },
      filesystem: [{ name: '/var/lib/docker', used: 100, total: 1000 }],
      usage: { container_seconds: 1200 },
      cpu: { num_cores: 2, system: 1.5, user: 3.2 },
    },
    ...overrides,
  };
}

export function netSide(iface: string): Record<string, unknown> {
  return { interfaces: [iface], rx_bytes: 1024, rx_bytes_per_second: 10.5, tx_bytes: 2048, tx_bytes_per_second: 20.25 };
}

export function statRowJson(): Record<string, unknown> {
  return {
    container_id: 'redis-1',
    cpu: { usage: 3.5, limit: 1024, num_cores: 2 },
    memory: { usage: 52428800, limit: 1.8446744073709552e19 },
    network: { internal: netSide('ethwe'), external: netSide('eth0') },
  };
}

export function metricsJson(): Record<string, unknown> {
  return {
    from: '2017-04-06T14:42:00.000Z',
    to: '2017-04-06T15:42:00.000Z',
    stats: [
      {
        timestamp: '2017-04-06T15:40:00.000+00:00',
        cpu: { used: 3.25, cores: 2 },
        memory: { used: 52428800, total: 536870912, free: 0, active: 0, inactive: 0, cached: 0, buffers: 0 },
        network: { internal: netSide('ethwe'), external: netSide('eth0') },
      },
    ],
  };
}

export function logJson(n: number, data: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `58e6${n.toString(16).padStart(20, '0')}`,
    name: 'redis-1',
    container_id: '58e65b2f8e9a1a0007e3c1d0',
    service: { id: 'terminal-a/null/redis', name: 'redis' },
    stack: { id: 'terminal-a/null', name: 'null' },
    grid: { id: 'terminal-a', name: 'terminal-a' },
    node: { name: 'node-1' },
    created_at: `2017-04-06T15:42:${String(n % 60).padStart(2, '0')}.123Z`,
    type: n % 3 === 0 ? 'stderr' : 'stdout',
    data,
    ...overrides,
  };
}

export function eventJson(createdAt: string, message: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    created_at: createdAt,
    severity: 1,
    type: 'service:deploy',
    message,
    meta: null,
    relationships: [
      { id: 'terminal-a', type: 'grid' },
      { id: 'terminal-a/null/redis', type: 'service' },
    ],
    ...overrides,
  };
}

export function stackJson(): Record<string, unknown> {
  return {
    id: 'terminal-a/teststack',
    name: 'teststack',
    state: 'running',
    created_at: '2017-04-05T09:00:00.000Z',
    updated_at: '2017-04-05T09:00:00.000Z',
    stack: 'my/test-stack',
    registry: 'file://',
    version: '0.1.0',
    revision: 1,
    expose: null,
    source: 'stack: my/test-stack\n',
    variables: {},
    services: [
      serviceJson({
        id: 'terminal-a/teststack/redis',
        stack: { id: 'terminal-a/teststack', name: 'teststack' },
        stack_revision: 1,
        dns: 'redis.teststack.terminal-a.kontena.local',
      }),
    ],
  };
}
