/**
 * The words and figures a wall tile shows, shortened by design rather than cut by the
 * screen: every figure carries its unit, a missing figure is a word, and a deploy's
 * failure reason (a sentence meant for a log) becomes the few words that fit a tile.
 */
import { formatBytes, formatPercent } from '../../lib/format-units';

/** What a metric says when there is no sample to show (nothing running, no answer yet). */
export const NO_DATA = 'no data';

/** CPU of the service's containers together, in % of one core: "12.3 %", "240 %". */
export function cpuFigure(cpu: number | null | undefined): string {
  return cpu === null || cpu === undefined || !Number.isFinite(cpu) ? NO_DATA : formatPercent(cpu);
}

/** Memory in use, binary units: "95.3 MiB", "1.50 GiB". */
export function memFigure(mem: number | null | undefined): string {
  return mem === null || mem === undefined || !Number.isFinite(mem) ? NO_DATA : formatBytes(mem);
}

/** Longest failure reason shown as it is; a longer one is shortened at a word. */
export const REASON_MAX_CHARS = 48;

const HALTED = /^halting deploy of \S+?,? one or more instances failed\.?$/i;
const NO_NODE = /^cannot find applicable node for service instance \S+?:/i;

/**
 * A deploy's failure reason in a few words. The master's two usual reasons (docs/kontena-api.md
 * §4.8) have short names; anything else keeps its first clause, and a clause too long for
 * a tile ends at a whole word with "…" (the service's page has the full text).
 */
export function shortReason(reason: string): string {
  const text = reason.trim().replace(/\s+/g, ' ');
  if (text === '') return 'the last deploy did not finish';
  if (HALTED.test(text)) return 'instances failed';
  if (NO_NODE.test(text)) return 'no node can run it';
  const clause = text.split(/(?<=[.;])\s|,\s/)[0] ?? text;
  if (clause.length <= REASON_MAX_CHARS) return clause.replace(/[.;]$/, '');
  const cut = clause.slice(0, REASON_MAX_CHARS + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : cut.slice(0, REASON_MAX_CHARS)).replace(/[,;:.]$/, '')}…`;
}
