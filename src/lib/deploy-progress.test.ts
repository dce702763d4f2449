import { describe, expect, it } from 'vitest';
import { deployCounts, deployElapsedMs, describeDeployProgress, type DeployLike } from './deploy-progress';

const base: DeployLike = {
  created_at: '2017-04-06T12:00:00.000Z',
  started_at: null,
  finished_at: null,
  state: 'created',
  instance_count: 3,
  instance_deploys: [],
};

describe('deploy progress', () => {
  it('counts done and failed instances', () => {
    const d = { ...base, state: 'ongoing', instance_deploys: [{ state: 'success' }, { state: 'error' }, { state: 'ongoing' }] };
    expect(deployCounts(d)).toEqual({ done: 1, failed: 1, total: 3 });
    expect(describeDeployProgress(d)).toBe('Deploying: 1 of 3 instances done, 1 failed');
  });

  it.each([
    [{ ...base }, 'Waiting for the deploy worker'],
    [{ ...base, state: 'success', instance_count: 1, instance_deploys: [{ state: 'success' }] }, 'Finished: 1 of 1 instance deployed'],
    [{ ...base, state: 'error', instance_deploys: [{ state: 'error' }] }, 'Failed: 0 of 3 instances deployed, 1 failed'],
  ])('describes %o', (deploy, text) => {
    expect(describeDeployProgress(deploy)).toBe(text);
  });

  it('elapsed: the master’s start→finish once finished, else this browser’s time since sending', () => {
    const finished = { ...base, started_at: '2017-04-06T12:00:01.000+00:00', finished_at: '2017-04-06T12:00:07.500+00:00' };
    expect(deployElapsedMs(finished, 0, 1e12)).toBe(6500);
    expect(deployElapsedMs(base, 1000, 4000)).toBe(3000);
    expect(deployElapsedMs(undefined, 5000, 4000)).toBe(0);
  });
});
