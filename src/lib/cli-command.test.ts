import { describe, expect, it } from 'vitest';
import { createCommandLine, parseCommandLine, updateCommandLine, type ParsedCommand } from './cli-command';
import { canonicalCreateBody, canonicalUpdateBody } from './options/canonical-body';
import type { ServiceCreateBody, ServiceUpdateBody } from './options/service-body';

/** A create body that uses every option the CLI has (no volumes_from: it cannot go with stateful). */
const everyCreateOption: ServiceCreateBody = {
  name: 'web',
  image: 'registry:5000/acme/web:1.2',
  stateful: true,
  ports: [
    { node_port: 80, container_port: 8080 },
    { ip: '127.0.0.1', node_port: 5353, container_port: 53, protocol: 'udp' },
  ],
  env: ['A=1', 'MSG=hello world', 'EQ=a=b', 'EMPTY='],
  links: [
    { name: 'redis', alias: 'redis' },
    { name: 'other/db', alias: 'db' },
  ],
  volumes: ['/data', '/var/run/docker.sock:/var/run/docker.sock:ro', 'logs:/var/log:rw:z'],
  affinity: ['node==node-1', 'label==az=a', 'service!=web-%s'],
  cpu_shares: 512,
  memory: 536870912,
  memory_swap: 1073741824,
  cmd: ['sh', '-c', 'echo "$HOME" && exec nginx'],
  instances: 3,
  user: 'www-data',
  privileged: true,
  cap_add: ['NET_ADMIN', 'CAP_SYS_TIME'],
  cap_drop: ['MKNOD'],
  net: 'host',
  log_driver: 'syslog',
  log_opts: { 'syslog-address': 'udp://1.2.3.4:514', tag: '{{.Name}}' },
  strategy: 'daemon',
  deploy_opts: { wait_for_port: 8080, min_health: 0.5, interval: 86400 },
  pid: 'host',
  secrets: [{ secret: 'DB_PW', name: 'DB_PASSWORD', type: 'env' }],
  health_check: { port: 8080, protocol: 'http', uri: '/health', timeout: 5, interval: 30, initial_delay: 20 },
};

const everyCreateOptionLine =
  'kontena service create --grid prod -p 80:8080 -p 127.0.0.1:5353:53/udp' +
  " -e A=1 -e 'MSG=hello world' -e EQ=a=b -e EMPTY= -l redis -l other/db:db" +
  ' -v /data -v /var/run/docker.sock:/var/run/docker.sock:ro -v logs:/var/log:rw:z' +
  " -a node==node-1 -a label==az=a -a 'service!=web-%s' -c 512 -m 512m --memory-swap 1g" +
  ` --cmd "sh -c 'echo \\"\\$HOME\\" && exec nginx'" --instances 3 -u www-data --stateful --privileged` +
  ' --cap-add NET_ADMIN --cap-add CAP_SYS_TIME --cap-drop MKNOD --net host --log-driver syslog' +
  " --log-opt syslog-address=udp://1.2.3.4:514 --log-opt 'tag={{.Name}}' --deploy-strategy daemon" +
  ' --deploy-wait-for-port 8080 --deploy-min-health 0.5 --deploy-interval 1d --pid host --secret DB_PW:DB_PASSWORD' +
  ' --health-check-port 8080 --health-check-protocol http --health-check-uri /health --health-check-timeout 5' +
  ' --health-check-interval 30 --health-check-initial-delay 20 web registry:5000/acme/web:1.2';

