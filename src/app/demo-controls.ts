/**
 * What the in-browser simulated master offers the app (`npm start`): main.tsx sets it
 * when it started one; against a real master it stays null and the app shows no demo
 * actions.
 */
interface DemoControls {
  /** Back to the scenario as it starts, in every tab (each reloads when told). */
  reset(): Promise<void>;
}

let controls: DemoControls | null = null;

export function setDemoControls(next: DemoControls | null): void {
  controls = next;
}

export function demoControls(): DemoControls | null {
  return controls;
}
