import type { ReactNode } from 'react';
import { cx } from './class-names';
import { SkeletonRows } from './skeleton';
import styles from './panel.module.css';

/** A bordered box of a page, without a heading (a loading or empty state). */
export function PanelBox({ children }: { children: ReactNode }) {
  return <div className={styles.panel}>{children}</div>;
}

/**
 * A section of a page named by its heading (`id` is the heading's, for a table inside
 * to be labelled by it). `meta` (a count, a note) and `tools` (a button, a link) share
 * the header row, the tools at its end.
 */
export function Panel({
  id,
  title,
  meta,
  tools,
  children,
}: {
  id: string;
  title: ReactNode;
  meta?: ReactNode;
  tools?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className={styles.panel} aria-labelledby={id}>
      <div className={styles.header}>
        <h2 id={id} className={styles.title}>
          {title}
        </h2>
        {meta !== undefined && <span className={styles.meta}>{meta}</span>}
        {tools !== undefined && <div className={styles.tools}>{tools}</div>}
      </div>
      {children}
    </section>
  );
}

/** A panel's place while its data loads: placeholder rows, and `label` said to assistive tech. */
export function PanelLoading({ label, rows }: { label: string; rows?: number }) {
  return (
    <PanelBox>
      <p role="status" className="visually-hidden">
        {label}
      </p>
      <SkeletonRows rows={rows} />
    </PanelBox>
  );
}

interface PanelTableProps {
  /** The column headers, in order. */
  columns: readonly string[];
  /** Adds a last column for the rows' buttons, its header said only to assistive tech. */
  actions?: boolean;
  /** The id of the heading that names the table. */
  labelledBy?: string;
  /** The page's cell padding and row-header weight. */
  className?: string;
  /** The rows. */
  children: ReactNode;
}

/** A table in a panel, scrolling sideways on its own when it is too wide. */
export function PanelTable({ columns, actions = false, labelledBy, className, children }: PanelTableProps) {
  return (
    <div className={styles.tableWrap}>
      <table className={cx(styles.table, className)} aria-labelledby={labelledBy}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