const everyUpdateOption: ServiceUpdateBody = {
  image: 'redis:4',
  ports: [{ ip: '0.0.0.0', node_port: 6379, container_port: 6379, protocol: 'tcp' }],
  env: ['MAXMEMORY=1gb', 'QUOTE=it\'s "fine"'],
  links: [{ name: 'cache', alias: 'c' }],
  affinity: ['label!=ssd'],
  cpu_shares: 0,
  memory: 1000,
  memory_swap: 2048,
  cmd: ['redis-server', '--appendonly', 'yes'],
  instances: 0,
  user: 'redis',
  privileged: false,
  cap_add: ['ALL'],
  cap_drop: ['NET_RAW', 'CHOWN'],
  net: 'container:other-%s',
  log_driver: 'json-file',
  log_opts: { 'max-size': '10m', 'max-file': '3' },
  strategy: 'random',
  deploy_opts: { interval: null, min_health: 1 },
  pid: 'host',
  secrets: [
    { secret: 'A', name: 'A_VAR', type: 'env' },
    { secret: 'B', name: 'B_VAR', type: 'env' },
  ],
  health_check: { port: null, protocol: null },
};

function parsed(line: string): ParsedCommand {
  const result = parseCommandLine(line);
  if ('error' in result) throw new Error(`unexpected parse error: ${result.error}`);
  return result;
}

describe('createCommandLine', () => {
  it('renders every option in the CLI help order, quoted where needed', () => {
    expect(createCommandLine(everyCreateOption, 'prod')).toEqual({ line: everyCreateOptionLine, notExpressible: [], warnings: [] });
  });

  it.each<[ServiceCreateBody, string]>([
    [{ name: 'redis', image: 'redis:3.2', stateful: false }, 'kontena service create redis redis:3.2'],
    [{ name: 'redis', image: 'redis:3.2', stateful: true }, 'kontena service create --stateful redis redis:3.2'],
    [
      {
        name: 'web',
        image: 'nginx:1',
        stateful: false,
        ports: [{ node_port: 80, container_port: 80 }],
        privileged: false,
        log_opts: {},
        secrets: [],
      },
      'kontena service create -p 80:80 web nginx:1',
    ],
    [
      { name: 'app', image: 'app:1', stateful: false, volumes_from: ['data-%s'], cmd: [], instances: 0 },
      "kontena service create --volumes-from data-%s --cmd '' --instances 0 app app:1",
    ],
    [
      { name: 'app', image: 'app:1', stateful: false, health_check: { port: null, protocol: null }, deploy_opts: { interval: null } },
      'kontena service create --deploy-interval 0 --health-check-port none --health-check-protocol none app app:1',
    ],
    [
      { name: 'app', image: 'app:1', stateful: false, env: ['X=$(rm -rf /)', 'Y=a\nb', 'Z=wow!'] },
      "kontena service create -e 'X=$(rm -rf /)' -e 'Y=a\nb' -e 'Z=wow!' app app:1",
    ],
    [{ name: 'app', image: 'app:1', stateful: false, container_count: 4 }, 'kontena service create --instances 4 app app:1'],
    [{ name: 'app', image: 'app:1', stateful: false, ports: [], env: [], devices: [], hooks: {} }, 'kontena service create app app:1'],
  ])('%j → %s', (body, line) => {
    const rendered = createCommandLine(body);
    expect(rendered.line).toBe(line);
    expect(rendered.notExpressible).toEqual([]);
  });

  it('quotes the grid when needed', () => {
    expect(createCommandLine({ name: 'a', image: 'b:1', stateful: false }, 'my grid').line).toBe(
      "kontena service create --grid 'my grid' a b:1",
    );
  });

  it('warns that the CLI adds :latest to an image without a tag', () => {
    expect(createCommandLine({ name: 'a', image: 'nginx', stateful: false })).toEqual({
      line: 'kontena service create a nginx',
      notExpressible: [],
      warnings: ['image: the CLI adds :latest to an image without a tag (nginx → nginx:latest)'],
    });
  });

  it.each<[Partial<ServiceCreateBody>, string, string[]]>([
    [{ entrypoint: '/bin/sh' }, 'kontena service create a b:1', ['entrypoint: the CLI has no option for it']],
    [
      { hooks: { post_start: [{ name: 'init', cmd: 'sleep 1', instances: '*' }] }, devices: ['/dev/fuse'] },
      'kontena service create a b:1',
      ['hooks: the CLI has no option for them', 'devices: the CLI has no option for them'],
    ],
    [
      { memory: -1, memory_swap: -1 },
      'kontena service create a b:1',
      [
        'memory: -1 has no -m value (the CLI accepts only whole bytes, 0 or more)',
        'memory_swap: -1 has no --memory-swap value (the CLI accepts only whole bytes, 0 or more)',
      ],
    ],
    [
      { log_opts: { 'max-size': '1m', env: 'a=b', labels: '' } },
      'kontena service create --log-opt max-size=1m a b:1',
      [
        "log_opts: env=a=b cannot be written as a --log-opt value (the CLI keeps only the text between the first and second '=')",
        "log_opts: labels= cannot be written as a --log-opt value (the CLI keeps only the text between the first and second '=')",
      ],
    ],
    [
      {
        ports: [
          { ip: '::1', node_port: 80, container_port: 80 },
          { node_port: 81, container_port: 81, protocol: 'a/b' },
          { node_port: 82, container_port: 82 },
        ],
      },
      'kontena service create -p 82:82 a b:1',
      ['ports: ::1:80:80 cannot be written as a -p value', 'ports: 81:81/a/b cannot be written as a -p value'],
    ],
    [
      {
        links: [
          { name: 'redis', alias: '' },
          { name: 'x:y', alias: 'z' },
          { name: 'db', alias: 'database' },
        ],
      },
      'kontena service create -l db:database a b:1',
      ['links: redis: cannot be written as a -l value', 'links: x:y:z cannot be written as a -l value'],
    ],
    [
      {
        secrets: [
          { secret: 'A', name: 'B:C' },
          { secret: 'D', name: 'E' },
        ],
      },
      'kontena service create --secret D:E a b:1',
      ['secrets: A:B:C cannot be written as a --secret value'],
    ],
    [
      { deploy_opts: { wait_for_port: null, min_health: null, interval: 1800 } },
      'kontena service create --deploy-interval 30min a b:1',
      ['deploy_opts.wait_for_port: the CLI cannot send null', 'deploy_opts.min_health: the CLI cannot send null'],
    ],
  ])('%j cannot be fully expressed', (extra, line, notExpressible) => {
    const body: ServiceCreateBody = { name: 'a', image: 'b:1', stateful: false, ...extra };
    const rendered = createCommandLine(body);
    expect(rendered.line).toBe(line);
    expect(rendered.notExpressible).toEqual(notExpressible);
  });
});

