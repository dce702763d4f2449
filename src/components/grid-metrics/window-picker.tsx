/**
 * The metrics charts' 1 h / 6 h / 24 h picker and its URL param (`?window=`, absent for 1 h),
 * shared by the node page and the grid overview. No Recharts here: the pages render it
 * before their charts' lazy chunk arrives.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { METRICS_WINDOW_CHOICES, parseMetricsWindow } from '../../lib/metrics-series';
import type { MetricsWindow } from '../../lib/metrics-series';
import { URL_VIEW_STATE } from '../url-view-state';
import styles from './window-picker.module.css';

/** The URL's chart window and a setter that keeps the other params (a view-state change, not a new entry). */
export function useMetricsWindow(): [MetricsWindow, (window: MetricsWindow) => void] {
  const [params, setParams] = useSearchParams();
  const window = parseMetricsWindow(params.get('window'));
  const choose = useCallback(
    (key: MetricsWindow) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (key === '1h') next.delete('window');
        else next.set('window', key);
        return next;
      }, URL_VIEW_STATE),
    [setParams],
  );
  return [window, choose];
}

interface WindowPickerProps {
  window: MetricsWindow;
  onChange: (window: MetricsWindow) => void;
  /** Compact buttons, for a panel's title bar. */
  compact?: boolean;
}

export function MetricsWindowPicker({ window, onChange, compact = false }: WindowPickerProps) {
  return (
    <div role="group" aria-label="Time window" className={styles.segmented}>
      {METRICS_WINDOW_CHOICES.map((c) => (
        <button
          key={c.key}
          type="button"
          aria-pressed={window === c.key}
          className={styles.segment}
          data-compact={compact || undefined}
          onClick={() => onChange(c.key)}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}
