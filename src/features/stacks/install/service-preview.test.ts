import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/errors';
import type { Service } from '../../../api/schemas/service';
import type { StackServiceBody } from '../../../lib/stack-file/stack-body';
import { placeMasterErrors } from './master-errors';
import { diffStackServices, summarizeBody } from './service-preview';

function body(name: string, over: Partial<StackServiceBody> = {}): StackServiceBody {
  return {
    instances: null,
    image: 'nginx:1.11-alpine',
    links: [],
    external_links: [],
    ports: [],
    volumes: [],
    volumes_from: [],
    affinity: [],
    stateful: false,
    deploy_opts: { wait_for_port: null, min_health: null, interval: null },
    hooks: {},
    health_check: { port: null, protocol: null, uri: null, timeout: null, interval: null, initial_delay: null },
    log_driver: null,
    log_opts: null,
    name,
    ...over,
  };
}

function installed(name: string, over: Partial<Service> = {}): Service {
  const at = '2026-01-01T00:00:00.000Z';
  return {
    id: `g/s/${name}`,
    created_at: at,
    updated_at: at,
    image: 'nginx:1.11-alpine',
    affinity: [],
    name,
    stateful: false,
    user: null,
    instances: 1,
    cmd: null,
    entrypoint: null,
    net: 'bridge',
    dns: `${name}.s.g.kontena.local`,
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
    state: 'running',
    grid: { id: 'g' },
    stack: { id: 'g/s', name: 's' },
    links: [],
    log_driver: null,
    log_opts: {},
    strategy: 'ha',
    deploy_opts: { interval: null, min_health: 0.8, wait_for_port: null },
    pid: null,
    instance_counts: { total: 1, running: 1 },
    hooks: [],
    revision: 1,
    stack_revision: 1,
    ...over,
  };
}

describe('the preview of a stack’s services', () => {
  it('says ports, links and environment the CLI’s way, names only for the environment', () => {
    const summary = summarizeBody(
      body('web', {
        ports: [{ ip: '0.0.0.0', node_port: 8080, container_port: 80, protocol: 'tcp' }],
        links: [{ name: 'db', alias: 'database' }],
        env: ['PASSWORD=s3cret', 'MODE=prod'],
      }),
    );
    expect(summary.ports).toEqual(['8080:80/tcp']);
    expect(summary.links).toEqual(['db:database']);
    expect(summary.envNames).toEqual(['PASSWORD', 'MODE']);
    expect(JSON.stringify(summary)).not.toContain('s3cret');
  });

  it('lists an upgrade’s new, changed, unchanged and removed services, the changed ones field by field', () => {
    const diffs = diffStackServices(
      [installed('web', { env: ['TOKEN=old'] }), installed('cache'), installed('old')],
      [body('web', { image: 'nginx:1.12-alpine', env: ['TOKEN=new'], instances: 2 }), body('cache'), body('worker')],
    );
    expect(diffs.map((d) => `${d.kind} ${d.name}`)).toEqual(['changed web', 'same cache', 'added worker', 'removed old']);
    const web = diffs[0];
    if (web?.kind !== 'changed') throw new Error('web should have changed');
    expect(web.fields.map((f) => [f.label, f.before, f.after])).toEqual([
      ['Image', 'nginx:1.11-alpine', 'nginx:1.12-alpine'],
      ['Instances', '1', '2'],
      ['Environment values', '', ''],
    ]);
    expect(web.fields[2]?.added).toEqual(['TOKEN (new value)']);
    expect(JSON.stringify(diffs)).not.toMatch(/TOKEN=/);
  });
});

describe('the master’s 422, placed', () => {
  it('puts name at the name field, services.<name>.<field> at the service, the rest in the panel', () => {
    const error = new ApiError({
      kind: 'validation',
      status: 422,
      message: 'invalid',
      fieldErrors: {
        name: 'shop already exists',
        services: { app: { links: "Linked service 'db' does not exist" } },
        volumes: 'Only external volumes supported',
      },
    });
    expect(placeMasterErrors(error)).toEqual({
      name: 'shop already exists',
      services: { app: ["links: Linked service 'db' does not exist"] },
      rest: ['volumes: Only external volumes supported'],
    });
  });
});