describe('updateCommandLine', () => {
  it('renders every update option', () => {
    expect(updateCommandLine('cache/redis', everyUpdateOption, 'prod')).toEqual({
      line:
        'kontena service update --grid prod --image redis:4 -p 6379:6379 -e MAXMEMORY=1gb -e "QUOTE=it\'s \\"fine\\"" -l cache:c' +
        " -a 'label!=ssd' -c 0 -m 1000 --memory-swap 2k --cmd 'redis-server --appendonly yes' --instances 0 -u redis" +
        ' --cap-add ALL --cap-drop NET_RAW --cap-drop CHOWN --net container:other-%s --log-driver json-file' +
        ' --log-opt max-size=10m --log-opt max-file=3 --deploy-strategy random --deploy-min-health 1 --deploy-interval 0' +
        ' --pid host --secret A:A_VAR --secret B:B_VAR --health-check-port none --health-check-protocol none cache/redis',
      notExpressible: [],
      warnings: ['pid: the master ignores pid on update'],
    });
  });

  it('says that the CLI resets privileged when the body leaves it out', () => {
    expect(updateCommandLine('web', {})).toEqual({
      line: 'kontena service update web',
      notExpressible: [],
      warnings: [
        'privileged: kontena service update always sends privileged, so this line also turns it off (add --privileged to keep it on)',
      ],
    });
    expect(updateCommandLine('web', { privileged: true }).line).toBe('kontena service update --privileged web');
    expect(updateCommandLine('web', { privileged: false }).warnings).toEqual([]);
  });

  it('warns that the CLI adds :latest to --image', () => {
    expect(updateCommandLine('web', { image: 'nginx', privileged: false }).warnings).toEqual([
      'image: the CLI adds :latest to an image without a tag (nginx → nginx:latest)',
    ]);
  });

  it('lists what kontena service update cannot send', () => {
    const rendered = updateCommandLine('web', {
      privileged: false,
      volumes: ['/data'],
      volumes_from: [],
      env: [],
      ports: [],
      links: [],
      affinity: [],
      cap_add: [],
      cap_drop: [],
      secrets: [],
      log_opts: {},
      deploy_opts: {},
      hooks: {},
      devices: [],
      entrypoint: 'x',
    });
    expect(rendered.line).toBe('kontena service update web');
    expect(rendered.notExpressible).toEqual([
      'ports: the CLI cannot send an empty list (it sends ports only when -p is given)',
      'env: the CLI cannot send an empty list (it sends env only when -e is given)',
      'links: the CLI cannot send an empty list (it sends links only when -l is given)',
      'volumes: kontena service update has no -v option',
      'volumes_from: kontena service update has no --volumes-from option',
      'affinity: the CLI cannot send an empty list (it sends affinity only when -a is given)',
      'cap_add: the CLI cannot send an empty list (it sends cap_add only when --cap-add is given)',
      'cap_drop: the CLI cannot send an empty list (it sends cap_drop only when --cap-drop is given)',
      'log_opts: the CLI cannot send an empty object (it sends log_opts only when --log-opt is given)',
      'deploy_opts: the CLI cannot send an empty object (it sends deploy_opts only when a --deploy-* option is given)',
      'secrets: the CLI cannot send an empty list (it sends secrets only when --secret is given)',
      'entrypoint: the CLI has no option for it',
      'hooks: the CLI has no option for them',
      'devices: the CLI has no option for them',
    ]);
  });
});

