import { memo } from 'react';
import { Link } from 'react-router';
import type { Service } from '../../api/schemas/service';
import { refOfService, serviceDisplayName } from '../../api/service-ref';
import { Panel } from '../../components/panel';
import { StatusBadge } from '../../components/status-badge';
import { useNow } from '../../components/use-now';
import { useReportedHealth } from '../../components/use-reported-health';
import { formatServicePath } from '../../lib/format-path';
import { formatNodePath } from '../../lib/format-grid-paths';
import { formatAgo } from '../../lib/relative-time';
import { healthFromService } from '../../lib/service-health';
import type { GridProblem } from './grid-problems';
import styles from './overview.module.css';

/** Rows shown: a grid on fire does not need 5,000 rows here; the lists behind the links have them all. */
const MAX_PROBLEM_ROWS = 25;
/** Services whose health is open that ask their instances: each costs a poll of its containers. */
const MAX_HEALTH_CHECKS = 10;

function problemPath(grid: string, problem: GridProblem): string {
  if (problem.service !== null) return formatServicePath(problem.service);
  return formatNodePath(grid, problem.node ?? problem.subject);
}

function LastSeen({ atMs }: { atMs: number }) {
  const now = useNow(10_000);
  return <>last seen {formatAgo(atMs, now)}</>;
}

const ProblemRow = memo(function ProblemRow({ grid, problem }: { grid: string; problem: GridProblem }) {
  const what = problem.service !== null ? 'service' : 'node';
  return (
    <li className={styles.problem} data-tone={problem.tone}>
      <StatusBadge tone={problem.tone} label={problem.title} />
      <Link to={problemPath(grid, problem)} className={styles.problemSubject}>
        <span className="visually-hidden">{what}</span> {problem.subject}
      </Link>
      <span className={styles.problemDetail}>{problem.lastSeenMs !== null ? <LastSeen atMs={problem.lastSeenMs} /> : problem.detail}</span>
    </li>
  );
});

/**
 * A service whose JSON leaves its health open: its instances are asked
 * (components/use-reported-health), and a row shows only when some reported unhealthy.
 */
const HealthCheckRow = memo(function HealthCheckRow({ service }: { service: Service }) {
  const ref = refOfService(service);
  const health = useReportedHealth(ref, healthFromService(service.health_status));
  if (health.level !== 'unhealthy' && health.level !== 'partial') return null;
  const unhealthy = health.level === 'unhealthy';
  return (
    <li className={styles.problem} data-tone={unhealthy ? 'danger' : 'warn'}>
      <StatusBadge tone={unhealthy ? 'danger' : 'warn'} label={unhealthy ? 'Unhealthy' : 'Partly unhealthy'} />
      <Link to={formatServicePath(ref)} className={styles.problemSubject}>
        <span className="visually-hidden">service</span> {serviceDisplayName(service)}
      </Link>
      <span className={styles.problemDetail}>{`${health.unhealthy ?? 0} of ${health.total} unhealthy`}</span>
    </li>
  );
});

interface ProblemsPanelProps {
  grid: string;
  problems: readonly GridProblem[];
  healthCandidates: readonly Service[];
  /** Where the whole list of services is (the rows are capped). */
  servicesPath: string;
}

/** What is wrong, worst first, each row one click from the node or service behind it. */
export function ProblemsPanel({ grid, problems, healthCandidates, servicesPath }: ProblemsPanelProps) {
  const shown = problems.slice(0, MAX_PROBLEM_ROWS);
  const checks = healthCandidates.slice(0, MAX_HEALTH_CHECKS);
  const hidden = problems.length - shown.length;
  const none = problems.length === 0;
  return (
    <Panel
      id="overview-problems"
      title="Problems"
      meta={none ? undefined : `${problems.length} problem${problems.length === 1 ? '' : 's'}`}
    >
      {none && checks.length === 0 && (
        <p className={styles.allWell}>
          <StatusBadge tone="ok" label="All well" /> Every node is online and every service runs as wanted.
        </p>
      )}
      {(shown.length > 0 || checks.length > 0) && (
        <ul className={styles.problems} aria-label="Problems, worst first">
          {shown.map((problem) => (
            <ProblemRow key={problem.key} grid={grid} problem={problem} />
          ))}
          {checks.map((service) => (
            <HealthCheckRow key={service.id} service={service} />
          ))}
        </ul>
      )}
      {none && checks.length > 0 && (
        <p className={styles.panelNote}>No node is offline and no service is down; any unhealthy instances show above.</p>
      )}
      {(hidden > 0 || healthCandidates.length > checks.length) && (
        <p className={styles.panelNote}>
          {hidden > 0 && `${hidden} more not shown. `}
          <Link to={servicesPath}>See every service, worst health first</Link>
        </p>
      )}
    </Panel>
  );
}
