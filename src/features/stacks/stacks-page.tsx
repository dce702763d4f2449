import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { stacksQuery } from '../../api/queries';
import type { Stack } from '../../api/schemas/stack';
import { buttonClassName } from '../../components/button';
import { Freshness } from '../../components/freshness';
import { LoadError } from '../../components/load-error';
import { PanelBox, PanelLoading, PanelTable } from '../../components/panel';
import { StaleNote } from '../../components/stale-note';
import { StatusBadge } from '../../components/status-badge';
import { formatStackInstallPath, formatStackPath } from '../../lib/format-grid-paths';
import { STACKS_POLL_MS } from './polling';
import { exposedPorts, stackAndVersion, stackStateLabel, stackStateTone } from './stack-facts';
import styles from './stacks.module.css';

/** What the stack page passes on after removing a stack, for the list to say. */
function removedName(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('removed' in state)) return null;
  return typeof state.removed === 'string' ? state.removed : null;
}

function StackRow({ grid, stack }: { grid: string; stack: Stack }) {
  const ports = exposedPorts(stack);
  const href = formatStackPath(grid, stack.name);
  return (
    <tr>
      <th scope="row">
        <Link to={href} className={styles.mono}>
          {stack.name}
        </Link>
      </th>
      <td className={styles.mono}>{stackAndVersion(stack) ?? <span className={styles.muted}>none</span>}</td>
      <td>{stack.revision ?? <span className={styles.muted}>none</span>}</td>
      <td className={styles.mono}>{stack.registry ?? <span className={styles.muted}>none</span>}</td>
      <td>{stack.services.length}</td>
      <td>
        <StatusBadge tone={stackStateTone[stack.state]} label={stackStateLabel(stack.state)} />
      </td>
      <td className={styles.mono}>{ports.length === 0 ? <span className={styles.muted}>none</span> : ports.join(', ')}</td>
    </tr>
  );
}

/**
 * /grids/:grid/stacks — `kontena stack ls` (docs/kontena-api-grid.md G3.8): each stack's
 * name, stack:version, revision, registry, services, state and exposed ports, polled;
 * an empty grid invites an install.
 */
export function StacksPage() {
  const grid = useParams().grid ?? '';
  const removed = removedName(useLocation().state);
  const query = useQuery({ ...stacksQuery(grid), refetchInterval: STACKS_POLL_MS });
  const headingId = useId();
  const stacks = query.data;
  const install = formatStackInstallPath(grid);

  return (
    <div className={styles.page}>
      <title>{`Stacks · ${grid} · Kontena`}</title>
      <div className={styles.header}>
        <h1>Stacks</h1>
        <p className={styles.subtitle}>
          Stacks of grid <strong>{grid}</strong>
          {stacks !== undefined && `: ${stacks.length} ${stacks.length === 1 ? 'stack' : 'stacks'}`}
        </p>
        <span className={styles.headerEnd}>
          <Freshness at={query.dataUpdatedAt} everyMs={STACKS_POLL_MS} fetching={query.isFetching} />
          <Link to={install} className={buttonClassName('primary')}>
            Install a stack
          </Link>
        </span>
      </div>

      <div role="status" className={removed === null ? undefined : styles.note}>
        {removed !== null && `Removed stack ${removed} with its services.`}
      </div>

      {stacks !== undefined && (query.isRefetchError || query.failureCount > 0) && (
        <StaleNote updatedAt={query.dataUpdatedAt} error={query.error ?? query.failureReason} onRetry={() => void query.refetch()} />
      )}
      {stacks === undefined && query.isPending && <PanelLoading label="Loading the stacks…" rows={4} />}
      {stacks === undefined && query.isError && (
        <LoadError
          what="the stacks"
          error={query.error}
          retrying={query.isFetching}
          onRetry={() => void query.refetch()}
          notFound={{ title: `There is no grid “${grid}”`, text: 'Pick another grid from the switcher.' }}
        />
      )}

      {stacks !== undefined && stacks.length === 0 && (
        <PanelBox>
          <div className={styles.emptyState}>
            <h2>No stacks yet</h2>
            <p>
              A stack is a set of services described in a <code>kontena.yml</code>, installed and upgraded together.
            </p>
            <p>
              <Link to={install} className={buttonClassName('primary')}>
                Install a stack
              </Link>{' '}
              <span className={styles.muted}>
                or <code>kontena stack install kontena.yml</code>
              </span>
            </p>
          </div>
        </PanelBox>
      )}

      {stacks !== undefined && stacks.length > 0 && (
        <section className={styles.panel} aria-labelledby={headingId}>
          <h2 id={headingId} className="visually-hidden">
            {`${stacks.length} ${stacks.length === 1 ? 'stack' : 'stacks'} in ${grid}`}
          </h2>
          <PanelTable
            columns={['Name', 'Stack', 'Revision', 'Registry', 'Services', 'State', 'Exposed ports']}
            labelledBy={headingId}
            className={styles.cells}
          >
            {stacks.map((stack) => (
              <StackRow key={stack.id} grid={grid} stack={stack} />
            ))}
          </PanelTable>
        </section>
      )}
    </div>
  );
}
