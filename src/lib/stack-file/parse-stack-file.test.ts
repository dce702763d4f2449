import { describe, expect, it } from 'vitest';
import { buildStackInstallBody } from './build-stack-body';
import { parseStackFile, type ParsedStackFile, type StackFileResult } from './parse-stack-file';

/** A file's text from lines, so the tests can say which line a problem is on. */
const lines = (...text: string[]): string => `${text.join('\n')}\n`;

describe('parseStackFile: what it reads', () => {
  it('takes the name from stack:, the version from version:, the description and the warnings', () => {
    const parsed: StackFileResult<ParsedStackFile> = parseStackFile(
      lines('stack: user/wordpress', 'version: 1.2.0', 'description: A blog', 'extra: 1', 'services:', '  web:', '    image: nginx'),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toMatchObject({ stack: 'user/wordpress', name: 'wordpress', version: '1.2.0', description: 'A blog' });
    expect(parsed.value.warnings.map((w) => w.message)).toEqual(['line 4: extra is not a stack file key; the CLI ignores it']);
  });

  it.each([
    ['stack: user/app:2.0.1', 'app', '2.0.1'],
    ['stack: app', 'app', '0.0.1'],
  ])('%s: name and version from the stack name when version: is missing', (first, name, version) => {
    const parsed = parseStackFile(lines(first, 'services:', '  web:', '    image: nginx'));
    expect(parsed.ok && [parsed.value.name, parsed.value.version]).toEqual([name, version]);
  });

  it.each([
    ['version: 1.0', '1.0'],
    ['version: 2', '2'],
    ['version: 1.10', '1.1'],
  ])('%s: a number, stored the way the master stringifies it, with a warning', (line, version) => {
    const parsed = parseStackFile(lines('stack: a/b', line, 'services:', '  web:', '    image: nginx'));
    expect(parsed.ok && parsed.value.version).toBe(version);
    expect(parsed.ok && parsed.value.warnings[0]?.message).toMatch(/^line 2: version .* is a number in YAML/);
  });

  it('keeps the source exactly as given', () => {
    const source = 'stack: a/b\r\nservices:\r\n  web:\r\n    image: nginx\r\n';
    const parsed = parseStackFile(source);
    expect(parsed.ok && parsed.value.source).toBe(source);
    if (!parsed.ok) return;
    const built = buildStackInstallBody(parsed.value, {}, { grid: 'g' });
    expect(built.ok && [built.body.source, built.body.services[0]?.image]).toEqual([source, 'nginx:latest']);
  });
});

describe('parseStackFile: what it refuses, naming the line', () => {
  const cases: [title: string, source: string, message: string][] = [
    ['an empty file', '  \n', 'line 1: the stack file is empty'],
    [
      'a registry name instead of a file',
      'kontena/wordpress:1.0.0',
      'line 1: installing kontena/wordpress:1.0.0 from the stacks registry is not supported in the browser; get the file (kontena stack registry pull kontena/wordpress:1.0.0) and paste its text here',
    ],
    [
      'a URL instead of a file',
      'https://example.com/kontena.yml\n',
      'line 1: loading a stack file from a URL (https://example.com/kontena.yml) is not supported in the browser; open it and paste its text here',
    ],
    [
      'a liquid tag',
      lines('stack: a/b', 'services:', '  web:', '{% if x %}', '    image: nginx', '{% endif %}'),
      'line 4: liquid templates ({% … %}) are not supported; use variables and only_if/skip_if instead',
    ],
    [
      'a liquid output',
      lines('stack: a/b', 'services:', '  web:', '    image: {{ img }}'),
      'line 4: liquid templates ({{ … }}) are not supported; use ${variable} instead',
    ],
    ['invalid YAML', lines('stack: a/b', 'services:', '  web: image: nginx'), 'line 3: the file is not valid YAML'],
    ['a list, not a mapping', lines('- a', '- b'), 'line 1: a stack file must be a mapping'],
    [
      'a docker-compose version 2 file',
      lines("version: '2'", 'services:', '  web:', '    image: nginx'),
      "line 1: version 2 stack files are not supported; use stack file version 3 (a top-level stack: name, with version: the stack's own version)",
    ],
    [
      'no stack: name',
      lines('version: 1.0.0', 'services:', '  web:', '    image: nginx'),
      "line 1: the stack file must name the stack in a top-level 'stack:' (e.g. stack: user/wordpress)",
    ],
    [
      'a bad stack name',
      lines('stack: user/my stack', 'services: {}'),
      'line 1: stack: user/my stack gives the name my stack, which is not a valid stack name',
    ],
    ['a list as version', lines('stack: a/b', 'version: [1]', 'services: {}'), "line 2: version must be a text such as '1.0.0'"],
    [
      'build',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx', '    build: .'),
      'line 5: services.web.build is not supported in the browser (the CLI builds images locally)',
    ],
    [
      'env_file',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx', '    env_file: .env'),
      'line 5: services.web.env_file is not supported in the browser (the CLI reads the file from its disk)',
    ],
    [
      'extends from another file',
      lines('stack: a/b', 'services:', '  web:', '    extends:', '      service: web', '      file: base.yml'),
      'line 6: services.web.extends.file: extending a service of another file is not supported in the browser',
    ],
    [
      'extends from a registry stack',
      lines('stack: a/b', 'services:', '  web:', '    extends:', '      service: web', '      stack: kontena/base'),
      'line 6: services.web.extends.stack: extending a service of another stack is not supported in the browser',
    ],
    [
      'a pre_build hook',
      lines(
        'stack: a/b',
        'services:',
        '  web:',
        '    image: nginx',
        '    hooks:',
        '      pre_build:',
        '        - name: x',
        '          cmd: make',
      ),
      'line 6: services.web.hooks.pre_build is not supported in the browser',
    ],
    [
      'an unknown ${variable}',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx:${tag}'),
      'line 4: ${tag} refers to an undeclared variable; declare it under variables: (write $$ for a literal $)',
    ],
    [
      'an unknown $variable in a comment',
      lines('stack: a/b', '# costs $5', 'services: {}'),
      'line 2: ${5} refers to an undeclared variable',
    ],
    [
      'a vault source',
      lines('stack: a/b', 'variables:', '  pw:', '    type: string', '    from:', '      vault: pw', 'services: {}'),
      'line 5: variables.pw.from uses vault, which the browser cannot resolve (it reads the master’s vault from the CLI)',
    ],
    [
      'a vault setter',
      lines('stack: a/b', 'variables:', '  pw:', '    type: string', '    to:', '      vault: pw', 'services: {}'),
      'line 5: variables.pw.to uses vault, which the browser cannot do',
    ],
    [
      'a file source',
      lines('stack: a/b', 'variables:', '  pw:', '    type: string', '    from:', '      file: /tmp/pw', 'services: {}'),
      'line 5: variables.pw.from uses file, which the browser cannot resolve (it reads a file on the CLI’s machine)',
    ],
    [
      'a service_link source',
      lines(
        'stack: a/b',
        'variables:',
        '  lb:',
        '    type: string',
        '    from:',
        '      service_link:',
        '        prompt: Pick',
        'services: {}',
      ),
      'line 5: variables.lb.from uses service_link, which the browser cannot resolve',
    ],
    [
      'an array variable',
      lines('stack: a/b', 'variables:', '  list:', '    type: array', 'services: {}'),
      'line 4: variables.list.type is array, which is not supported in the browser',
    ],
    [
      'an unknown type',
      lines('stack: a/b', 'variables:', '  x:', '    type: float', 'services: {}'),
      'line 4: variables.x.type must be one of string, integer, boolean, enum, uri',
    ],
    [
      'an enum without options',
      lines('stack: a/b', 'variables:', '  x:', '    type: enum', 'services: {}'),
      'line 3: variables.x.options must list the choices of an enum',
    ],
    [
      'hexdigest',
      lines('stack: a/b', 'variables:', '  x:', '    type: string', '    hexdigest: md5', 'services: {}'),
      'line 5: variables.x.hexdigest is not supported in the browser',
    ],
    [
      'declaring STACK',
      lines('stack: a/b', 'variables:', '  STACK:', '    type: string', 'services: {}'),
      'line 3: variables.STACK is set by the CLI',
    ],
  ];
  it.each(cases)('%s', (_title, source, message) => {
    const parsed = parseStackFile(source);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.message).join('\n')).toContain(message);
  });

  it('gives line and column of each problem, in the order of the file', () => {
    const parsed = parseStackFile(lines('stack: a/b', 'services:', '  web:', '    image: ${one}', '    build: .', '    command: ${two}'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => [p.line, p.column])).toEqual([
      [4, 12],
      [5, 5],
      [6, 14],
    ]);
  });

  it('reads ${…} in YAML flow style before the values are in, as the CLI (which interpolates first) does', () => {
    const source = lines(
      'stack: a/b',
      'variables:',
      '  cap:',
      '    type: string',
      '    default: NET_ADMIN',
      'services:',
      '  web:',
      '    image: nginx',
      '    cap_add: [${cap}]',
    );
    const parsed = parseStackFile(source);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    const built = buildStackInstallBody(parsed.value, {}, { grid: 'g' });
    expect(built.ok && built.body.services[0]?.cap_add).toEqual(['NET_ADMIN']);
  });

  it('accepts `stack: user/name` (a registry name) and $$ and the CLI’s ${STACK} and ${GRID}', () => {
    const parsed = parseStackFile(
      lines(
        'stack: kontena/redis',
        'services:',
        '  redis:',
        '    image: redis',
        '    environment:',
        '      - HOST=redis.${STACK}.${GRID}.kontena.local',
        '      - PRICE=$$5',
      ),
    );
    expect(parsed.ok).toBe(true);
  });
});

