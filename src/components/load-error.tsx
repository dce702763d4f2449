import type { ReactNode } from 'react';
import { isApiError } from '../api/errors';
import { Button } from './button';
import { ErrorPanel } from './error-panel';

interface LoadErrorProps {
  /** What failed to load, for the heading: "the services". */
  what: string;
  error: unknown;
  retrying: boolean;
  onRetry: () => void;
  /** What to say when the master answers 404, instead of the generic text. */
  notFound?: { title: string; text: ReactNode };
  /** Extra actions, e.g. a link home. */
  actions?: ReactNode;
}

function explain(error: unknown): string {
  if (!isApiError(error)) return 'Something unexpected went wrong while loading.';
  switch (error.kind) {
    case 'network':
      return 'The Kontena Master cannot be reached right now.';
    case 'badResponse':
      return 'The master’s answer was not what the Kontena API sends (perhaps a proxy answered instead).';
    case 'server':
      return 'The master had an internal error.';
    case 'forbidden':
      return 'You do not have access to this.';
    case 'rateLimited':
      return 'The master is limiting requests; wait a moment.';
    default:
      return error.message;
  }
}

/** A page section whose data could not load, with the reason and a retry. */
export function LoadError({ what, error, retrying, onRetry, notFound, actions }: LoadErrorProps) {
  if (notFound !== undefined && isApiError(error) && error.kind === 'notFound') {
    return (
      <ErrorPanel mark="404" level={2} title={notFound.title} actions={actions}>
        <p>{notFound.text}</p>
      </ErrorPanel>
    );
  }
  const detail = isApiError(error) ? error.message : error instanceof Error ? error.message : null;
  const summary = explain(error);
  return (
    <div role="alert">
      <ErrorPanel
        mark="!"
        level={2}
        title={`Could not load ${what}`}
        actions={
          <>
            <Button variant="primary" onClick={onRetry} disabled={retrying}>
              {retrying ? 'Retrying…' : 'Retry'}
            </Button>
            {actions}
          </>
        }
      >
        <p>{summary}</p>
        {detail !== null && detail !== summary && <p>{detail}</p>}
      </ErrorPanel>
    </div>
  );
}
