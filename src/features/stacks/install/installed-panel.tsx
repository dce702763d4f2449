import { useEffect, useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { describeApiFailure } from './describe-failure';
import type { Stack } from '../../../api/schemas/stack';
import { stackDeployMutation } from '../../../api/stack-mutations';
import { Button, buttonClassName } from '../../../components/button';
import { formatStackPath } from '../../../lib/format-grid-paths';
import { shellJoin } from '../../../lib/shellwords';
import { useFollowedStackDeploy } from '../followed-stack-deploys';
import styles from './install.module.css';

/**
 * After the install or upgrade: the stack is saved but not deployed (the CLI would deploy
 * now unless --no-deploy). Deploy now hands the deploy to the stack's page, which follows it.
 */
export function InstalledPanel({ grid, stack, upgraded }: { grid: string; stack: Stack; upgraded: boolean }) {
  const navigate = useNavigate();
  const path = formatStackPath(grid, stack.name);
  const { follow } = useFollowedStackDeploy(grid, stack.name);
  const deploy = useMutation({
    ...stackDeployMutation(grid, stack.name),
    onSuccess: (run) => {
      follow(run.id);
      void navigate(path);
    },
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className={styles.done} aria-labelledby="install-done-title">
      <h2 id="install-done-title" ref={headingRef} tabIndex={-1} className={styles.panelTitle}>
        {upgraded ? `Stack ${stack.name} upgraded to revision ${String(stack.revision ?? '?')}` : `Stack ${stack.name} installed`}
      </h2>
      <p>
        {upgraded
          ? 'A new revision is saved and new services are created. Changed services are updated, and services left out of the file removed, when the stack is deployed.'
          : 'Its services are created but not started: deploy the stack to start them.'}
      </p>
      <div className={styles.actions}>
        <Button variant="primary" onClick={() => deploy.mutate()} disabled={deploy.isPending}>
          {deploy.isPending ? 'Deploying…' : 'Deploy now'}
        </Button>
        <Link to={path} className={buttonClassName()}>
          Open the stack
        </Link>
        <code className={styles.mono}>{shellJoin(['kontena', 'stack', 'deploy', stack.name])}</code>
      </div>
      {deploy.error !== null && (
        <p role="alert" className={styles.error}>
          Deploy not started: {describeApiFailure(deploy.error)}
        </p>
      )}
    </section>
  );
}
