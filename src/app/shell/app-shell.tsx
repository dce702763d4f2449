import { useEffect } from 'react';
import type { MouseEvent } from 'react';
import { Link, Outlet, useNavigation, useParams } from 'react-router';
import { KontenaWordmark } from '../../components/kontena-wordmark';
import { readLastGrid, rememberGrid } from '../last-grid';
import { useSession } from '../../components/use-session';
import { ConnectionIndicator } from './connection-indicator';
import { GridSwitcher } from './grid-switcher';
import { MainNav } from './main-nav';
import { OfflineBanner } from './offline-banner';
import { PaletteLauncher } from './palette/palette-launcher';
import { PageKeys } from './keyboard/page-keys';
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
        <MainNav grid={navGrid} />
      </nav>
      <main id="main" className={styles.main} tabIndex={-1} aria-busy={busy}>
        <OfflineBanner />
        <Outlet />
      </main>
      <ToastRegion />
      <PaletteLauncher />
      <PageKeys grid={navGrid} />
    </div>
  );
}
