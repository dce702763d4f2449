import { describe, expect, it } from 'vitest';
import { containerListSchema, containerSchema, containerSummaryListSchema } from './container';
import { deploySchema } from './deploy';
import {
  fieldErrorsSchema,
  accessDeniedBodySchema,
  invalidTokenBodySchema,
  notFoundBodySchema,
  serverErrorBodySchema,
  wrappedValidationBodySchema,
} from './error-bodies';
import { eventListSchema, eventSchema } from './event';
import { gridListSchema, gridSchema } from './grid';
import { logListSchema, logSchema } from './log';
import { nodeListSchema, nodeSchema } from './node';
import { secretListSchema, secretWithValueSchema } from './secret';
import { serviceListSchema, serviceSchema } from './service';
import type { ServiceCreateBody, ServiceUpdateBody } from './requests/service-body';
import { stackListSchema, stackSchema } from './stack';
import { metricsSchema, statListSchema } from './stats';
import { tokenCodeSchema, tokenSchema } from './token';
import { userSchema } from './user';
import {
  codeJson,
  containerJson,
  deployJson,
  eventJson,
  gridJson,
  logJson,
  metricsJson,
  nodeJson,
  serviceJson,
  stackJson,
  statRowJson,
  tokenJson,
  userJson,
} from '../../../test/api/fixtures';

function without(obj: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key));
}

describe('service schema', () => {
  it('parses the 36-key ServiceJson with the stray deploy_opts._id and keeps unknown keys', () => {
    const body = { ...serviceJson(), labels_v2: ['x'] };
    expect(Object.keys(serviceJson())).toHaveLength(36);
    const service = serviceSchema.parse(body);
    expect(service.deploy_opts._id).toEqual({ $oid: '58e65a1c8e9a1a0007e3c1b0' });
    expect(service.health_check).toBeUndefined();
    expect((service as Record<string, unknown>).labels_v2).toEqual(['x']);
  });

  it('parses health_check and health_status when a protocol is set', () => {
    const service = serviceSchema.parse(
      serviceJson({
        health_check: { protocol: 'http', uri: '/health', port: 8080, timeout: 10, initial_delay: 10, interval: 60 },
        health_status: { healthy: 1, total: 2 },
      }),
    );
    expect(service.health_status).toEqual({ healthy: 1, total: 2 });
  });

  it('fails when any of the 36 keys is missing or mistyped', () => {
    for (const key of Object.keys(serviceJson())) {
      expect(serviceSchema.safeParse(without(serviceJson(), key)).success, key).toBe(false);
    }
    expect(serviceSchema.safeParse(serviceJson({ instances: '2' })).success).toBe(false);
    expect(serviceSchema.safeParse(serviceJson({ state: 'exploded' })).success).toBe(false);
    expect(serviceSchema.safeParse(serviceJson({ created_at: '6 April 2017' })).success).toBe(false);
  });

  it('parses the list answer', () => {
    expect(serviceListSchema.parse({ services: [serviceJson()] }).services).toHaveLength(1);
  });
});

describe('timestamps', () => {
  it('accepts both ...Z and ...+00:00', () => {
    const deploy = deploySchema.parse(deployJson({ finished_at: '2017-04-06T15:41:09.000+00:00', state: 'success' }));
    expect(deploy.started_at).toBe('2017-04-06T15:41:01.250+00:00');
    expect(deploy.created_at).toBe('2017-04-06T15:41:00.000Z');
    expect(metricsSchema.parse(metricsJson()).stats[0]?.timestamp).toBe('2017-04-06T15:40:00.000+00:00');
  });
});

