// A realistic stack file through the whole library, checked field by field against what
// the CLI 1.2 code would send (Stacks::Common#stack_from_reader, ServiceGeneratorV2), and
// the body accepted and deployed by the simulated master.
import { afterEach, describe, expect, it } from 'vitest';
import { arr, createTestMaster, obj, type TestMaster } from '../../../test/simulator/test-support';
import { stackBodySchema, type StackBody as ApiStackBody } from '../../api/schemas/requests/stack-body';
import {
  buildStackInstallBody,
  buildStackUpgradeBody,
  type InstallOptions,
  type StackBodyResult,
  type UpgradeOptions,
} from './build-stack-body';
import { parseStackFile, type ParsedStackFile } from './parse-stack-file';
import type { StackBody } from './stack-body';
import { describeVariables } from './variable-values';

const WORDPRESS = `stack: kontena/wordpress
version: 0.3.0
description: Wordpress with MariaDB
expose: wordpress
variables:
  wp_instances:
    type: integer
    min: 1
    default: 2
    from:
      prompt: Number of Wordpress instances
services:
  wordpress:
    image: wordpress:4.6
    instances: \${wp_instances}
    environment:
      WORDPRESS_DB_HOST: mysql.\${STACK}.\${GRID}.kontena.local
      WORDPRESS_DB_PASSWORD: secret
    links:
      - mysql
    ports:
      - "8181:80"
    deploy:
      strategy: ha
      wait_for_port: 80
    health_check:
      protocol: http
      port: 80
      uri: /
  mysql:
    image: mariadb:5.5
    stateful: true
    mem_limit: 512m
    command: mysqld --character-set-server=utf8mb4
    environment:
      - MYSQL_ROOT_PASSWORD=secret
`;

function parsed(source: string): ParsedStackFile {
  const result = parseStackFile(source);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.value;
}

function installed(input: Record<string, string>, name?: string): StackBody {
  const options: InstallOptions = { grid: 'staging', name };
  const built: StackBodyResult = buildStackInstallBody(parsed(WORDPRESS), input, options);
  if (!built.ok) throw new Error(JSON.stringify(built));
  return built.body;
}

describe('the wordpress + mysql stack, as kontena stack install sends it', () => {
  it('asks one variable, with its default', () => {
    expect(describeVariables(parsed(WORDPRESS), {}, { stackName: 'blog', grid: 'staging' })).toEqual([
      {
        name: 'wp_instances',
        type: 'integer',
        label: 'Number of Wordpress instances',
        description: null,
        default: 2,
        required: true,
        options: null,
        canBeOther: false,
        secret: false,
        generatedWhenEmpty: null,
      },
    ]);
  });

  it('the stack fields', () => {
    const body = installed({ wp_instances: '3' }, 'blog');
    expect(Object.keys(body)).toEqual(['name', 'stack', 'expose', 'version', 'source', 'registry', 'services', 'volumes', 'variables']);
    // --name wins over the file's name; stack is `stack:` as written; source is the text untouched.
    expect(body.name).toBe('blog');
    expect(body.stack).toBe('kontena/wordpress');
    expect(body.expose).toBe('wordpress');
    expect(body.version).toBe('0.3.0');
    expect(body.source).toBe(WORDPRESS);
    expect(body.registry).toBe('file://');
    expect(body.volumes).toEqual([]);
    // Every variable's value, STACK and GRID left out.
    expect(body.variables).toEqual({ wp_instances: 3 });
    expect(body.services.map((s) => s.name)).toEqual(['wordpress', 'mysql']);
  });

  it('the wordpress service, field by field', () => {
    const [wordpress] = installed({ wp_instances: '3' }, 'blog').services;
    expect(wordpress).toEqual({
      instances: 3,
      image: 'wordpress:4.6',
      // environment map → KEY=VALUE, ${STACK} the install name, ${GRID} the grid
      env: ['WORDPRESS_DB_HOST=mysql.blog.staging.kontena.local', 'WORDPRESS_DB_PASSWORD=secret'],
      links: [{ name: 'mysql', alias: 'mysql' }],
      external_links: [],
      ports: [{ ip: '0.0.0.0', container_port: 80, node_port: 8181, protocol: 'tcp' }],
      volumes: [],
      volumes_from: [],
      affinity: [],
      stateful: false,
      strategy: 'ha',
      deploy_opts: { wait_for_port: 80, min_health: null, interval: null },
      hooks: {},
      health_check: { port: 80, protocol: 'http', uri: '/', timeout: null, interval: null, initial_delay: null },
      log_driver: null,
      log_opts: null,
      name: 'wordpress',
    });
  });

  it('the mysql service, field by field', () => {
    const [, mysql] = installed({}).services;
    expect(mysql).toEqual({
      instances: null,
      image: 'mariadb:5.5',
      env: ['MYSQL_ROOT_PASSWORD=secret'],
      links: [],
      external_links: [],
      ports: [],
      memory: 512 * 1024 * 1024,
      volumes: [],
      volumes_from: [],
      cmd: ['mysqld', '--character-set-server=utf8mb4'],
      affinity: [],
      stateful: true,
      deploy_opts: { wait_for_port: null, min_health: null, interval: null },
      hooks: {},
      health_check: { port: null, protocol: null, uri: null, timeout: null, interval: null, initial_delay: null },
      log_driver: null,
      log_opts: null,
      name: 'mysql',
    });
  });

  it('without --name the name comes from stack:, and the default fills the variable', () => {
    const body = installed({});
    expect([body.name, body.variables, body.services[0]?.instances, body.services[0]?.env?.[0]]).toEqual([
      'wordpress',
      { wp_instances: 2 },
      2,
      'WORDPRESS_DB_HOST=mysql.wordpress.staging.kontena.local',
    ]);
  });

  it('refuses a value below min: 1', () => {
    const built = buildStackInstallBody(parsed(WORDPRESS), { wp_instances: '0' }, { grid: 'staging' });
    expect(built).toEqual({ ok: false, variables: { wp_instances: 'wp_instances must be at least 1' }, problems: [] });
  });

  it('passes the request schema, and is the api’s type', () => {
    const body: ApiStackBody = installed({ wp_instances: '3' }, 'blog');
    expect(stackBodySchema.safeParse(body).success).toBe(true);
  });
});

