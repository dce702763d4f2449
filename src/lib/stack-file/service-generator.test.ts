// One ServiceGeneratorV2 conversion per row: a service in the file → its hash in the body.
import { describe, expect, it } from 'vitest';
import { buildStackInstallBody } from './build-stack-body';
import { parseStackFile } from './parse-stack-file';
import type { StackBody } from './stack-body';

function bodyOf(source: string): StackBody {
  const parsed = parseStackFile(source);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  const built = buildStackInstallBody(parsed.value, {}, { grid: 'staging' });
  if (!built.ok) throw new Error([...Object.values(built.variables), ...built.problems.map((p) => p.message)].join('\n'));
  return built.body;
}

/** The body's service `web` for these lines of its definition. */
function web(...serviceLines: string[]): Record<string, unknown> {
  const image = serviceLines.some((line) => line.startsWith('image:')) ? [] : ['    image: nginx:1.13'];
  const source = ['stack: test/app', 'services:', '  web:', ...image, ...serviceLines.map((line) => `    ${line}`), ''].join('\n');
  const service = bodyOf(source).services.find((s) => s.name === 'web');
  if (service === undefined) throw new Error('no web');
  return { ...service };
}

const NO_HEALTH_CHECK = { port: null, protocol: null, uri: null, timeout: null, interval: null, initial_delay: null };

