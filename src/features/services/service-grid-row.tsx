import { memo, useCallback } from 'react';
import { Link } from 'react-router';
import type { Service } from '../../api/schemas/service';
import { refOfService } from '../../api/service-ref';
import { cx } from '../../components/class-names';
import { HealthBadge } from '../../components/health-badge';
import { ServiceStateBadge } from '../../components/service-state-badge';
import { StatusBadge } from '../../components/status-badge';
import { useReportedHealth } from '../../components/use-reported-health';
import { deployCounts } from '../../lib/deploy-progress';
import { formatServicePath } from '../../lib/format-path';
import { formatAgo, formatExactTime } from '../../lib/relative-time';
import { healthFromService } from '../../lib/service-health';
import type { ServiceHealth } from '../../lib/service-health';
import type { ServiceRow } from '../../lib/service-rows';
import type { DeployPanelEntry } from './deploy-panel-state';
import type { RowActionKind } from './row-actions';
import { RowActionsMenu } from './row-actions-menu';
import styles from './services.module.css';

/**
 * The row's health in the words every view uses (lib/service-health). The list has only
 * the service JSON: when it leaves open whether the instances not healthy are pending or
 * unhealthy, the row (only while on screen) asks the containers (use-reported-health).
 */
function Health({ row }: { row: ServiceRow<Service> }) {
  const { service } = row;
  const fromService = healthFromService(service.health_status);
  // Only an unresolved row holds a query observer: rows mount by the dozen on every keystroke of the filter.
  if (fromService.level !== 'unresolved') return <HealthBadge health={fromService} />;
  return <ReportedHealth service={service} fromService={fromService} />;
}

function ReportedHealth({ service, fromService }: { service: Service; fromService: ServiceHealth }) {
  return <HealthBadge health={useReportedHealth(refOfService(service), fromService)} />;
}

/**
 * The deploy this browser started for the row's service, while it runs: shown in place
 * of the state badge (the master's own state stays in the words read out and the tooltip).
 */
function RowDeploy({ tracked, state }: { tracked: DeployPanelEntry; state: string }) {
  const data = tracked.deploy;
  let text = 'deploy sent';
  if (data?.state === 'created') text = 'deploy queued';
  else if (data?.state === 'ongoing') {
    const { done, total } = deployCounts(data);
    text = `deploying ${done}/${total}`;
  }
  return (
    <span title={`${tracked.title} in progress (state: ${state})`}>
      <StatusBadge tone="warn" label={text} />
      <span className="visually-hidden">, state {state}</span>
    </span>
  );
}

function Instances({ service }: { service: Service }) {
  const running = service.instance_counts.running;
  // Fewer running than wanted is news only while the service is meant to run.
  const short = service.state === 'running' && service.strategy !== 'daemon' && running < service.instances;
  const text = service.strategy === 'daemon' ? `${running} (${service.instances}/node)` : `${running}/${service.instances}`;
  return (
    <span
      className={cx(styles.num, short && styles.short)}
      title={
        service.strategy === 'daemon'
          ? `${running} running, ${service.instances} per node`
          : `${running} running of ${service.instances} desired`
      }
    >
      {text}
    </span>
  );
}

interface ServiceGridRowProps {
  row: ServiceRow<Service>;
  /** 0-based position in the shown rows. */
  index: number;
  /** Offset from the top of the rows, in px. */
  top: number;
  selected: boolean;
  active: boolean;
  menuOpen: boolean;
  tracked: DeployPanelEntry | undefined;
  /** For the relative "updated" time; ticks coarsely so rows do not re-render every second. */
  now: number;
  rowRef: (id: string, el: HTMLDivElement | null) => void;
  onToggle: (id: string) => void;
  onMenuOpenChange: (id: string, open: boolean) => void;
  onAction: (id: string, kind: RowActionKind) => void;
}

/**
 * Rows are built anew from each answer that changed, and a row is made of its service
 * alone (lib/service-rows): the same service object (the services query keeps an unchanged
 * service's object) is the same row, whatever the row object.
 */
function sameRowProps(a: ServiceGridRowProps, b: ServiceGridRowProps): boolean {
  for (const key of Object.keys(b) as (keyof ServiceGridRowProps)[]) {
    if (key === 'row' ? a.row.service !== b.row.service : a[key] !== b[key]) return false;
  }
  return true;
}

/** One service in the grid. Memoised: a refresh that kept the service object leaves the row alone. */
export const ServiceGridRow = memo(function ServiceGridRow({
  row,
  index,
  top,
  selected,
  active,
  menuOpen,
  tracked,
  now,
  rowRef,
  onToggle,
  onMenuOpenChange,
  onAction,
}: ServiceGridRowProps) {
  const { service } = row;
  const tab = active ? 0 : -1;
  // Stable across re-renders (each "now" tick, each selection change): a new callback ref
  // would be detached and attached again on every one of them.
  const { id } = row;
  const ref = useCallback((el: HTMLDivElement | null) => rowRef(id, el), [rowRef, id]);
  return (
    <div
      ref={ref}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tab}
      data-row-id={row.id}
      className={cx(styles.row, styles.bodyRow)}
      style={{ transform: `translateY(${top}px)` }}
    >
      <div role="gridcell" className={cx(styles.cell, styles.check)}>
        <input type="checkbox" checked={selected} onChange={() => onToggle(row.id)} aria-label={`Select ${row.label}`} tabIndex={tab} />
      </div>
      <div role="gridcell" className={styles.cell}>
        <Link to={formatServicePath(refOfService(service))} className={styles.name} tabIndex={tab} title={row.label}>
          {row.label}
        </Link>
      </div>
      <div role="gridcell" className={cx(styles.cell, styles.image)} title={service.image}>
        {service.image}
      </div>
      <div role="gridcell" className={cx(styles.cell, styles.stateCell)}>
        {tracked !== undefined && !tracked.finished ? (
          <RowDeploy tracked={tracked} state={service.state} />
        ) : (
          <ServiceStateBadge state={service.state} />
        )}
      </div>
      <div role="gridcell" className={styles.cell}>
        <Instances service={service} />
      </div>
      <div role="gridcell" className={styles.cell}>
        <Health row={row} />
      </div>
      <div role="gridcell" className={cx(styles.cell, styles.optional, styles.small)}>
        {service.strategy}
      </div>
      <div role="gridcell" className={cx(styles.cell, styles.optional, styles.small)}>
        {service.stateful ? 'yes' : 'no'}
      </div>
      <div role="gridcell" className={cx(styles.cell, styles.optional, styles.image)} title={row.ports}>
        {row.ports === '' ? (
          <>
            <span aria-hidden="true">—</span>
            <span className="visually-hidden">no ports</span>
          </>
        ) : (
          row.ports
        )}
      </div>
      <div role="gridcell" className={cx(styles.cell, styles.small, styles.muted)}>
        <time dateTime={service.updated_at} title={formatExactTime(row.updatedMs)}>
          {formatAgo(row.updatedMs, now)}
        </time>
      </div>
      <div role="gridcell" className={styles.cell}>
        <RowActionsMenu
          label={row.label}
          state={service.state}
          open={menuOpen}
          onOpenChange={(open) => onMenuOpenChange(row.id, open)}
          onAction={(kind) => onAction(row.id, kind)}
          tabIndex={tab}
        />
      </div>
    </div>
  );
}, sameRowProps);