describe('container schema', () => {
  it('parses a container with a node', () => {
    expect(containerSchema.parse(containerJson()).node?.name).toBe('node-1');
  });

  it('parses a container without the node key, with state {} and network_settings {}', () => {
    const body = without(containerJson({ id: 'redis-1', state: {}, network_settings: {}, status: 'stopped' }), 'node');
    const container = containerSchema.parse(body);
    expect(container.node).toBeUndefined();
    expect(container.state).toEqual({});
    expect(containerListSchema.parse({ containers: [body, containerJson()] }).containers).toHaveLength(2);
  });

  it('parses health_status once reported and fails on a missing name', () => {
    expect(
      containerSchema.parse(containerJson({ health_status: { status: 'healthy', updated_at: '2017-04-06T15:42:00.000Z' } })).health_status
        ?.status,
    ).toBe('healthy');
    expect(containerSchema.safeParse(without(containerJson(), 'name')).success).toBe(false);
  });
});

describe('container summary schema (the live views)', () => {
  it('keeps what the monitor, header and log chips read, drops the rest, and fails on what they need', () => {
    const node = {
      containers: [
        containerJson({ health_status: { status: 'unhealthy', updated_at: '2017-04-06T15:42:00.000Z' } }),
        without(containerJson(), 'node'),
      ],
    };
    const [withNode, withoutNode] = containerSummaryListSchema.parse(node).containers;
    expect(withNode?.node).toEqual({
      id: expect.any(String),
      name: 'node-1',
      connected: expect.any(Boolean),
      last_seen_at: expect.toBeOneOf([null, expect.any(String)]),
      labels: expect.any(Array),
    });
    expect(withNode?.health_status?.status).toBe('unhealthy');
    expect(withNode).not.toHaveProperty('env');
    expect(withNode).not.toHaveProperty('network_settings');
    expect(withoutNode?.node).toBeUndefined();
    expect(containerSummaryListSchema.safeParse({ containers: [containerJson({ status: 'sleeping' })] }).success).toBe(false);
    expect(containerSummaryListSchema.safeParse({ containers: [without(containerJson(), 'instance_number')] }).success).toBe(false);
  });
});

describe('node schema', () => {
  it('parses with and without resource_usage', () => {
    expect(nodeSchema.parse(nodeJson()).resource_usage?.filesystem).toHaveLength(1);
    const bare = nodeListSchema.parse({ nodes: [without(nodeJson(), 'resource_usage')] });
    expect(bare.nodes[0]?.resource_usage).toBeUndefined();
    expect(nodeSchema.safeParse(without(nodeJson(), 'overlay_ip')).success).toBe(false);
  });
});

describe('the other resources', () => {
  it('parse their examples', () => {
    expect(tokenSchema.parse(tokenJson()).expires_in).toBe(7200);
    expect(
      tokenSchema.parse(tokenJson({ access_token: null, refresh_token: null, refresh_token_last_four: null, expires_in: null }))
        .refresh_token,
    ).toBeNull();
    expect(tokenCodeSchema.parse(codeJson()).code).toBe('3f9a1c0b7d2e');
    expect(userSchema.parse(userJson()).roles[0]?.name).toBe('master_admin');
    expect(
      gridListSchema.parse({
        grids: [gridJson(), { ...gridJson('b-grid'), logs: { forwarder: 'fluentd', opts: { 'fluentd-address': 'x:24224' } } }],
      }).grids,
    ).toHaveLength(2);
    expect(stackListSchema.parse({ stacks: [stackJson()] }).stacks[0]?.services[0]?.stack_revision).toBe(1);
    expect(
      statListSchema.parse({ stats: [statRowJson(), { container_id: 'redis-2', cpu: null, memory: null, network: null }] }).stats,
    ).toHaveLength(2);
    expect(logListSchema.parse({ logs: [logJson(1, 'hello'), without(logJson(2, 'no node'), 'node')] }).logs).toHaveLength(2);
    expect(
      eventListSchema.parse({ logs: [eventJson('2017-04-06T15:42:00.123Z', 'service terminal-a/null/redis deployed')] }).logs,
    ).toHaveLength(1);
    expect(eventSchema.parse(eventJson('2017-04-06T15:42:00.123Z', 'x', { meta: { instance_number: 2 }, severity: 3 })).meta).toEqual({
      instance_number: 2,
    });
    expect(
      secretListSchema.parse({
        secrets: [{ id: 'big-one/PASSWD', name: 'PASSWD', created_at: '2017-04-06T15:00:00.000Z', updated_at: '2017-04-06T15:00:00.000Z' }],
      }).secrets,
    ).toHaveLength(1);
    expect(
      secretWithValueSchema.parse({ id: 'big-one/PASSWD', name: 'PASSWD', created_at: '2017-04-06T15:00:00.000Z', value: 's3cret' }).value,
    ).toBe('s3cret');
  });

  it('fail when a required field is missing', () => {
    expect(deploySchema.safeParse(without(deployJson(), 'finished_at')).success).toBe(false);
    expect(logSchema.safeParse(without(logJson(1, 'x'), 'id')).success).toBe(false);
    expect(eventSchema.safeParse(without(eventJson('2017-04-06T15:42:00.123Z', 'x'), 'relationships')).success).toBe(false);
    expect(stackSchema.safeParse(without(stackJson(), 'services')).success).toBe(false);
    expect(gridSchema.safeParse(without(gridJson(), 'subnet')).success).toBe(false);
    expect(tokenSchema.safeParse(without(tokenJson(), 'expires_in')).success).toBe(false);
    expect(userSchema.safeParse(without(userJson(), 'roles')).success).toBe(false);
  });
});

