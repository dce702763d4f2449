import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { serveSessionToOtherTabs } from './api/session-handoff';
import { App } from './app/app';
import { establishSession } from './app/boot-session';
import { applyStoredTheme } from './app/theme';
import './app/theme.css';

async function startSimulatedMaster(): Promise<void> {
  // The only simulator import outside src/simulator. Behind the build-time constant,
  // a production build drops it, and msw with it.
  const { startBrowserSimulator } = await import('./simulator/browser');
  const { signInToSimulator } = await import('./app/simulated-sign-in');
  const { setDemoControls } = await import('./app/demo-controls');
  const simulator = await startBrowserSimulator();
  // Every tab shares the world: when one resets it, all of them start over from it.
  simulator.onWorldReset(() => globalThis.location.reload());
  setDemoControls({ reset: () => simulator.reset() });
  await signInToSimulator(() => simulator.mintCode());
}

async function boot(): Promise<void> {
  applyStoredTheme();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  if (__KONTENA_SIMULATED__) {
    // Not a blank page while the in-browser master starts; React replaces this text.
    root.textContent = 'Starting the simulated Kontena Master…';
    try {
      await startSimulatedMaster();
    } catch (error) {
      // The app still starts: the sign-in page then says what is wrong with the master.
      console.error('The simulated master did not start:', error);
    }
  }
  // A sign-in link, or a session another tab of this browser hands over.
  await establishSession({ onProgress: (text) => (root.textContent = text) });
  serveSessionToOtherTabs();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
