import { Link } from 'react-router';
import type { AuditEntry } from '../../api/audit';
import { serviceDisplayName } from '../../api/service-ref';
import { formatNodePath, formatOverviewPath } from '../../lib/format-grid-paths';
import { formatServicePath, formatStackLogsPath } from '../../lib/format-path';
import { resourceTypeLabel } from './resource-types';
import styles from './audit-page.module.css';

/** The stacks holding a service of each name, from the grid's services list; undefined until it loads. */
export type StacksByServiceName = ReadonlyMap<string, readonly string[]>;

/**
 * The master names a GridService entry by the service's name alone (resource_name, G5.1),
 * so its page is found through the current services: one stack with that name gives one
 * link, several give a link each, none (removed since, or not loaded) gives plain text.
 */
function ServiceLinks({ grid, name, stacks }: { grid: string; name: string; stacks: readonly string[] }) {
  if (stacks.length === 0) return <span className={styles.resourceName}>{name}</span>;
  return (
    <span className={styles.resourceName}>
      {stacks.map((stack, i) => (
        <span key={stack}>
          {i > 0 && <span className={styles.muted}> or </span>}
          <Link to={formatServicePath({ grid, stack, name })}>{serviceDisplayName({ grid, stack, name })}</Link>
        </span>
      ))}
    </span>
  );
}

function pageOf(grid: string, entry: AuditEntry): string | null {
  const name = entry.resource_name;
  if (name === null) return null;
  switch (entry.resource_type) {
    case 'HostNode':
      return formatNodePath(grid, name);
    case 'Stack':
      return formatStackLogsPath(grid, name);
    case 'Grid':
      return formatOverviewPath(grid);
    default:
      return null;
  }
}

/** The resource's type, and its name linking to its page where the app has one. */
export function AuditResource({
  grid,
  entry,
  stacksByName,
}: {
  grid: string;
  entry: AuditEntry;
  stacksByName: StacksByServiceName | undefined;
}) {
  const name = entry.resource_name;
  const href = pageOf(grid, entry);
  return (
    <>
      <span className={styles.resourceType}>{resourceTypeLabel(entry.resource_type)}</span>{' '}
      {name === null ? (
        <span className={styles.muted}>(no name)</span>
      ) : entry.resource_type === 'GridService' ? (
        <ServiceLinks grid={grid} name={name} stacks={stacksByName?.get(name) ?? []} />
      ) : href !== null ? (
        <Link className={styles.resourceName} to={href}>
          {name}
        </Link>
      ) : (
        <span className={styles.resourceName}>{name}</span>
      )}
    </>
  );
}
