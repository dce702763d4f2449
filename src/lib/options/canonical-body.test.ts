import { describe, expect, it } from 'vitest';
import { canonicalCreateBody, canonicalUpdateBody, withoutUndefined } from './canonical-body';

describe('canonicalCreateBody', () => {
  it('fills what the CLI always sends and the master defaults', () => {
    expect(canonicalCreateBody({ name: 'web', image: 'nginx', stateful: false })).toEqual({
      name: 'web',
      image: 'nginx:latest',
      stateful: false,
      privileged: false,
      log_opts: {},
      secrets: [],
    });
  });

  it('normalises ports, secrets and instances', () => {
    expect(
      canonicalCreateBody({
        name: 'web',
        image: 'nginx:1',
        stateful: true,
        container_count: 3,
        ports: [{ node_port: 80, container_port: 8080 }],
        secrets: [{ secret: 'PW', name: 'PASSWORD', type: 'whatever' }],
        privileged: true,
        log_opts: { 'max-size': '1m' },
      }),
    ).toEqual({
      name: 'web',
      image: 'nginx:1',
      stateful: true,
      instances: 3,
      ports: [{ ip: '0.0.0.0', node_port: 80, container_port: 8080, protocol: 'tcp' }],
      secrets: [{ secret: 'PW', name: 'PASSWORD', type: 'env' }],
      privileged: true,
      log_opts: { 'max-size': '1m' },
    });
  });

  it('keeps instances over container_count, as the master does', () => {
    expect(canonicalCreateBody({ name: 'a', image: 'b:1', stateful: false, instances: 2, container_count: 5 }).instances).toBe(2);
  });

  it('drops what means the same as leaving it out on create', () => {
    const body = canonicalCreateBody({
      name: 'web',
      image: 'nginx:1',
      stateful: false,
      ports: [],
      env: [],
      links: [],
      volumes: [],
      volumes_from: [],
      affinity: [],
      cap_add: [],
      cap_drop: [],
      devices: [],
      deploy_opts: {},
      hooks: { post_start: [] },
      user: undefined,
      cmd: [],
    });
    // Strict: a key left holding undefined (user) must be gone, not merely equal to a missing one.
    expect(body).toStrictEqual({ name: 'web', image: 'nginx:1', stateful: false, privileged: false, log_opts: {}, secrets: [], cmd: [] });
  });
});

describe('canonicalUpdateBody', () => {
  it('keeps empty lists, which clear the stored ones on update', () => {
    expect(canonicalUpdateBody({ env: [], ports: [], deploy_opts: {} })).toEqual({
      env: [],
      ports: [],
      deploy_opts: {},
      privileged: false,
    });
  });

  it('adds the image tag and normalises like create', () => {
    expect(
      canonicalUpdateBody({ image: 'redis', container_count: 2, ports: [{ node_port: 1, container_port: 2, protocol: 'udp' }] }),
    ).toEqual({
      image: 'redis:latest',
      instances: 2,
      ports: [{ ip: '0.0.0.0', node_port: 1, container_port: 2, protocol: 'udp' }],
      privileged: false,
    });
  });

  it('leaves the input untouched', () => {
    const body = { image: 'redis', container_count: 2 };
    canonicalUpdateBody(body);
    expect(body).toEqual({ image: 'redis', container_count: 2 });
  });
});

describe('withoutUndefined', () => {
  it('removes only undefined values', () => {
    expect(withoutUndefined({ a: 1, b: undefined, c: null, d: 0 })).toEqual({ a: 1, c: null, d: 0 });
    expect(Object.keys(withoutUndefined({ a: undefined }))).toEqual([]);
  });
});
