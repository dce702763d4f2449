import styles from './stats-charts.module.css';

/** Dash pattern per palette slot: lines differ by shape too, not only by colour (the same dashes as stats-charts.module.css). */
export const SLOT_DASHES: readonly (string | undefined)[] = [undefined, '6 3', '2 3', '10 3 2 3', '4 4', '1 2'];

/** The class that gives a series its colour and dash (on anything holding its line or swatch). */
export function slotClass(slot: number): string | undefined {
  return styles[`slot${slot % SLOT_DASHES.length}`];
}