describe('schema failure messages', () => {
  // The client copies these into its badResponse errors; zod/mini alone would say only "Invalid input".
  it('name the expected and the received type', () => {
    const issues = gridListSchema.safeParse({ grids: 'none' }).error?.issues ?? [];
    expect(issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'grids: Invalid input: expected array, received string',
    ]);
    expect(serviceSchema.safeParse(serviceJson({ state: 'exploded' })).error?.issues[0]?.message).toMatch(
      /^Invalid option: expected one of "initialized"/,
    );
  });
});

describe('error bodies', () => {
  it('parse every shape of docs/kontena-api.md §3', () => {
    expect(
      wrappedValidationBodySchema.parse({ error: { health_check: { port: 'Port is required', protocol: 'Protocol is required' } } }).error,
    ).toBeDefined();
    expect(wrappedValidationBodySchema.parse({ error: { ports: [null, { node_port: 'Node Port is required' }] } }).error.ports).toEqual([
      null,
      { node_port: 'Node Port is required' },
    ]);
    expect(wrappedValidationBodySchema.parse({ error: { env: ["Env[0] isn't a string"] } }).error.env).toEqual(["Env[0] isn't a string"]);
    expect(fieldErrorsSchema.parse({ env: "Env can't be nil" })).toEqual({ env: "Env can't be nil" });
    expect(invalidTokenBodySchema.parse({ error: 'invalid_token', error_description: 'Token expired' }).error_description).toBe(
      'Token expired',
    );
    expect(accessDeniedBodySchema.safeParse({ error: 'Access denied' }).success).toBe(true);
    expect(notFoundBodySchema.safeParse({ error: 'Not found' }).success).toBe(true);
    expect(notFoundBodySchema.safeParse({}).success).toBe(true);
    expect(serverErrorBodySchema.parse({ message: 'Internal server error' }).message).toBe('Internal server error');
    expect(invalidTokenBodySchema.safeParse({ error: 'Access denied' }).success).toBe(false);
  });
});

describe('request bodies', () => {
  it('refuse grid and stack at compile time', () => {
    const create: ServiceCreateBody = {
      name: 'redis',
      image: 'redis:3.2',
      stateful: false,
      ports: [{ node_port: 6379, container_port: 6379 }],
    };
    const update: ServiceUpdateBody = { env: ['A=1'], health_check: { port: null, protocol: null } };
    // @ts-expect-error grid must never be sent (422 "isn't the right class")
    const bad: ServiceUpdateBody = { grid: { id: 'terminal-a' } };
    expect([create.name, update.env, bad]).toBeDefined();
  });
});
