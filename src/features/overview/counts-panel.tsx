import { Link } from 'react-router';
import type { ServiceState } from '../../api/schemas/service';
import { Panel } from '../../components/panel';
import { formatServicesPath } from '../../lib/format-path';
import { formatNodesPath } from '../../lib/format-grid-paths';
import type { GridCounts } from './grid-counts';
import { SERVICE_STATES } from './grid-counts';
import styles from './overview.module.css';

interface CountProps {
  value: number;
  label: string;
  /** What is counted when the label alone does not say it ("nodes" before "offline"), for screen readers. */
  noun?: string;
  to: string;
  /** Draws the eye when the count is not zero (offline nodes, stopped services). */
  tone?: 'danger' | 'warn';
}

/** "nodes" → "node" for one. */
const counted = (word: string, value: number): string => (value === 1 && word.endsWith('s') ? word.slice(0, -1) : word);

/** One number with what it counts, linking to the list that shows those. */
function Count({ value, label: plural, noun: nouns, to, tone }: CountProps) {
  const label = nouns === undefined ? counted(plural, value) : plural;
  const noun = nouns === undefined ? undefined : counted(nouns, value);
  return (
    <li>
      <Link to={to} className={styles.count} data-tone={value > 0 ? tone : undefined}>
        <span className={styles.countValue}>{value.toLocaleString()}</span>{' '}
        <span className={styles.countLabel}>
          {noun !== undefined && (
            <>
              <span className="visually-hidden">{noun}</span>{' '}
            </>
          )}
          {label}
        </span>
      </Link>
    </li>
  );
}

const STATE_TONES: Partial<Record<ServiceState, 'warn'>> = { stopped: 'warn' };

/** Nodes, services by state and instances, every number a link to its list. */
export function CountsPanel({ grid, counts }: { grid: string; counts: Partial<GridCounts> }) {
  const services = formatServicesPath(grid);
  return (
    <Panel id="overview-counts" title="The grid in numbers">
      <div className={styles.countGroups}>
        {counts.nodes && (
          <ul className={styles.counts} aria-label="Nodes">
            <Count value={counts.nodes.total} label="nodes" to={formatNodesPath(grid)} />
            <Count value={counts.nodes.online} label="online" noun="nodes" to={formatNodesPath(grid, '?state=online')} />
            <Count value={counts.nodes.offline} label="offline" noun="nodes" to={formatNodesPath(grid, '?state=offline')} tone="danger" />
          </ul>
        )}
        {counts.services && (
          <ul className={styles.counts} aria-label="Services">
            <Count value={counts.services.total} label="services" to={services} />
            {SERVICE_STATES.map((state) =>
              // The rare states only when something is in them.
              counts.services && (counts.services.byState[state] > 0 || state === 'running' || state === 'stopped') ? (
                <Count
                  key={state}
                  value={counts.services.byState[state]}
                  label={state}
                  noun="services"
                  to={`${services}?state=${state}`}
                  tone={STATE_TONES[state]}
                />
              ) : null,
            )}
          </ul>
        )}
        {counts.instances && (
          <ul className={styles.counts} aria-label="Instances">
            <Count value={counts.instances.total} label="instances" to={`${services}?sort=instances`} />
            <Count value={counts.instances.running} label="running" noun="instances" to={`${services}?state=running`} />
            <Count value={counts.instances.notRunning} label="not running" noun="instances" to={`${services}?sort=health`} tone="warn" />
          </ul>
        )}
      </div>
    </Panel>
  );
}
