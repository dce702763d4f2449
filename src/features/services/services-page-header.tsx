import { Link } from 'react-router';
import { buttonClassName, Button } from '../../components/button';
import { formatServicesPath } from '../../lib/format-path';
import styles from './services.module.css';

interface ServicesPageHeaderProps {
  grid: string;
  /** How many services the grid has and the view shows; null until the list is loaded. */
  counts: { total: number; shown: number } | null;
  onShortcuts: () => void;
}

/** "Services · Grid production · 12 of 40 services", the shortcuts and New service. */
export function ServicesPageHeader({ grid, counts, onShortcuts }: ServicesPageHeaderProps) {
  return (
    <header className={styles.header}>
      <h1>Services</h1>
      <p className={styles.subtitle}>
        Grid <strong>{grid}</strong>
        {counts !== null && (
          <>
            {' · '}
            {counts.shown === counts.total
              ? `${counts.total} service${counts.total === 1 ? '' : 's'}`
              : `${counts.shown} of ${counts.total} services`}
          </>
        )}
      </p>
      <div className={styles.headerActions}>
        <Button size="sm" variant="ghost" onClick={onShortcuts} aria-keyshortcuts="?">
          Shortcuts <kbd aria-hidden="true">?</kbd>
        </Button>
        <Link to={`${formatServicesPath(grid)}/new`} className={buttonClassName('primary', 'sm')}>
          New service
        </Link>
      </div>
    </header>
  );
}