describe('buildStackInstallBody: problems of the rendered file keep their lines', () => {
  const cases: [title: string, source: string, message: string][] = [
    [
      'an unknown service option',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx', '    restart: always'),
      'line 5: services.web.restart is not a stack file option',
    ],
    ['a service without image', lines('stack: a/b', 'services:', '  web:', '    instances: 2'), 'line 3: services.web needs image:'],
    [
      'instances as text',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx', '    instances: two'),
      'line 5: services.web.instances must be a whole number',
    ],
    [
      'an unquoted port',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx', '    ports:', '      - 22:22'),
      'line 6: services.web.ports.0 must be a quoted text such as "80:80" or "53:53/udp" (YAML 1.1 reads an unquoted 22:22 as the base-60 number 1342: quote it)',
    ],
    [
      'a bad port',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx', '    ports:', '      - "80"'),
      'line 6: services.web.ports.0 "80" is not a port mapping',
    ],
    [
      'a bad memory',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx', '    mem_limit: 1.5g'),
      'line 5: services.web.mem_limit must be a number with an optional unit k, m or g (e.g. 512m or 1g), not "1.5g"',
    ],
    [
      'a number as mem_limit',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx', '    mem_limit: 1024'),
      'line 5: services.web.mem_limit must be a text such as "512m"',
    ],
    [
      'a bad affinity',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx', '    affinity:', '      - node=a'),
      'line 5: services.web.affinity has entries that are not name==value or name!=value: node=a',
    ],
    [
      'a bad strategy',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx', '    deploy:', '      strategy: all'),
      'line 6: services.web.deploy.strategy must be one of ha, daemon, random',
    ],
    [
      'an unquoted interval',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx', '    deploy:', '      interval: 60'),
      'line 6: services.web.deploy.interval must be a quoted text',
    ],
    [
      'a health check without port',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx', '    health_check:', '      protocol: http'),
      'line 5: services.web.health_check needs port:',
    ],
    [
      'a bad network_mode',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx', '    network_mode: overlay'),
      'line 5: services.web.network_mode must be one of host, bridge',
    ],
    [
      'an incomplete secret',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx', '    secrets:', '      - secret: pw', '        name: PW'),
      'line 6: services.web.secrets.0 needs secret:, name: and type: texts',
    ],
    [
      'a hook without instances',
      lines(
        'stack: a/b',
        'services:',
        '  web:',
        '    image: nginx',
        '    hooks:',
        '      post_start:',
        '        - name: x',
        '          cmd: ls',
      ),
      'line 7: services.web.hooks.post_start.0 needs instances:',
    ],
    [
      'an undeclared volume',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx', '    volumes:', '      - data:/data'),
      'line 6: services.web.volumes.0 names the volume data, but the file has no top-level volumes:',
    ],
    [
      'a mount point twice',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx', '    volumes:', '      - /a:/data', '      - /b:/data'),
      'line 5: services.web.volumes mount point /data is defined 2 times',
    ],
    [
      'a volume that is not external',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx', 'volumes:', '  data: {}'),
      'line 6: volumes.data needs external: true or external: {name: <grid volume>}',
    ],
    [
      'expose of an unknown service',
      lines('stack: a/b', 'expose: api', 'services:', '  web:', '    image: nginx'),
      'line 2: expose: api is not a service of this stack',
    ],
    [
      'extends of an unknown service',
      lines('stack: a/b', 'services:', '  web:', '    extends: base'),
      'line 4: services.web.extends names base, which is not a service of this file',
    ],
    ['nothing to install', lines('stack: a/b', 'services: {}'), 'line 2: the file does not list any services or volumes'],
    [
      'a command with an open quote',
      lines('stack: a/b', 'services:', '  web:', '    image: nginx', '    command: echo "hi'),
      'line 5: services.web.command cannot be split into words: Unmatched quote',
    ],
  ];
  it.each(cases)('%s', (_title, source, message) => {
    const parsed = parseStackFile(source);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    const built = buildStackInstallBody(parsed.value, {}, { grid: 'g' });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.problems.map((p) => p.message).join('\n')).toContain(message);
  });

  it('a value that breaks the YAML is reported on its line, after filling in', () => {
    const parsed = parseStackFile(
      lines('stack: a/b', 'variables:', '  tag:', '    type: string', 'services:', '  web:', '    image: nginx:${tag}'),
    );
    if (!parsed.ok) throw new Error('parse');
    const built = buildStackInstallBody(parsed.value, { tag: 'a: b: c' }, { grid: 'g' });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.problems[0]?.line).toBe(7);
    expect(built.problems[0]?.message).toMatch(/after filling in the variables/);
  });
});
