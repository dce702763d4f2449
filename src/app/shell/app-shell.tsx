import { useEffect } from 'react';
import type { MouseEvent } from 'react';
import { Link, NavLink, Outlet, useNavigation, useParams } from 'react-router';
import { KontenaWordmark } from '../../components/kontena-wordmark';
import { formatGridLogsPath, formatServicesPath } from '../../lib/format-path';
import { formatSecretsPath } from '../../lib/format-secrets-path';
import { readLastGrid, rememberGrid } from '../last-grid';
import { useSession } from '../../components/use-session';
import { ConnectionIndicator } from './connection-indicator';
import { GridSwitcher } from './grid-switcher';
import { OfflineBanner } from './offline-banner';
import { ToastRegion } from '../../components/toast-region';
import { ThemeMenu } from './theme-menu';
import { UserMenu } from './user-menu';
import styles from './app-shell.module.css';

function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  // Focus the main area without a hash navigation, which the router would treat as a page change.
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/** Top bar, left navigation and the main area every signed-in page renders into. */
export function AppShell() {
  const session = useSession();
  const { grid } = useParams();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';

  useEffect(() => {
    if (grid !== undefined) rememberGrid(grid);
  }, [grid]);

  const navGrid = grid ?? readLastGrid();

  return (
    <div className={styles.shell}>
      <a href="#main" className={styles.skip} onClick={skipToContent}>
        Skip to content
      </a>
      <div className={styles.progress} data-active={busy} aria-hidden="true" />
      <header className={styles.topbar}>
        {/* Named by what it shows, "Kontena Dashboard": a voice command saying the visible words finds it. */}
        <Link to="/" className={styles.home}>
          <KontenaWordmark />
        </Link>
        <GridSwitcher grid={grid} />
        <div className={styles.spacer} />
        <ConnectionIndicator />
        <ThemeMenu />
        {session !== null && <UserMenu session={session} />}
      </header>
      <nav className={styles.nav} aria-label="Main">
        <ul>
          <li>
            <NavLink to={navGrid !== null ? formatServicesPath(navGrid) : '/'} className={styles.navLink}>
              <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className={styles.navIcon}>
                <rect x="1.5" y="2" width="13" height="3.5" rx="1" fill="currentColor" />
                <rect x="1.5" y="6.5" width="13" height="3.5" rx="1" fill="currentColor" opacity="0.7" />
                <rect x="1.5" y="11" width="13" height="3.5" rx="1" fill="currentColor" opacity="0.45" />
              </svg>
              Services
            </NavLink>
          </li>
          {navGrid !== null && (
            <li>
              <NavLink to={formatSecretsPath(navGrid)} className={styles.navLink}>
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className={styles.navIcon}>
                  <rect x="2.5" y="7" width="11" height="7.5" rx="1.2" fill="currentColor" />
                  <path d="M5 7V5a3 3 0 0 1 6 0v2" stroke="currentColor" strokeWidth="1.6" fill="none" />
                </svg>
                Secrets
              </NavLink>
            </li>
          )}
          {navGrid !== null && (
            <li>
              <NavLink to={formatGridLogsPath(navGrid)} className={styles.navLink}>
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className={styles.navIcon}>
                  <rect x="1.5" y="2" width="13" height="12" rx="1.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
                  <path d="M4 6h8M4 8.5h6M4 11h7" stroke="currentColor" strokeWidth="1.4" />
                </svg>
                Logs
              </NavLink>
            </li>
          )}
          <li>
            <NavLink to="/wall-builder" className={styles.navLink}>
              <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className={styles.navIcon}>
                <rect x="1.5" y="2.5" width="13" height="9" rx="1" fill="none" stroke="currentColor" strokeWidth="1.6" />
                <path d="M5.5 14h5M8 11.5V14" stroke="currentColor" strokeWidth="1.6" />
              </svg>
              Wall
            </NavLink>
          </li>
        </ul>
      </nav>
      <main id="main" className={styles.main} tabIndex={-1} aria-busy={busy}>
        <OfflineBanner />
        <Outlet />
      </main>
      <ToastRegion />
    </div>
  );
}
