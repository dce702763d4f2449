/** Master JSON as docs/kontena-api.md §4 describes it, for the shell's and pages' tests. */
import type { Grid } from '../../src/api/schemas/grid';
import type { Service, ServiceState } from '../../src/api/schemas/service';
import type { TokenJson } from '../../src/api/schemas/token';
import type { User } from '../../src/api/schemas/user';

export const ADMIN: User = { id: 'u1', email: 'admin', name: 'admin', roles: [{ name: 'master_admin', description: 'Master admin' }] };

export const GOOD_TOKEN = 'a'.repeat(64);

export function gridJson(name: string, overrides: Partial<Grid> = {}): Grid {
  return {
    id: name,
    name,
    token: 'c2VjcmV0LWdyaWQtdG9rZW4=',
    initial_size: 1,
    stats: { statsd: null },
    default_affinity: [],
    trusted_subnets: [],
    node_count: 2,
    service_count: 3,
    container_count: 4,
    user_count: 1,
    subnet: '10.81.0.0/16',
    supernet: '10.80.0.0/12',
    ...overrides,
  };
}

export interface ServiceSpec {
  grid: string;
  stack?: string;
  name: string;
  state?: ServiceState;
  instances?: number;
  running?: number;
  image?: string;
}

export function serviceJson({
  grid,
  stack = 'null',
  name,
  state = 'running',
  instances = 2,
  running = instances,
  image = 'redis:3.2',
}: ServiceSpec): Service {
  return {
    id: `${grid}/${stack}/${name}`,
    created_at: '2017-04-06T15:38:17.123Z',
    updated_at: '2017-04-06T15:40:00.000Z',
    image,
    affinity: [],
    name,
    stateful: false,
    user: null,
    instances,
    cmd: null,
    entrypoint: null,
    net: 'bridge',
    dns: stack === 'null' ? `${name}.${grid}.kontena.local` : `${name}.${stack}.${grid}.kontena.local`,
    ports: [],
    env: [],
    secrets: [],
    memory: null,
    memory_swap: null,
    cpu_shares: null,
    volumes: [],
    volumes_from: [],
    cap_add: [],
    cap_drop: [],
    state,
    grid: { id: grid },
    stack: { id: `${grid}/${stack}`, name: stack },
    links: [],
    log_driver: null,
    log_opts: {},
    strategy: 'ha',
    deploy_opts: { interval: null, min_health: 0.8, wait_for_port: null },
    pid: null,
    instance_counts: { total: running, running },
    hooks: [],
    revision: 1,
    stack_revision: stack === 'null' ? null : 1,
  };
}

export function tokenJson(accessToken: string = GOOD_TOKEN): TokenJson {
  return {
    id: 't1',
    token_type: 'bearer',
    access_token: accessToken,
    refresh_token: null,
    access_token_last_four: accessToken.slice(-4),
    refresh_token_last_four: null,
    expires_in: null,
    scopes: 'user,owner',
    user: { id: ADMIN.id, email: ADMIN.email, name: ADMIN.name },
    server: { name: 'test-master' },
  };
}

export const INVALID_TOKEN_BODY = { error: 'invalid_token', error_description: 'Invalid token' };
