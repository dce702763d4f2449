import { useId, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { servicesQuery } from '../../api/queries';
import type { Stack } from '../../api/schemas/stack';
import { stackDeployMutation, stackRemoveMutation } from '../../api/stack-mutations';
import { isStackDeployFinished, stackDeployQuery, stackQuery } from '../../api/stack-queries';
import { Button, buttonClassName } from '../../components/button';
import { Freshness } from '../../components/freshness';
import { LoadError } from '../../components/load-error';
import { Panel, PanelLoading, PanelTable } from '../../components/panel';
import { ServiceStateBadge } from '../../components/service-state-badge';
import { StaleNote } from '../../components/stale-note';
import { StatusBadge } from '../../components/status-badge';
import { formatTableDateTime } from '../../lib/clock-format';
import { formatStackInstallPath, formatStacksPath } from '../../lib/format-grid-paths';
import { formatServicePath, formatStackLogsPath } from '../../lib/format-path';
import { useFollowedStackDeploy } from './followed-stack-deploys';
import { STACKS_POLL_MS } from './polling';
import { RemoveStackDialog } from './remove-stack-dialog';
import { StackCli, stackCommands } from './stack-cli';
import { StackDeployProgress } from './stack-deploy-progress';
import { linkersOf, stackAndVersion, stackStateLabel, stackStateTone } from './stack-facts';
import { describeFailure, signalTitle, useStackSignals } from './use-stack-signals';
import type { StackSignal } from './use-stack-signals';
import styles from './stacks.module.css';

const SIGNALS: readonly StackSignal[] = ['stop', 'start', 'restart'];

/** `kontena stack show`: created/updated, state, stack, registry, version, revision, expose, variables. */
function StackFacts({ stack }: { stack: Stack }) {
  const id = useId();
  const variables = Object.entries(stack.variables ?? {});
  const none = <span className={styles.muted}>none</span>;
  return (
    <Panel id={id} title="Details">
      <dl className={styles.facts}>
        <dt>State</dt>
        <dd>
          <StatusBadge tone={stackStateTone[stack.state]} label={stackStateLabel(stack.state)} />
        </dd>
        <dt>Created</dt>
        <dd>{formatTableDateTime(stack.created_at)}</dd>
        <dt>Updated</dt>
        <dd>{stack.updated_at === null ? none : formatTableDateTime(stack.updated_at)}</dd>
        <dt>Stack</dt>
        <dd className={styles.mono}>{stack.stack ?? none}</dd>
        <dt>Registry</dt>
        <dd className={styles.mono}>{stack.registry ?? none}</dd>
        <dt>Version</dt>
        <dd className={styles.mono}>{stack.version ?? none}</dd>
        <dt>Revision</dt>
        <dd>{stack.revision ?? none}</dd>
        <dt>Expose</dt>
        <dd className={styles.mono}>{stack.expose ?? none}</dd>
        <dt>Variables</dt>
        <dd>
          {variables.length === 0 ? (
            none
          ) : (
            <ul className={styles.variables}>
              {variables.map(([key, value]) => (
                <li key={key} className={styles.mono}>
                  {key}: {typeof value === 'string' ? value : JSON.stringify(value)}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </Panel>
  );
}

function StackServices({ grid, stack }: { grid: string; stack: Stack }) {
  const id = useId();
  const count = stack.services.length;
  return (
    <Panel id={id} title="Services" meta={`${count} ${count === 1 ? 'service' : 'services'}`}>
      {count === 0 ? (
        <p className={styles.empty}>No services.</p>
      ) : (
        <PanelTable columns={['Name', 'State', 'Instances', 'Image', 'Revision']} labelledBy={id} className={styles.cells}>
          {stack.services.map((service) => (
            <tr key={service.id}>
              <th scope="row">
                <Link to={formatServicePath({ grid, stack: stack.name, name: service.name })} className={styles.mono}>
                  {service.name}
                </Link>
              </th>
              <td>
                <ServiceStateBadge state={service.state} />
              </td>
              <td>
                {service.instance_counts.running} / {service.instance_counts.total} running
                <span className={styles.subLine}>{service.instances} wanted</span>
              </td>
              <td className={styles.mono}>{service.image}</td>
              <td>
                {service.revision}
                {service.stack_revision !== null && <span className={styles.subLine}>stack rev. {service.stack_revision}</span>}
              </td>
            </tr>
          ))}
        </PanelTable>
      )}
    </Panel>
  );
}

/**
 * /grids/:grid/stacks/:stack — `kontena stack show` and its actions: deploy the whole
 * stack and watch it go one service at a time (the followed deploy survives leaving the
 * page), stop/start/restart all its services, upgrade it, remove it (naming who links to
 * it from other stacks, whom the master would refuse it for), its logs.
 */
export function StackPage() {
  const params = useParams();
  const grid = params.grid ?? '';
  const name = params.stack ?? '';
  const navigate = useNavigate();
  const query = useQuery({ ...stackQuery(grid, name), refetchInterval: STACKS_POLL_MS });
  const stack = query.data;
  const { followed, follow, forget } = useFollowedStackDeploy(grid, name);
  const deploy = useMutation({ ...stackDeployMutation(grid, name), onSuccess: (run) => follow(run.id) });
  // The followed deploy (the progress panel polls it; this reads the same cache entry): no second deploy while it runs.
  const followedRun = useQuery({ ...stackDeployQuery(grid, name, followed?.deployId ?? ''), enabled: followed !== null });
  const deployRunning =
    followed !== null && followedRun.error === null && (followedRun.data === undefined || !isStackDeployFinished(followedRun.data));
  const remove = useMutation({
    ...stackRemoveMutation(grid, name),
    onSuccess: () => {
      // A stack installed later under this name must not show this one's deploy.
      forget();
      void navigate(formatStacksPath(grid), { state: { removed: name } });
    },
  });
  const [removing, setRemoving] = useState(false);
  // The grid's services are read only for the removal's question: who links here from other stacks.
  const gridServices = useQuery({ ...servicesQuery(grid), enabled: removing });
  const signals = useStackSignals();
  const removeRef = useRef<HTMLButtonElement>(null);
  const services = stack?.services ?? [];
  const serviceNames = services.map((s) => s.name);
  const removeError = remove.error === null ? null : describeFailure(remove.error);
  const deployError = deploy.error === null ? null : describeFailure(deploy.error);
  const busy = deploy.isPending || remove.isPending || signals.running !== null;

  return (
    <div className={styles.page}>
      <title>{`${name} · Stacks · ${grid} · Kontena`}</title>
      <nav aria-label="Breadcrumb" className={styles.crumbs}>
        <Link to={formatStacksPath(grid)}>Stacks</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{name}</span>
      </nav>
      <div className={styles.header}>
        <h1 className={styles.name}>{name}</h1>
        {stack !== undefined && <StatusBadge tone={stackStateTone[stack.state]} label={stackStateLabel(stack.state)} />}
        {stack !== undefined && <span className={styles.subtitle}>{stackAndVersion(stack) ?? 'no revision'}</span>}
        <span className={styles.headerEnd}>
          <Freshness at={query.dataUpdatedAt} everyMs={STACKS_POLL_MS} fetching={query.isFetching} />
        </span>
      </div>

      {stack !== undefined && (
        <div className={styles.actionBar} role="group" aria-label={`Actions for stack ${name}`}>
          <Button variant="primary" onClick={() => deploy.mutate()} disabled={busy || deployRunning}>
            {deploy.isPending || deployRunning ? 'Deploying…' : 'Deploy'}
          </Button>
          <Link to={formatStackInstallPath(grid, name)} className={buttonClassName()}>
            Upgrade
          </Link>
          {SIGNALS.map((signal) => (
            <Button key={signal} onClick={() => void signals.send(signal, services)} disabled={busy || services.length === 0}>
              {signals.running?.signal === signal
                ? `${signalTitle[signal]}: ${signals.running.done} of ${signals.running.total}…`
                : signalTitle[signal]}
            </Button>
          ))}
          <Button
            ref={removeRef}
            onClick={() => {
              remove.reset();
              setRemoving(true);
            }}
            disabled={busy}
          >
            Remove…
          </Button>
          <Link to={formatStackLogsPath(grid, name)} className={buttonClassName('ghost')}>
            Logs
          </Link>
        </div>
      )}
      {(deployError !== null || (removeError !== null && !removing)) && (
        <div role="alert" className={styles.actionError}>
          {deployError !== null && <p>Deploy not started: {deployError}</p>}
          {removeError !== null && !removing && <p>Remove refused: {removeError}</p>}
        </div>
      )}

      {stack !== undefined && (query.isRefetchError || query.failureCount > 0) && (
        <StaleNote updatedAt={query.dataUpdatedAt} error={query.error ?? query.failureReason} onRetry={() => void query.refetch()} />
      )}

      {followed !== null && (
        <StackDeployProgress key={followed.deployId} grid={grid} stack={name} services={services} followed={followed} onDismiss={forget} />
      )}

      {signals.result !== null && (
        <section className={styles.results} aria-label={`Results: ${signalTitle[signals.result.signal]}`}>
          <div className={styles.resultsHead}>
            <p>
              <strong>{signalTitle[signals.result.signal]}</strong>:{' '}
              {signals.result.items.every((i) => i.ok)
                ? `all ${signals.result.items.length} done`
                : `${signals.result.items.filter((i) => !i.ok).length} of ${signals.result.items.length} failed`}
            </p>
            <span className={styles.spacer} />
            <Button size="sm" variant="ghost" onClick={signals.dismiss}>
              Dismiss
            </Button>
          </div>
          <ul className={styles.resultList}>
            {signals.result.items.map((item) => (
              <li key={item.name}>
                <span className={item.ok ? styles.resultOk : styles.resultFail}>
                  <span aria-hidden="true">{item.ok ? '✓ ' : '✗ '}</span>
                  <span className={styles.mono}>{item.name}</span>
                </span>{' '}
                <span className="visually-hidden">{item.ok ? 'done: ' : 'failed: '}</span>
                {item.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      {stack === undefined && query.isPending && <PanelLoading label="Loading the stack…" rows={6} />}
      {stack === undefined && query.isError && (
        <LoadError
          what="the stack"
          error={query.error}
          retrying={query.isFetching}
          onRetry={() => void query.refetch()}
          notFound={{
            title: `There is no stack “${name}” in grid “${grid}”`,
            text: <Link to={formatStacksPath(grid)}>See the grid’s stacks</Link>,
          }}
        />
      )}

      {stack !== undefined && (
        <>
          <StackServices grid={grid} stack={stack} />
          <div className={styles.columns}>
            <StackFacts stack={stack} />
            <StackCli commands={stackCommands(name, serviceNames)} />
          </div>
        </>
      )}

      {removing && stack !== undefined && (
        <RemoveStackDialog
          stack={name}
          services={serviceNames}
          linkers={gridServices.data === undefined ? undefined : linkersOf(gridServices.data, grid, name)}
          checking={gridServices.isPending}
          busy={remove.isPending}
          error={removeError}
          onConfirm={() => remove.mutate()}
          onCancel={() => setRemoving(false)}
          returnFocusTo={() => removeRef.current}
        />
      )}
    </div>
  );
}
