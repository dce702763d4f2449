/** Scenario builders by name. */
import type { SimContext } from '../context';
import type { ScenarioName } from '../contract';
import { buildDemo } from './demo';
import { buildLarge } from './large';

export function buildScenario(name: ScenarioName, ctx: SimContext): void {
  if (name === 'demo') buildDemo(ctx);
  else if (name === 'large') buildLarge(ctx);
  // 'empty': no grids; the admin creates them through POST /v1/grids.
}