describe('parseCommandLine', () => {
  it('adds what kontena service create always sends', () => {
    expect(parseCommandLine('kontena service create nginx nginx')).toStrictEqual({
      kind: 'create',
      name: 'nginx',
      body: { name: 'nginx', image: 'nginx:latest', stateful: false, privileged: false, log_opts: {}, secrets: [] },
      warnings: [],
    });
  });

  it('adds what kontena service update always sends', () => {
    expect(parseCommandLine('kontena service update --grid prod --image redis stack/redis')).toStrictEqual({
      kind: 'update',
      name: 'stack/redis',
      grid: 'prod',
      body: { image: 'redis:latest', privileged: false },
      warnings: [],
    });
  });

  it('reads every create option back', () => {
    const result = parsed(everyCreateOptionLine);
    expect(result.kind).toBe('create');
    expect(result.grid).toBe('prod');
    expect(result.body).toStrictEqual(canonicalCreateBody(everyCreateOption));
  });

  it.each<[string, Partial<ServiceCreateBody>]>([
    // Clamp's forms: value glued to a short switch, --switch=value, the last single value wins.
    [
      'kontena service create -p80:80 -eA=1 a b:1',
      { ports: [{ ip: '0.0.0.0', node_port: 80, container_port: 80, protocol: 'tcp' }], env: ['A=1'] },
    ],
    [
      'kontena service create --ports=80:80 --env=A=1 a b:1',
      { ports: [{ ip: '0.0.0.0', node_port: 80, container_port: 80, protocol: 'tcp' }], env: ['A=1'] },
    ],
    ['kontena service create -m 1g -m 2g a b:1', { memory: 2147483648 }],
    ['kontena service create --instances 2 a b:1', { instances: 2 }],
    ['kontena service create --deploy-interval 0 a b:1', { deploy_opts: { interval: null } }],
    ['kontena service create --deploy-min-health 0.9 a b:1', { deploy_opts: { min_health: 0.9 } }],
    ['kontena service create --cmd "" a b:1', { cmd: [] }],
    // An option takes the next word as its value even when it starts with '-'.
    ['kontena service create -e -DASH=1 -u -1 a b:1', { env: ['-DASH=1'], user: '-1' }],
    [
      'kontena service create --health-check-protocol tcp --health-check-port 6379 a b:1',
      { health_check: { port: 6379, protocol: 'tcp' } },
    ],
    ['kontena service create --volumes-from data-%s a b:1', { volumes_from: ['data-%s'] }],
    // Options after the positional arguments, and `--`.
    ['kontena service create a b:1 -p 1:2', { ports: [{ ip: '0.0.0.0', node_port: 1, container_port: 2, protocol: 'tcp' }] }],
    ['kontena service create -- a b:1', {}],
  ])('%s', (line, extra) => {
    expect(parsed(line).body).toStrictEqual({
      name: 'a',
      image: 'b:1',
      stateful: false,
      privileged: false,
      log_opts: {},
      secrets: [],
      ...extra,
    });
  });

  it('accepts a prompt and bash line continuations', () => {
    const line = "$ kontena service create \\\n  -p 80:80 \\\r\n  -e 'A=x \\\ny' \\\n  web nginx:1";
    expect(parsed(line).body).toStrictEqual({
      name: 'web',
      image: 'nginx:1',
      stateful: false,
      privileged: false,
      log_opts: {},
      secrets: [],
      ports: [{ ip: '0.0.0.0', node_port: 80, container_port: 80, protocol: 'tcp' }],
      env: ['A=x \\\ny'],
    });
    expect(parsed('service update web').body).toStrictEqual({ privileged: false });
  });

  it('keeps the value after the first = of a log option, and says the CLI would not', () => {
    const result = parsed('kontena service create --log-opt env=a=b --log-opt max-size=1m a b:1');
    expect(result.body.log_opts).toEqual({ env: 'a=b', 'max-size': '1m' });
    expect(result.warnings).toEqual(["--log-opt env=a=b: the CLI itself would send only 'a' for env; this keeps 'a=b'"]);
  });

  it('warns about update rules that surprise', () => {
    const result = parsed('kontena service update -e A= -e B=2 --pid host web');
    expect(result.body).toStrictEqual({ env: ['A=', 'B=2'], pid: 'host', privileged: false });
    expect(result.warnings).toEqual([
      '-e A=: on update an empty value keeps the current value of A',
      '--pid: the master ignores pid on update',
    ]);
  });

  it('passes on warnings from the option parsers', () => {
    expect(parsed('kontena service create --cap-add net_admin a MyImage:1').warnings).toEqual([
      "IMAGE: Docker repository names are lowercase: 'MyImage:1' will probably not be found",
      '--cap-add: Capability names are written in uppercase: NET_ADMIN',
    ]);
  });

  it('sends only the lists that were given on update', () => {
    expect(parsed('kontena service update --secret PW:PASS --log-opt a=1 web').body).toStrictEqual({
      secrets: [{ secret: 'PW', name: 'PASS', type: 'env' }],
      log_opts: { a: '1' },
      privileged: false,
    });
  });

  it.each<[string, string]>([
    ['kontena service ls', 'Not a service command: the line must start with kontena service create or kontena service update'],
    ['kontena stack create x', 'Not a service command: the line must start with kontena service create or kontena service update'],
    ['', 'Not a service command: the line must start with kontena service create or kontena service update'],
    ["kontena service create 'web nginx", 'Unmatched quote'],
    ['kontena service create', "parameter 'NAME': no value provided"],
    ['kontena service create web', "parameter 'IMAGE': no value provided"],
    ['kontena service create web nginx extra', 'too many arguments: extra'],
    ['kontena service update', "parameter 'NAME': no value provided"],
    ['kontena service update web other', 'too many arguments: other'],
    ['kontena service create --foo x web nginx', "Unrecognised option '--foo'"],
    ['kontena service update --stateful web', "Unrecognised option '--stateful'"],
    ['kontena service update -v /data:/data web', "Unrecognised option '-v'"],
    ['kontena service update --volumes-from x web', "Unrecognised option '--volumes-from'"],
    ['kontena service create --image x web nginx', "Unrecognised option '--image'"],
    ['kontena service create web nginx -p', "option '-p': no value provided"],
    ['kontena service create --stateful=true web nginx', "option '--stateful': takes no value"],
    ['kontena service create -p 80 web nginx', '-p: Invalid port value 80'],
    [
      'kontena service create -m 512b web nginx',
      '-m: Invalid memory value: 512b (the CLI has no b unit despite its help text: give plain bytes such as 512, or use k, m or g)',
    ],
    [
      'kontena service create --memory-swap -1 web nginx',
      '--memory-swap: Invalid memory value: -1 (the CLI does not accept negative values, so -1 cannot disable swap despite its help text: leave the field empty instead)',
    ],
    [
      'kontena service create -e FOO web nginx',
      "-e: Invalid env value FOO: write KEY=VALUE (an entry without '=' makes the master fail with an internal error on update)",
    ],
    ['kontena service create -c 2048 web nginx', '-c: Cpu Shares is too big'],
    [
      'kontena service create --deploy-strategy spread web nginx',
      "--deploy-strategy: Strategy not supported: 'spread' (use ha, daemon or random)",
    ],
    [
      'kontena service create --net bridged web nginx',
      "--net: Net isn't in the right format: use bridge, host or container:<name>, not 'bridged'",
    ],
    ['kontena service create --cmd "sh -c \'x" web nginx', '--cmd: Unmatched quote'],
    ['kontena service create -u "" web nginx', "-u: User can't be blank"],
    ['kontena service create -v data web nginx', "-v: Volume definition 'data' not in right format"],
    [
      'kontena service create -a node=n1 web nginx',
      "-a: Invalid affinity 'node=n1': write node, label, service or container, then == or !=, then a value (e.g. node==node-1, label==az=a, service!=web)",
    ],
    ['kontena service create --secret PW web nginx', '--secret: Invalid secret value PW: write SECRET:NAME or SECRET:NAME:env'],
    [
      'kontena service create --deploy-interval 10m web nginx',
      '--deploy-interval: Invalid deploy interval 10m: write 10min for minutes (the CLI reads 10m as 10 seconds)',
    ],
    [
      'kontena service create --health-check-uri /health web nginx',
      'Health check: give both --health-check-port and --health-check-protocol (use none for no value): the master requires both (Port is required, Protocol is required)',
    ],
    [
      'kontena service create --health-check-port 80 --health-check-protocol http --health-check-timeout 30 --health-check-interval 10 web nginx',
      'Health check: Interval has to be bigger than timeout',
    ],
    ['kontena service create --stateful --volumes-from data-1 web nginx', '--volumes-from: Cannot combine stateful & volumes_from'],
    ['kontena service create web.app nginx', "NAME: Name isn't in the right format: use letters, digits, _ and -, not starting with -"],
    [
      'kontena service update a/b/c/d',
      "NAME: Invalid service 'a/b/c/d': write NAME, STACK/NAME or GRID/STACK/NAME (use letters, digits, _ and -, not starting with -)",
    ],
    ['kontena service create --grid x web nginx', "--grid: Invalid grid name 'x': use at least 3 letters, digits, _ or -"],
    // Every problem is reported, one per line.
    [
      'kontena service create -p 80 -m 1x -e X web nginx',
      "-p: Invalid port value 80\n-m: Invalid memory value: 1x (use a number with an optional unit k, m or g, e.g. 512m or 1g)\n-e: Invalid env value X: write KEY=VALUE (an entry without '=' makes the master fail with an internal error on update)",
    ],
  ])('%s → error', (line, error) => {
    expect(parseCommandLine(line)).toEqual({ error });
  });
});

