import { Link, useLocation } from 'react-router';
import { buttonClassName } from '../../components/button';
import { ErrorPanel } from '../../components/error-panel';

export function NotFoundPage() {
  const location = useLocation();
  return (
    <ErrorPanel
      mark="404"
      title="Page not found"
      actions={
        <Link to="/" className={buttonClassName('primary')}>
          Go to the dashboard
        </Link>
      }
    >
      <title>Not found · Kontena</title>
      <p>
        There is no page at <code>{location.pathname}</code>.
      </p>
    </ErrorPanel>
  );
}
