/**
 * Forms and services for the service-form tests: one form with every option set, and a
 * stored service as the master returns it.
 */
import type { Service } from '../../../src/api/schemas/service';
import { emptyServiceForm, type ServiceForm } from '../../../src/features/service-form/service-form-model';

/** Every option of `kontena service create` and what the API takes beyond it. */
export function everyOptionForm(name = 'form-every'): ServiceForm {
  return {
    ...emptyServiceForm(),
    name,
    image: 'nginx:1.13',
    instances: '2',
    cmd: 'nginx -g "daemon off;"',
    entrypoint: '/docker-entrypoint.sh',
    user: 'www-data',
    stateful: false,
    ports: [{ value: '8080:80' }, { value: '127.0.0.1:5353:53/udp' }],
    netMode: 'bridge',
    links: [
      { target: 'redis', alias: 'cache' },
      { target: 'shop/postgres', alias: '' },
    ],
    volumes: [{ value: '/data' }, { value: '/var/log:/host-log:ro' }, { value: 'form-vol:/srv' }],
    volumesFrom: [{ value: 'data-%s' }],
    env: [
      { key: 'A', value: '1' },
      { key: 'MSG', value: 'hello world' },
    ],
    secrets: [{ secret: 'DB_PASSWORD', name: 'DATABASE_PASSWORD' }],
    cpuShares: '512',
    memory: '512m',
    memorySwap: '1g',
    privileged: 'on',
    capAdd: [{ value: 'NET_ADMIN' }],
    capDrop: [{ value: 'MKNOD' }],
    pid: true,
    devices: [{ value: '/dev/fuse' }],
    logDriver: 'syslog',
    logOpts: [{ key: 'tag', value: 'web' }],
    strategy: 'random',
    deployWaitForPort: '80',
    deployMinHealth: '0.5',
    deployInterval: '1h',
    affinity: [{ subject: 'label', operator: '==', value: 'az=a' }],
    healthCheck: { protocol: 'http', port: '80', uri: '/health', timeout: '5', interval: '30', initialDelay: '15' },
    hooks: [{ name: 'warm', cmd: 'curl -s localhost/warm', instances: '*', oneshot: true }],
  };
}

/** A stored service in the default stack of grid `production`, with most options set. */
export function storedService(overrides: Partial<Service> = {}): Service {
  return {
    id: 'production/null/api',
    created_at: '2017-04-06T15:38:17.123Z',
    updated_at: '2017-04-06T15:40:00.000Z',
    image: 'myorg/api:2.4.1',
    affinity: ['node!=prod-node-1'],
    name: 'api',
    stateful: false,
    user: null,
    instances: 3,
    cmd: ['npm', 'start'],
    entrypoint: null,
    net: 'bridge',
    dns: 'api.production.kontena.local',
    ports: [{ ip: '0.0.0.0', protocol: 'tcp', node_port: 8080, container_port: 8080 }],
    env: ['NODE_ENV=production', 'PORT=8080'],
    secrets: [{ name: 'DATABASE_PASSWORD', secret: 'DB_PASSWORD', type: 'env' }],
    memory: 536870912,
    memory_swap: 1073741824,
    cpu_shares: 512,
    volumes: [],
    volumes_from: [],
    cap_add: [],
    cap_drop: [],
    state: 'running',
    grid: { id: 'production' },
    stack: { id: 'production/null', name: 'null' },
    links: [{ id: 'production/null/redis', alias: 'redis', name: 'redis' }],
    log_driver: 'json-file',
    log_opts: { 'max-size': '10m' },
    strategy: 'ha',
    deploy_opts: { _id: { $oid: '58e6622a1c5d0a0007a1b2c3' }, interval: null, min_health: 0.8, wait_for_port: 8080 },
    pid: null,
    instance_counts: { total: 3, running: 3 },
    hooks: [{ cmd: 'npm run migrate', name: 'migrate', oneshot: true, type: 'post_start' }],
    revision: 14,
    stack_revision: null,
    health_check: { protocol: 'http', uri: '/health', port: 8080, timeout: 5, initial_delay: 15, interval: 30 },
    health_status: { healthy: 3, total: 3 },
    ...overrides,
  };
}
