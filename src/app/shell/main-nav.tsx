import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { formatAuditPath, formatNodesPath, formatOverviewPath, formatStacksPath, formatVolumesPath } from '../../lib/format-grid-paths';
import { formatGridLogsPath, formatServicesPath } from '../../lib/format-path';
import { formatSecretsPath } from '../../lib/format-secrets-path';
import styles from './app-shell.module.css';

function NavIcon({ children }: { children: ReactNode }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className={styles.navIcon}>
      {children}
    </svg>
  );
}

interface NavItem {
  label: string;
  to: string;
  /** Current only on this very path: the overview's path is the start of every grid page's. */
  end?: boolean;
  icon: ReactNode;
}

const overviewIcon = (
  <>
    <rect x="1.5" y="1.5" width="5.5" height="5.5" rx="1" fill="currentColor" />
    <rect x="9" y="1.5" width="5.5" height="5.5" rx="1" fill="currentColor" opacity="0.7" />
    <rect x="1.5" y="9" width="5.5" height="5.5" rx="1" fill="currentColor" opacity="0.7" />
    <rect x="9" y="9" width="5.5" height="5.5" rx="1" fill="currentColor" opacity="0.45" />
  </>
);

const servicesIcon = (
  <>
    <rect x="1.5" y="2" width="13" height="3.5" rx="1" fill="currentColor" />
    <rect x="1.5" y="6.5" width="13" height="3.5" rx="1" fill="currentColor" opacity="0.7" />
    <rect x="1.5" y="11" width="13" height="3.5" rx="1" fill="currentColor" opacity="0.45" />
  </>
);

const nodesIcon = (
  <>
    <rect x="1.5" y="2" width="13" height="5" rx="1" fill="none" stroke="currentColor" strokeWidth="1.6" />
    <rect x="1.5" y="9" width="13" height="5" rx="1" fill="none" stroke="currentColor" strokeWidth="1.6" />
    <circle cx="4.5" cy="4.5" r="1" fill="currentColor" />
    <circle cx="4.5" cy="11.5" r="1" fill="currentColor" />
  </>
);

const stacksIcon = (
  <>
    <path d="M8 1.8 14.5 5 8 8.2 1.5 5Z" fill="currentColor" />
    <path d="M1.5 8 8 11.2 14.5 8" stroke="currentColor" strokeWidth="1.5" fill="none" opacity="0.7" />
    <path d="M1.5 11 8 14.2 14.5 11" stroke="currentColor" strokeWidth="1.5" fill="none" opacity="0.45" />
  </>
);

const volumesIcon = (
  <>
    <ellipse cx="8" cy="3.5" rx="5.5" ry="2" fill="currentColor" />
    <path d="M2.5 3.5v9c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2v-9" stroke="currentColor" strokeWidth="1.5" fill="none" />
    <path d="M2.5 8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2" stroke="currentColor" strokeWidth="1.2" fill="none" opacity="0.6" />
  </>
);

const secretsIcon = (
  <>
    <rect x="2.5" y="7" width="11" height="7.5" rx="1.2" fill="currentColor" />
    <path d="M5 7V5a3 3 0 0 1 6 0v2" stroke="currentColor" strokeWidth="1.6" fill="none" />
  </>
);

const logsIcon = (
  <>
    <rect x="1.5" y="2" width="13" height="12" rx="1.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
    <path d="M4 6h8M4 8.5h6M4 11h7" stroke="currentColor" strokeWidth="1.4" />
  </>
);

const auditIcon = (
  <>
    <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
    <path d="M8 4.5V8l2.5 1.8" stroke="currentColor" strokeWidth="1.6" fill="none" strokeLinecap="round" />
  </>
);

const wallIcon = (
  <>
    <rect x="1.5" y="2.5" width="13" height="9" rx="1" fill="none" stroke="currentColor" strokeWidth="1.6" />
    <path d="M5.5 14h5M8 11.5V14" stroke="currentColor" strokeWidth="1.6" />
  </>
);

/**
 * The grid's pages, in the order an operator's day goes (the grid at a glance first), then
 * the wall. Without a grid (none chosen yet, none remembered) only what needs none.
 */
function navItems(grid: string | null): NavItem[] {
  const wall: NavItem = { label: 'Wall', to: '/wall-builder', icon: wallIcon };
  // Services leads to the first grid by way of "/" until there is one.
  if (grid === null) return [{ label: 'Services', to: '/', icon: servicesIcon }, wall];
  return [
    { label: 'Overview', to: formatOverviewPath(grid), end: true, icon: overviewIcon },
    { label: 'Services', to: formatServicesPath(grid), icon: servicesIcon },
    { label: 'Stacks', to: formatStacksPath(grid), icon: stacksIcon },
    { label: 'Nodes', to: formatNodesPath(grid), icon: nodesIcon },
    { label: 'Volumes', to: formatVolumesPath(grid), icon: volumesIcon },
    { label: 'Secrets', to: formatSecretsPath(grid), icon: secretsIcon },
    { label: 'Logs', to: formatGridLogsPath(grid), icon: logsIcon },
    { label: 'Audit', to: formatAuditPath(grid), icon: auditIcon },
    wall,
  ];
}

/** The shell's left navigation: one link per section, the current one marked (aria-current). */
export function MainNav({ grid }: { grid: string | null }) {
  return (
    <ul>
      {navItems(grid).map((item) => (
        <li key={item.label}>
          <NavLink to={item.to} end={item.end} className={styles.navLink}>
            <NavIcon>{item.icon}</NavIcon>
            {item.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
