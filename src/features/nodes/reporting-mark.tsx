import { StatusBadge } from '../../components/status-badge';
import type { StatusTone } from '../../components/status-badge';
import { reportingDetail, reportingLabel } from './node-reporting';
import type { ReportingState } from './node-reporting';
import styles from './nodes.module.css';

const TONE: Record<ReportingState['kind'], StatusTone> = { online: 'ok', offline: 'danger', silent: 'warn' };

/** The node's state as a badge (shape and word, not colour alone), with since when it is in trouble. */
export function ReportingMark({ state, now }: { state: ReportingState; now: number }) {
  const detail = reportingDetail(state, now);
  return (
    <span className={styles.mark}>
      <StatusBadge tone={TONE[state.kind]} label={reportingLabel(state)} />
      {detail !== null && <span className={styles.markDetail}>{detail}</span>}
    </span>
  );
}
