import { Navigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { gridsQuery } from '../../api/queries';
import { ErrorPanel } from '../../components/error-panel';
import { LoadError } from '../../components/load-error';
import { Spinner } from '../../components/spinner';
import { formatOverviewPath } from '../../lib/format-grid-paths';
import { readLastGrid } from '../last-grid';

/** "/": the overview of the grid used last, else of the first grid. */
export function HomeRedirect() {
  const query = useQuery(gridsQuery());
  if (query.data) {
    const last = readLastGrid();
    const target = query.data.find((g) => g.name === last) ?? query.data[0];
    if (target) return <Navigate to={formatOverviewPath(target.name)} replace />;
    return (
      <ErrorPanel title="No grids yet">
        <p>
          This master has no grids you can see. Create one with <code>kontena grid create NAME</code>, or ask an admin to add you to a grid.
        </p>
      </ErrorPanel>
    );
  }
  if (query.isError) {
    return <LoadError what="the grids" error={query.error} retrying={query.isFetching} onRetry={() => void query.refetch()} />;
  }
  return <Spinner label="Loading grids…" />;
}