describe('kontena stack upgrade', () => {
  it('sends the same body; name is the file’s, ${STACK} the installed stack’s, and the installed values are the defaults', () => {
    const built = buildStackUpgradeBody(
      parsed(WORDPRESS.replace('wordpress:4.6', 'wordpress:4.7')),
      {},
      {
        grid: 'staging',
        name: 'blog',
        previousValues: { wp_instances: 3 },
      },
    );
    if (!built.ok) throw new Error(JSON.stringify(built));
    expect(built.body.name).toBe('wordpress');
    expect(built.body.variables).toEqual({ wp_instances: 3 });
    expect(built.body.services[0]).toMatchObject({
      image: 'wordpress:4.7',
      instances: 3,
      env: ['WORDPRESS_DB_HOST=mysql.blog.staging.kontena.local', 'WORDPRESS_DB_PASSWORD=secret'],
    });
  });

  it('an answer overrides the installed value', () => {
    const options: UpgradeOptions = { grid: 'staging', name: 'blog', previousValues: { wp_instances: 3 } };
    const built = buildStackUpgradeBody(parsed(WORDPRESS), { wp_instances: '5' }, options);
    expect(built.ok && built.body.variables).toEqual({ wp_instances: 5 });
  });
});

describe('the simulated master takes the body', () => {
  let t: TestMaster;
  afterEach(() => t.master.dispose());

  it('installs it (201), deploys it and ends in success', async () => {
    t = await createTestMaster();
    const body = installed({ wp_instances: '2' }, 'blog');
    const created = await t.api('POST', '/v1/grids/staging/stacks', { body });
    expect(created.status).toBe(201);
    expect(obj(created.body)).toMatchObject({
      id: 'staging/blog',
      stack: 'kontena/wordpress',
      version: '0.3.0',
      expose: 'wordpress',
      variables: { wp_instances: 2 },
    });
    expect(arr(obj(created.body).services).map((s) => obj(s).name)).toEqual(['mysql', 'wordpress']);

    const deploy = await t.api('POST', '/v1/stacks/staging/blog/deploy', { body: {} });
    expect(deploy.status).toBe(200);
    const id = String(obj(deploy.body).id);
    await t.clock.advanceAsync(30_000, 250);
    const status = obj((await t.api('GET', `/v1/stacks/staging/blog/deploys/${id}`)).body);
    expect(status.state).toBe('success');
    const stack = obj((await t.api('GET', '/v1/stacks/staging/blog')).body);
    expect(stack.state).toBe('running');
  });

  it('takes the upgrade body (200) and saves a new revision', async () => {
    t = await createTestMaster();
    await t.api('POST', '/v1/grids/staging/stacks', { body: installed({}, 'blog') });
    const built = buildStackUpgradeBody(
      parsed(WORDPRESS.replace('wordpress:4.6', 'wordpress:4.7')),
      {},
      { grid: 'staging', name: 'blog', previousValues: { wp_instances: 2 } },
    );
    if (!built.ok) throw new Error('upgrade');
    const updated = await t.api('PUT', '/v1/stacks/staging/blog', { body: built.body });
    expect(updated.status).toBe(200);
    expect(obj(updated.body).revision).toBe(2);
  });
});
