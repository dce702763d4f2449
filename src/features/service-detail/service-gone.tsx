import { Link } from 'react-router';
import { serviceDisplayName } from '../../api/service-ref';
import type { ServiceRef } from '../../api/service-ref';
import { buttonClassName } from '../../components/button';
import { ErrorPanel } from '../../components/error-panel';
import { formatServicesPath } from '../../lib/format-path';

/**
 * The master answers 404 for the service: removed while the page was open (`wasShown`),
 * or never there (a stale bookmark, a mistyped address).
 */
export function ServiceGone({ serviceRef, wasShown }: { serviceRef: ServiceRef; wasShown: boolean }) {
  const title = serviceDisplayName(serviceRef);
  return (
    <>
      <title>{`${title} · ${serviceRef.grid} · Kontena`}</title>
      <ErrorPanel
        mark="404"
        title={wasShown ? `Service “${title}” no longer exists` : `There is no service “${title}” in grid ${serviceRef.grid}`}
        actions={
          <Link to={formatServicesPath(serviceRef.grid)} className={buttonClassName('primary')}>
            Back to the services
          </Link>
        }
      >
        <p>
          {wasShown
            ? `It was removed from grid ${serviceRef.grid} while this page was open.`
            : 'It may have been removed, or the address is mistyped.'}
        </p>
      </ErrorPanel>
    </>
  );
}
