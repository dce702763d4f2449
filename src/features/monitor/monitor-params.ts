/**
 * The monitor's view state in the URL: `interval` in seconds like the CLI's `--interval`
 * (default 2; 0 = paused) and `empty=hide` to leave out nodes without instances.
 */
export const INTERVAL_CHOICES = [1, 2, 5, 10, 30, 0] as const;
const DEFAULT_INTERVAL_S = 2;

export interface MonitorParams {
  intervalS: number;
  hideEmpty: boolean;
}

export function parseMonitorParams(params: URLSearchParams): MonitorParams {
  const raw = params.get('interval');
  const n = raw === null ? DEFAULT_INTERVAL_S : Number(raw);
  return {
    intervalS: (INTERVAL_CHOICES as readonly number[]).includes(n) ? n : DEFAULT_INTERVAL_S,
    hideEmpty: params.get('empty') === 'hide',
  };
}

export function writeMonitorParams(current: URLSearchParams, next: MonitorParams): URLSearchParams {
  const out = new URLSearchParams(current);
  out.delete('interval');
  out.delete('empty');
  if (next.intervalS !== DEFAULT_INTERVAL_S) out.set('interval', String(next.intervalS));
  if (next.hideEmpty) out.set('empty', 'hide');
  return out;
}

export function intervalLabel(seconds: number): string {
  return seconds === 0 ? 'Paused' : `Every ${seconds} s`;
}