describe('round trips', () => {
  const createBodies: ServiceCreateBody[] = [
    { name: 'nginx', image: 'nginx', stateful: false },
    everyCreateOption,
    { ...everyCreateOption, stateful: false, volumes_from: ['data-%s', 'other-1'], privileged: false, memory: 1000, memory_swap: 3072 },
    {
      name: 'odd-values',
      image: 'app@sha256:0123abcd',
      stateful: false,
      env: ["SQ='", 'DQ="', 'BS=\\', 'NL=a\nb', 'BANG=hi!', 'DOLLAR=$HOME', 'UNI=ünï', 'SP=  '],
      cmd: [],
      instances: 0,
      cpu_shares: 1024,
      memory: 0,
      deploy_opts: { interval: null },
      health_check: { port: null, protocol: null },
      log_opts: {},
      secrets: [],
      privileged: false,
    },
    {
      name: 'w',
      image: 'w:1',
      stateful: false,
      container_count: 2,
      ports: [{ node_port: 1, container_port: 65535, ip: '10.1.2.3' }],
      cmd: ['a b', "c'd", '', 'e"f'],
      deploy_opts: { interval: 45 },
      health_check: { port: 1, protocol: 'tcp', timeout: 60, interval: 60 },
      net: 'container:db-%s',
    },
  ];

  it.each(createBodies.map((body) => [body.name, body] as const))('create %s: body → line → body', (_name, body) => {
    const rendered = createCommandLine(body, 'test-grid');
    expect(rendered.notExpressible).toEqual([]);
    const back = parsed(rendered.line);
    expect(back.kind).toBe('create');
    expect(back.grid).toBe('test-grid');
    expect(back.body).toStrictEqual(canonicalCreateBody(body));
  });

  const updateBodies: [string, ServiceUpdateBody][] = [
    ['web', {}],
    ['cache/redis', everyUpdateOption],
    ['prod/s/n', { image: 'redis', privileged: true, env: ['A=', 'B=1'] }],
    [
      'web',
      { deploy_opts: { wait_for_port: 80 }, health_check: { port: 80, protocol: 'http', uri: '/', initial_delay: 0 }, container_count: 1 },
    ],
  ];

  it.each(updateBodies)('update %s: body → line → body', (name, body) => {
    const rendered = updateCommandLine(name, body);
    expect(rendered.notExpressible).toEqual([]);
    const back = parsed(rendered.line);
    expect(back.kind).toBe('update');
    expect(back.name).toBe(name);
    expect(back.body).toStrictEqual(canonicalUpdateBody(body));
  });

  it('leaves out exactly what it cannot express', () => {
    const body: ServiceCreateBody = {
      name: 'a',
      image: 'b:1',
      stateful: false,
      entrypoint: '/x',
      env: ['A=1'],
      log_opts: { ok: 'yes', bad: 'x=y' },
      deploy_opts: { wait_for_port: null, min_health: 0.7 },
    };
    const rendered = createCommandLine(body);
    expect(rendered.notExpressible).toHaveLength(3);
    expect(parsed(rendered.line).body).toStrictEqual(
      canonicalCreateBody({
        name: 'a',
        image: 'b:1',
        stateful: false,
        env: ['A=1'],
        log_opts: { ok: 'yes' },
        deploy_opts: { min_health: 0.7 },
      }),
    );
  });

  it.each([
    'kontena service create nginx nginx:latest',
    everyCreateOptionLine,
    'kontena service create -e MYSQL_ROOT_PASSWORD=secret -v mysql-data:/var/lib/mysql --stateful --secret DB:DB_PASS mysql mysql:5.7',
    'kontena service create -p 80:80 -l app:backend --cmd "nginx -g \'daemon off;\'" --deploy-wait-for-port 80 --deploy-interval 12h lb nginx:1',
    'kontena service update web',
    'kontena service update --image nginx:1.13 -p 8080:80/udp --instances 5 --privileged web',
    'kontena service update --grid prod -e A=1 --cap-drop ALL --deploy-min-health 0.25 --health-check-port 80 --health-check-protocol http --health-check-uri /ping s/web',
  ])('line → body → the same line: %s', (line) => {
    const result = parsed(line);
    const rendered =
      result.kind === 'create' ? createCommandLine(result.body, result.grid) : updateCommandLine(result.name, result.body, result.grid);
    expect(rendered.line).toBe(line);
    expect(rendered.notExpressible).toEqual([]);
  });
});
