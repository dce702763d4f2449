import type { TileTone } from './wall-tiles';

/**
 * The shape that goes with each tone, as the status badges use them: ▲ danger, ◆ warn,
 * ○ info, ● ok, ■ neutral. Shape and word carry the state, colour only adds to it, so
 * the wall reads for colour-blind eyes and on a washed-out screen.
 */
export function ToneIcon({ tone, className }: { tone: TileTone; className?: string }) {
  return (
    <svg className={className} viewBox="0 0 16 16" aria-hidden="true" focusable="false" data-tone={tone}>
      {tone === 'danger' && <path d="M8 1.5 15 14.5H1z" fill="currentColor" />}
      {tone === 'warn' && <path d="M8 1 15 8 8 15 1 8z" fill="currentColor" />}
      {tone === 'info' && <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="3" />}
      {tone === 'ok' && <circle cx="8" cy="8" r="7" fill="currentColor" />}
      {tone === 'neutral' && <rect x="2" y="2" width="12" height="12" rx="1.5" fill="currentColor" />}
    </svg>
  );
}