describe('ServiceGeneratorV2, field by field', () => {
  it('the least: every key the CLI always sends, in its order, with its nulls', () => {
    const service = web();
    expect(Object.keys(service)).toEqual([
      'instances',
      'image',
      'links',
      'external_links',
      'ports',
      'volumes',
      'volumes_from',
      'affinity',
      'stateful',
      'deploy_opts',
      'hooks',
      'health_check',
      'log_driver',
      'log_opts',
      'name',
    ]);
    expect(service).toEqual({
      instances: null,
      image: 'nginx:1.13',
      links: [],
      external_links: [],
      ports: [],
      volumes: [],
      volumes_from: [],
      affinity: [],
      stateful: false,
      deploy_opts: { wait_for_port: null, min_health: null, interval: null },
      hooks: {},
      health_check: NO_HEALTH_CHECK,
      log_driver: null,
      log_opts: null,
      name: 'web',
    });
  });

  const rows: [title: string, lines: string[], expected: Record<string, unknown>][] = [
    ['image without a tag gets :latest', ['image: redis'], { image: 'redis:latest' }],
    ['instances', ['instances: 3'], { instances: 3 }],
    [
      'ports "node:container"',
      ['ports:', '  - "8080:80"'],
      { ports: [{ ip: '0.0.0.0', container_port: 80, node_port: 8080, protocol: 'tcp' }] },
    ],
    [
      'ports with ip and protocol',
      ['ports:', '  - "127.0.0.1:53:5353/udp"'],
      { ports: [{ ip: '127.0.0.1', container_port: 5353, node_port: 53, protocol: 'udp' }] },
    ],
    ['environment list', ['environment:', '  - A=1', '  - B=x=y'], { env: ['A=1', 'B=x=y'] }],
    [
      'environment map → K=V (numbers, booleans, null as Ruby writes them)',
      ['environment:', '  A: 1', '  B: true', '  C:'],
      { env: ['A=1', 'B=true', 'C='] },
    ],
    [
      'links name and name:alias',
      ['links:', '  - db', '  - cache:redis'],
      {
        links: [
          { name: 'db', alias: 'db' },
          { name: 'cache', alias: 'redis' },
        ],
      },
    ],
    ['links to another stack', ['links:', '  - infra/lb:lb'], { links: [{ name: 'infra/lb', alias: 'lb' }] }],
    [
      'depends_on adds links, without repeats',
      ['links:', '  - db', 'depends_on:', '  - db', '  - queue'],
      {
        links: [
          { name: 'db', alias: 'db' },
          { name: 'queue', alias: 'queue' },
        ],
      },
    ],
    ['external_links', ['external_links:', '  - other/db:db'], { external_links: [{ name: 'other/db', alias: 'db' }] }],
    ['mem_limit 512m → bytes', ['mem_limit: 512m'], { memory: 536870912 }],
    ['mem_limit 1g → bytes', ['mem_limit: 1g'], { memory: 1073741824 }],
    ['mem_limit plain bytes', ['mem_limit: "1048576"'], { memory: 1048576 }],
    ['cpu_shares', ['cpu_shares: 512'], { cpu_shares: 512 }],
    [
      'volumes and volumes_from',
      ['volumes:', '  - /var/data', '  - /host:/in:ro', 'volumes_from:', '  - other-%s'],
      { volumes: ['/var/data', '/host:/in:ro'], volumes_from: ['other-%s'] },
    ],
    [
      'command string → words (Shellwords)',
      ['command: sh -c \'echo $$HOME && sleep 1\' "a b"'],
      { cmd: ['sh', '-c', 'echo $HOME && sleep 1', 'a b'] },
    ],
    ['affinity', ['affinity:', '  - node==node-1', '  - label!=slow'], { affinity: ['node==node-1', 'label!=slow'] }],
    ['user', ['user: nobody'], { user: 'nobody' }],
    ['stateful', ['stateful: true'], { stateful: true }],
    ['stateful yes (YAML 1.1)', ['stateful: yes'], { stateful: true }],
    ['privileged false is sent', ['privileged: false'], { privileged: false }],
    ['cap_add and cap_drop', ['cap_add:', '  - NET_ADMIN', 'cap_drop:', '  - MKNOD'], { cap_add: ['NET_ADMIN'], cap_drop: ['MKNOD'] }],
    ['pid', ['pid: host'], { pid: 'host' }],
    ['network_mode → net', ['network_mode: host'], { net: 'host' }],
    [
      'logging → log_driver and log_opts',
      ['logging:', '  driver: syslog', '  options:', '    syslog-address: "udp://1.2.3.4:514"', '    tag: web'],
      { log_driver: 'syslog', log_opts: { 'syslog-address': 'udp://1.2.3.4:514', tag: 'web' } },
    ],
    [
      'deploy → strategy and deploy_opts',
      ['deploy:', '  strategy: daemon', '  wait_for_port: 80', '  min_health: 0.5', '  interval: 5min'],
      { strategy: 'daemon', deploy_opts: { wait_for_port: 80, min_health: 0.5, interval: 300 } },
    ],
    [
      'deploy interval in hours, days and seconds',
      ['deploy:', '  interval: "2h"'],
      { deploy_opts: { wait_for_port: null, min_health: null, interval: 7200 } },
    ],
    ['deploy interval 1d', ['deploy:', '  interval: 1d'], { deploy_opts: { wait_for_port: null, min_health: null, interval: 86400 } }],
    [
      'deploy interval "0" is none',
      ['deploy:', '  interval: "0"'],
      { deploy_opts: { wait_for_port: null, min_health: null, interval: null } },
    ],
    [
      'health_check: all six keys',
      ['health_check:', '  protocol: http', '  port: 80', '  uri: /health'],
      { health_check: { port: 80, protocol: 'http', uri: '/health', timeout: null, interval: null, initial_delay: null } },
    ],
    [
      'secrets',
      ['secrets:', '  - secret: DB_PASSWORD', '    name: MYSQL_PASSWORD', '    type: env'],
      { secrets: [{ secret: 'DB_PASSWORD', name: 'MYSQL_PASSWORD', type: 'env' }] },
    ],
    [
      'post_start hooks as written',
      [
        'hooks:',
        '  post_start:',
        '    - name: migrate',
        '      cmd: rake db:migrate',
        '      instances: 1',
        '      oneshot: true',
        '    - name: warm',
        '      cmd: curl localhost',
        "      instances: '*'",
      ],
      {
        hooks: {
          post_start: [
            { name: 'migrate', cmd: 'rake db:migrate', instances: 1, oneshot: true },
            { name: 'warm', cmd: 'curl localhost', instances: '*' },
          ],
        },
      },
    ],
  ];
  it.each(rows)('%s', (_title, lines, expected) => {
    expect(web(...lines)).toMatchObject(expected);
  });

  it('mem_swaplimit is ignored, as the CLI does (it reads memswap_limit, which its validator refuses)', () => {
    const parsed = parseStackFile('stack: a/b\nservices:\n  web:\n    image: nginx\n    mem_swaplimit: 1g\n');
    if (!parsed.ok) throw new Error('parse');
    const built = buildStackInstallBody(parsed.value, {}, { grid: 'g' });
    expect(built.ok && 'memory_swap' in (built.body.services[0] ?? {})).toBe(false);
    expect(built.ok && built.warnings.map((w) => w.message)).toEqual([
      'line 5: services.web.mem_swaplimit is ignored by the CLI (it reads memswap_limit, which its validator refuses)',
    ]);
  });

  it('extends within the file: parent keys, child keys over them, environment and secrets merged', () => {
    const body = bodyOf(
      [
        'stack: test/app',
        'services:',
        '  base:',
        '    image: app:1',
        '    instances: 2',
        '    environment:',
        '      A: parent',
        '      B: parent',
        '    secrets:',
        '      - {secret: S1, name: ONE, type: env}',
        '  worker:',
        '    extends: base',
        '    command: work',
        '    environment:',
        '      - A=child',
        '    secrets:',
        '      - {secret: S2, name: TWO, type: env}',
        '',
      ].join('\n'),
    );
    expect(body.services.map((s) => s.name)).toEqual(['base', 'worker']);
    expect(body.services[1]).toMatchObject({
      image: 'app:1',
      instances: 2,
      cmd: ['work'],
      env: ['A=child', 'B=parent'],
      secrets: [
        { secret: 'S2', name: 'TWO', type: 'env' },
        { secret: 'S1', name: 'ONE', type: 'env' },
      ],
    });
  });

  it('stack volumes: external true and external name', () => {
    const body = bodyOf(
      [
        'stack: test/db',
        'services:',
        '  db:',
        '    image: mysql:5.7',
        '    stateful: true',
        '    volumes:',
        '      - data:/var/lib/mysql',
        '      - logs:/logs',
        'volumes:',
        '  data:',
        '    external: true',
        '  logs:',
        '    external:',
        '      name: shared-logs',
        '',
      ].join('\n'),
    );
    expect(body.volumes).toEqual([
      { external: 'data', name: 'data' },
      { external: 'shared-logs', name: 'logs' },
    ]);
    expect(body.services[0]?.volumes).toEqual(['data:/var/lib/mysql', 'logs:/logs']);
  });
});
