/**
 * The default scenario: two grids (production with 5 nodes over three availability
 * zones, staging with 3), about twenty services in the null stack and three stacks,
 * with links, envs, secrets, health checks and the states a real grid shows.
 */
import type { SimContext } from '../context';
import { addGrid, addNode, addStack, NULL_STACK, type Store } from '../model/store';
import type { GridRecord, StackRecord } from '../model/types';
import { seedRevisions } from '../model/stack-mutations';
import { History, seedService, type SeedService } from './seed';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const MB = 1024 * 1024;

function nodes(store: Store, grid: GridRecord, count: number, createdAt: number): void {
  const azs = ['a', 'b', 'c'];
  for (let i = 1; i <= count; i++) {
    addNode(store, grid, {
      name: `${grid.name === 'production' ? 'prod' : 'stage'}-node-${i}`,
      labels: ['region=eu-west-1', `az=${azs[(i - 1) % azs.length] ?? 'a'}`, i <= 2 ? 'role=edge' : 'role=worker'],
      connected: true,
      createdAt: createdAt + i * MIN,
      cpus: i % 2 === 0 ? 4 : 2,
      memTotal: (i % 2 === 0 ? 16 : 8) * 1024 * MB,
      publicIp: `203.0.113.${(grid.name === 'production' ? 10 : 50) + i}`,
      privateIp: `10.0.${grid.name === 'production' ? 1 : 2}.${10 + i}`,
    });
  }
}

function stack(
  store: Store,
  grid: GridRecord,
  name: string,
  registryName: string,
  version: string,
  revision: number,
  at: number,
): StackRecord {
  return addStack(store, grid, {
    name,
    createdAt: at,
    registryName,
    registry: 'file://',
    version,
    revision,
    expose: null,
    source: `stack: ${registryName}\nversion: ${version}\nservices: {}\n`,
    variables: {},
  });
}

