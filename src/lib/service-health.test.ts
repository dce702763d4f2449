import { describe, expect, it } from 'vitest';
import { describeHealth, describeInstanceHealth, healthFromInstances, healthFromService, knownHealth } from './service-health';
import type { ReportingInstance } from './service-health';

const healthy: ReportingInstance = { health_status: { status: 'healthy' } };
const unhealthy: ReportingInstance = { health_status: { status: 'unhealthy' } };
const notReported: ReportingInstance = {};

const instances = (h: number, u: number, p: number): ReportingInstance[] => [
  ...Array.from({ length: h }, () => healthy),
  ...Array.from({ length: u }, () => unhealthy),
  ...Array.from({ length: p }, () => notReported),
];

describe('what the instances say', () => {
  it.each([
    // name, healthy, unhealthy, pending → level, words, tone
    ['all healthy', 3, 0, 0, 'healthy', '3/3 healthy', 'ok'],
    ['none reported yet (just deployed): pending, not red', 0, 0, 3, 'pending', 'pending', 'info'],
    ['some healthy, the rest not reported yet', 2, 0, 1, 'pending', '2/3 healthy · 1 pending', 'info'],
    ['some reported unhealthy, some healthy', 2, 1, 0, 'partial', '2/3 healthy · 1 unhealthy', 'warn'],
    ['all reported unhealthy', 0, 3, 0, 'unhealthy', '0/3 healthy · 3 unhealthy', 'danger'],
    [
      'one unhealthy, the rest pending: red (one said so, none healthy)',
      0,
      1,
      2,
      'unhealthy',
      '0/3 healthy · 1 unhealthy · 2 pending',
      'danger',
    ],
    ['healthy, unhealthy and pending', 1, 1, 1, 'partial', '1/3 healthy · 1 unhealthy · 1 pending', 'warn'],
    ['a check, but no instance', 0, 0, 0, 'unknown', 'no instances', 'neutral'],
  ] as const)('%s', (_, h, u, p, level, text, tone) => {
    const health = healthFromInstances(true, instances(h, u, p));
    expect(health).toMatchObject({ level, healthy: h, unhealthy: u, pending: p, total: h + u + p });
    expect(describeHealth(health)).toMatchObject({ text, tone });
  });

  it('without a check, says so whatever the instances hold', () => {
    const health = healthFromInstances(false, instances(0, 0, 2));
    expect(health.level).toBe('none');
    expect(describeHealth(health)).toMatchObject({ text: 'no health check', tone: 'neutral' });
  });

  it('explains the counts in a sentence', () => {
    expect(describeHealth(healthFromInstances(true, instances(0, 0, 3))).detail).toBe(
      '3 instances have not reported yet (a check first reports after its initial delay).',
    );
    expect(describeHealth(healthFromInstances(true, instances(2, 0, 1))).detail).toBe(
      'Of 3 instances, 2 healthy reported; 1 instance has not reported yet (a check first reports after its initial delay).',
    );
    expect(describeHealth(healthFromInstances(true, instances(1, 2, 0))).detail).toBe(
      'Of 3 instances, 1 healthy and 2 unhealthy reported.',
    );
  });
});

describe('what the service JSON alone says', () => {
  it.each([
    ['no health_status: no check', undefined, 'none', 'no health check', 'neutral'],
    ['0 of 0', { healthy: 0, total: 0 }, 'unknown', 'no instances', 'neutral'],
    ['all healthy', { healthy: 3, total: 3 }, 'healthy', '3/3 healthy', 'ok'],
    // 0/3 is pending or unhealthy: not known, so not red (the master's healthy counts only reports).
    ['none healthy: unresolved, never red', { healthy: 0, total: 3 }, 'unresolved', '0/3 healthy', 'neutral'],
    ['some healthy: unresolved', { healthy: 2, total: 3 }, 'unresolved', '2/3 healthy', 'neutral'],
  ] as const)('%s', (_, status, level, text, tone) => {
    const health = healthFromService(status);
    expect(health.level).toBe(level);
    expect(describeHealth(health)).toMatchObject({ text, tone });
  });

  it('takes the instances when they are at hand, the JSON while they load', () => {
    expect(knownHealth({ healthy: 0, total: 3 }, true, undefined).level).toBe('unresolved');
    expect(knownHealth({ healthy: 0, total: 3 }, true, instances(0, 0, 3)).level).toBe('pending');
    expect(knownHealth(undefined, false, instances(0, 0, 3)).level).toBe('none');
    expect(knownHealth(undefined, true, undefined).level).toBe('unknown');
  });
});

describe('one instance', () => {
  it('is pending until its check reports', () => {
    expect(describeInstanceHealth(notReported)).toMatchObject({ text: 'pending', tone: 'info' });
    expect(describeInstanceHealth(healthy)).toMatchObject({ text: 'healthy', tone: 'ok' });
    expect(describeInstanceHealth(unhealthy)).toMatchObject({ text: 'unhealthy', tone: 'danger' });
  });
});
