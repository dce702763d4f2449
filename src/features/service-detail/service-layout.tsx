import type { ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router';
import { serviceDisplayName } from '../../api/service-ref';
import { useServiceRef } from '../../components/use-service-ref';

// Placeholder until the service-page issue lands: header, tabs and the tab's outlet.
export function ServiceLayout({ actions }: { actions?: ReactNode }) {
  const ref = useServiceRef();
  return (
    <div>
      <h1>{serviceDisplayName(ref)}</h1>
      {actions}
      <nav aria-label="Service sections">
        <NavLink to="." end>Overview</NavLink> <NavLink to="instances">Instances</NavLink> <NavLink to="stats">Stats</NavLink>{' '}
        <NavLink to="logs">Logs</NavLink> <NavLink to="events">Events</NavLink> <NavLink to="settings">Settings</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
