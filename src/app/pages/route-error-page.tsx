import { Link, isRouteErrorResponse, useLocation, useNavigate, useRouteError } from 'react-router';
import { redactSecrets } from '../../api/redact';
import { Button, buttonClassName } from '../../components/button';
import { ErrorPanel } from '../../components/error-panel';
import { KontenaWordmark } from '../../components/kontena-wordmark';
import { NotFoundPage } from './not-found-page';
import styles from './route-error-page.module.css';

/** A page's code failed to download: usually a new version was deployed; only a reload helps. */
function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
}

function describe(error: unknown): string | null {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error) return redactSecrets(error.message);
  return null;
}

function ErrorContent() {
  const error = useRouteError();
  const navigate = useNavigate();
  const location = useLocation();

  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;

  const chunk = isChunkLoadError(error);
  const detail = describe(error);
  const retry = () => {
    if (chunk) window.location.reload();
    // Navigating to the same address re-renders the page and clears the error.
    else void navigate(`${location.pathname}${location.search}${location.hash}`, { replace: true });
  };

  return (
    <ErrorPanel
      mark="!"
      title={chunk ? 'This page could not be loaded' : 'Something went wrong on this page'}
      actions={
        <>
          <Button variant="primary" onClick={retry}>
            {chunk ? 'Reload' : 'Try again'}
          </Button>
          <Link to="/" className={buttonClassName('secondary')}>
            Go to the dashboard
          </Link>
        </>
      }
    >
      <title>Error · Kontena</title>
      <p>
        {chunk
          ? 'Part of the dashboard did not download, perhaps because a new version was just installed or the network dropped.'
          : 'The dashboard hit an error it did not expect. Your data on the master is not affected.'}
      </p>
      {detail !== null && (
        <details className={styles.details}>
          <summary>Technical details</summary>
          <pre>{detail}</pre>
        </details>
      )}
    </ErrorPanel>
  );
}

/** errorElement inside the shell: the top bar and navigation stay usable. */
export function PageErrorPage() {
  return (
    <div role="alert">
      <ErrorContent />
    </div>
  );
}

/** errorElement at the root, for when the shell itself failed: a whole page of its own. */
export function RootErrorPage() {
  return (
    <div className={styles.page}>
      <header className={styles.brand}>
        <KontenaWordmark />
      </header>
      <main id="main" role="alert">
        <ErrorContent />
      </main>
    </div>
  );
}