export function buildDemo(ctx: SimContext): void {
  const store = ctx.store;
  const now = ctx.clock.now();
  const rng = ctx.rng.fork('demo');
  const created = now - 30 * DAY;

  const prod = addGrid(store, { name: 'production', initialSize: 3, createdAt: created });
  const staging = addGrid(store, { name: 'staging', initialSize: 3, createdAt: created + DAY });
  nodes(store, prod, 5, created);
  nodes(store, staging, 3, created + DAY);

  const secret = (grid: GridRecord, name: string, value: string, at: number): void => {
    grid.secrets.set(name, { id: store.ids.objectId(at), name, value, createdAt: at, updatedAt: at });
  };
  secret(prod, 'DB_PASSWORD', 'c0rrect-h0rse-battery', created + HOUR);
  secret(prod, 'MYSQL_ROOT_PASSWORD', 'r00t-s3cret', created + HOUR);
  secret(prod, 'SMTP_PASSWORD', 'smtp-pa55', created + 2 * HOUR);
  secret(prod, 'STRIPE_API_KEY', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', created + 2 * HOUR);
  secret(prod, 'GRAFANA_ADMIN_PASSWORD', 'gr4fana', created + 3 * HOUR);
  secret(staging, 'DB_PASSWORD', 'staging-db-pass', created + DAY + HOUR);
  secret(staging, 'STRIPE_API_KEY', 'sk_test_BQokikJOvBiI2HlWgH4olfQ2', created + DAY + HOUR);
  // Grid volumes the stateful services mount (docs/kontena-api-grid.md G4).
  const volume = (grid: GridRecord, name: string, scope: string, at: number): void => {
    grid.volumes.set(name, { id: store.ids.objectId(at), name, scope, driver: 'local', driverOpts: null, createdAt: at, updatedAt: at });
  };
  volume(prod, 'pgdata', 'instance', created + 2 * HOUR);
  volume(prod, 'prometheus-data', 'grid', created + 3 * HOUR);
  volume(staging, 'mysql-data', 'stack', created + DAY + HOUR);

  const prodNull = prod.stacks.get(NULL_STACK);
  const stageNull = staging.stacks.get(NULL_STACK);
  if (!prodNull || !stageNull) throw new Error('grids come with a null stack');
  const shop = stack(store, prod, 'shop', 'myorg/shop', '1.8.0', 4, created + 2 * DAY);
  const monitoring = stack(store, prod, 'monitoring', 'kontena/monitoring', '0.3.1', 2, created + 3 * DAY);
  const wordpress = stack(store, staging, 'wordpress', 'kontena/wordpress', '0.2.0', 1, created + 4 * DAY);

  const history = new History();
  const seed = (grid: GridRecord, spec: SeedService): void => {
    seedService(ctx, grid, spec, rng, history);
  };
  const ago = (days: number): number => now - days * DAY;

  // production, null stack
  seed(prod, {
    stack: prodNull,
    name: 'lb',
    image: 'kontena/lb:latest',
    state: 'running',
    createdAt: ago(29),
    deployedAt: ago(3),
    config: {
      strategy: 'daemon',
      ports: [
        { ip: '0.0.0.0', protocol: 'tcp', nodePort: 80, containerPort: 80 },
        { ip: '0.0.0.0', protocol: 'tcp', nodePort: 443, containerPort: 443 },
      ],
      env: ['KONTENA_LB_HEALTH_URI=/health', 'STATS_PASSWORD=secret'],
      affinity: [],
    },
  });
  seed(prod, {
    stack: prodNull,
    name: 'redis',
    image: 'redis:3.2-alpine',
    state: 'running',
    stateful: true,
    createdAt: ago(28),
    deployedAt: ago(10),
    config: { cmd: ['redis-server', '--appendonly', 'yes'], volumes: ['/data'], memory: 256 * MB },
  });
  seed(prod, {
    stack: prodNull,
    name: 'api',
    image: 'myorg/api:2.4.1',
    state: 'running',
    createdAt: ago(27),
    deployedAt: ago(1),
    revision: 14,
    links: ['redis', 'lb'],
    healthCheck: { protocol: 'http', port: 8080, uri: '/health', timeout: 5, interval: 30, initialDelay: 15 },
    config: {
      instances: 3,
      env: [
        'NODE_ENV=production',
        'PORT=8080',
        'REDIS_URL=redis://redis:6379',
        'KONTENA_LB_MODE=http',
        'KONTENA_LB_VIRTUAL_HOSTS=api.example.com',
        'KONTENA_LB_INTERNAL_PORT=8080',
      ],
      secrets: [
        { secret: 'DB_PASSWORD', name: 'DATABASE_PASSWORD', type: 'env' },
        { secret: 'STRIPE_API_KEY', name: 'STRIPE_KEY', type: 'env' },
      ],
      memory: 512 * MB,
      memorySwap: 1024 * MB,
      cpuShares: 512,
      deployOpts: { oid: store.ids.objectId(), interval: null, minHealth: 0.8, waitForPort: 8080 },
      logDriver: 'json-file',
      logOpts: { 'max-size': '10m', 'max-file': '3' },
    },
  });
  seed(prod, {
    stack: prodNull,
    name: 'worker',
    image: 'myorg/worker:2.4.1',
    state: 'stopped',
    createdAt: ago(27),
    deployedAt: ago(2),
    revision: 6,
    links: ['redis'],
    config: {
      instances: 2,
      cmd: ['bundle', 'exec', 'sidekiq', '-q', 'default'],
      env: ['RACK_ENV=production', 'REDIS_URL=redis://redis:6379'],
      memory: 384 * MB,
    },
  });
  seed(prod, {
    stack: prodNull,
    name: 'docs',
    image: 'nginx:1.11-alpine',
    state: 'running',
    createdAt: ago(20),
    deployedAt: ago(6),
    config: { affinity: ['node!=prod-node-1'], env: ['KONTENA_LB_VIRTUAL_HOSTS=docs.example.com'] },
  });
  seed(prod, {
    stack: prodNull,
    name: 'nightly-report',
    image: 'myorg/reports:1.0.3',
    state: 'initialized',
    createdAt: ago(0.2),
    config: {
      cmd: ['ruby', 'report.rb', '--nightly'],
      env: ['REPORT_RECIPIENTS=ops@example.com'],
      secrets: [{ secret: 'SMTP_PASSWORD', name: 'SMTP_PASSWORD', type: 'env' }],
    },
  });

  // production, shop stack
  seed(prod, {
    stack: shop,
    name: 'postgres',
    image: 'postgres:9.6',
    state: 'running',
    stateful: true,
    createdAt: ago(25),
    deployedAt: ago(12),
    config: {
      volumes: ['pgdata:/var/lib/postgresql/data'],
      secrets: [{ secret: 'DB_PASSWORD', name: 'POSTGRES_PASSWORD', type: 'env' }],
      env: ['POSTGRES_USER=shop', 'POSTGRES_DB=shop'],
      memory: 1024 * MB,
    },
  });
  seed(prod, {
    stack: shop,
    name: 'app',
    image: 'myorg/shop:1.8.0',
    state: 'running',
    createdAt: ago(25),
    deployedAt: ago(0.5),
    revision: 9,
    links: ['postgres', 'null/redis:redis'],
    healthCheck: { protocol: 'tcp', port: 3000, timeout: 10, interval: 60, initialDelay: 20 },
    config: {
      instances: 3,
      cmd: ['bundle', 'exec', 'puma', '-C', 'config/puma.rb'],
      env: ['RAILS_ENV=production', 'RAILS_LOG_TO_STDOUT=1', 'DATABASE_URL=postgres://shop@postgres/shop'],
      secrets: [
        { secret: 'DB_PASSWORD', name: 'DATABASE_PASSWORD', type: 'env' },
        { secret: 'STRIPE_API_KEY', name: 'STRIPE_SECRET_KEY', type: 'env' },
      ],
      hooks: [
        {
          oid: store.ids.objectId(),
          name: 'migrate',
          type: 'post_start',
          cmd: 'bundle exec rake db:migrate',
          instances: '1',
          oneshot: true,
        },
      ],
      memory: 768 * MB,
    },
  });
  seed(prod, {
    stack: shop,
    name: 'web',
    image: 'nginx:1.11-alpine',
    state: 'running',
    createdAt: ago(25),
    deployedAt: ago(0.5),
    revision: 3,
    links: ['app'],
    healthCheck: { protocol: 'http', port: 80, uri: '/', timeout: 10, interval: 60, initialDelay: 10 },
    config: { instances: 2, env: ['KONTENA_LB_MODE=http', 'KONTENA_LB_VIRTUAL_HOSTS=shop.example.com'] },
  });
  seed(prod, {
    stack: shop,
    name: 'sidekiq',
    image: 'myorg/shop:1.8.0',
    state: 'running',
    createdAt: ago(25),
    deployedAt: ago(0.5),
    revision: 5,
    links: ['postgres', 'null/redis:redis'],
    config: {
      instances: 2,
      cmd: ['bundle', 'exec', 'sidekiq'],
      env: ['RAILS_ENV=production'],
      secrets: [{ secret: 'SMTP_PASSWORD', name: 'SMTP_PASSWORD', type: 'env' }],
    },
  });

  // production, monitoring stack
  seed(prod, {
    stack: monitoring,
    name: 'prometheus',
    image: 'prom/prometheus:v1.5.2',
    state: 'running',
    stateful: true,
    createdAt: ago(22),
    deployedAt: ago(8),
    config: {
      affinity: ['label==az=a'],
      volumes: ['prometheus-data:/prometheus'],
      cmd: ['-config.file=/etc/prometheus/prometheus.yml', '-storage.local.retention=360h'],
    },
  });
  seed(prod, {
    stack: monitoring,
    name: 'node-exporter',
    image: 'prom/node-exporter:v0.13.0',
    state: 'running',
    createdAt: ago(22),
    deployedAt: ago(8),
    config: { strategy: 'daemon', net: 'host', pid: 'host', volumes: ['/proc:/host/proc:ro', '/sys:/host/sys:ro'] },
  });
  seed(prod, {
    stack: monitoring,
    name: 'grafana',
    image: 'grafana/grafana:4.2.0',
    state: 'running',
    createdAt: ago(22),
    deployedAt: ago(8),
    links: ['prometheus'],
    config: {
      ports: [{ ip: '0.0.0.0', protocol: 'tcp', nodePort: 3000, containerPort: 3000 }],
      secrets: [{ secret: 'GRAFANA_ADMIN_PASSWORD', name: 'GF_SECURITY_ADMIN_PASSWORD', type: 'env' }],
    },
  });
  seed(prod, {
    stack: monitoring,
    name: 'alertmanager',
    image: 'prom/alertmanager:v0.5.1',
    state: 'running',
    createdAt: ago(22),
    deployedAt: ago(8),
    links: ['prometheus'],
    config: { env: ['SLACK_CHANNEL=#ops-alerts'] },
  });

  // staging, null stack
  seed(staging, {
    stack: stageNull,
    name: 'redis',
    image: 'redis:3.2-alpine',
    state: 'running',
    stateful: true,
    createdAt: ago(26),
    deployedAt: ago(9),
    config: { volumes: ['/data'] },
  });
  seed(staging, {
    stack: stageNull,
    name: 'api',
    image: 'myorg/api:2.5.0-rc1',
    state: 'running',
    createdAt: ago(26),
    deployedAt: ago(0.1),
    revision: 22,
    links: ['redis'],
    healthCheck: { protocol: 'http', port: 8080, uri: '/health', timeout: 5, interval: 30, initialDelay: 15 },
    config: {
      instances: 2,
      env: ['NODE_ENV=staging', 'PORT=8080', 'REDIS_URL=redis://redis:6379', 'DEBUG=api:*'],
      secrets: [{ secret: 'DB_PASSWORD', name: 'DATABASE_PASSWORD', type: 'env' }],
    },
  });
  seed(staging, {
    stack: stageNull,
    name: 'payments',
    image: 'myorg/payments:fail',
    state: 'errored',
    createdAt: ago(2),
    deployedAt: ago(0.05),
    revision: 2,
    config: { instances: 2, env: ['NODE_ENV=staging'], secrets: [{ secret: 'STRIPE_API_KEY', name: 'STRIPE_KEY', type: 'env' }] },
  });
  seed(staging, {
    stack: stageNull,
    name: 'cron',
    image: 'myorg/cron:0.9.0',
    state: 'initialized',
    createdAt: ago(1),
    config: { cmd: ['crond', '-f'], env: ['TZ=UTC'] },
  });
  seed(staging, {
    stack: stageNull,
    name: 'mailhog',
    image: 'mailhog/mailhog:v1.0.0',
    state: 'running',
    createdAt: ago(15),
    deployedAt: ago(15),
    config: { ports: [{ ip: '0.0.0.0', protocol: 'tcp', nodePort: 8025, containerPort: 8025 }] },
  });

  // staging, wordpress stack
  seed(staging, {
    stack: wordpress,
    name: 'mysql',
    image: 'mariadb:10.1',
    state: 'running',
    stateful: true,
    createdAt: ago(14),
    deployedAt: ago(14),
    config: { volumes: ['mysql-data:/var/lib/mysql'], secrets: [{ secret: 'DB_PASSWORD', name: 'MYSQL_ROOT_PASSWORD', type: 'env' }] },
  });
  seed(staging, {
    stack: wordpress,
    name: 'wordpress',
    image: 'wordpress:4.7-apache',
    state: 'running',
    createdAt: ago(14),
    deployedAt: ago(4),
    revision: 2,
    links: ['mysql'],
    healthCheck: { protocol: 'http', port: 80, uri: '/wp-login.php', timeout: 10, interval: 60, initialDelay: 30 },
    config: {
      instances: 2,
      ports: [{ ip: '0.0.0.0', protocol: 'tcp', nodePort: 8080, containerPort: 80 }],
      env: ['WORDPRESS_DB_HOST=mysql.wordpress.staging.kontena.local', 'WORDPRESS_DB_USER=root'],
      secrets: [{ secret: 'DB_PASSWORD', name: 'WORDPRESS_DB_PASSWORD', type: 'env' }],
    },
  });

  // Real stacks: revisions 1..n behind each, as installs and upgrades would have left them.
  seedRevisions(shop, 4);
  seedRevisions(monitoring, 2);
  seedRevisions(wordpress, 1);
  history.flush();
  for (const grid of [prod, staging]) for (const node of grid.nodes.values()) node.lastSeenAt = now;
}
