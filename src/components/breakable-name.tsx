import { Fragment } from 'react';
import { nameSegments } from '../lib/name-breaks';
import { cx } from './class-names';
import styles from './breakable-name.module.css';

/** A segment longer than this may wrap inside (at a hyphen, or anywhere as a last resort) rather than overflow its box. */
const KEPT_WHOLE = 24;

/**
 * A DNS name or an id (`api-1.production.kontena.local`, `production/null/api`) that
 * wraps after its dots and slashes, never inside a label: each label is kept on one
 * line, with a break opportunity (<wbr>) after it. The text reads, copies and is named
 * as one string: neither the spans nor <wbr> add characters.
 */
export function BreakableName({ text, className }: { text: string; className?: string }) {
  const segments = nameSegments(text);
  if (segments.length === 1) return <span className={cx(styles.name, className)}>{text}</span>;
  return (
    <span className={cx(styles.name, className)}>
      {segments.map((segment, i) => (
        // Segments are positional parts of one fixed string: the index is their identity.
        <Fragment key={i}>
          {i > 0 && <wbr />}
          <span className={segment.length <= KEPT_WHOLE ? styles.whole : undefined}>{segment}</span>
        </Fragment>
      ))}
    </span>
  );
}
