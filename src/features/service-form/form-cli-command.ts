import type { Service } from '../../api/schemas/service';
import { serviceDisplayName } from '../../api/service-ref';
import { createCommandLine, updateCommandLine, type CommandLine } from '../../lib/cli-command';
import { createBody, updateBody } from './form-to-body';
import type { ServiceForm } from './service-form-model';

export type CliTarget = { mode: 'create'; grid: string } | { mode: 'update'; grid: string; original: Service };

/**
 * The `kontena service create …` / `kontena service update …` line that sends what the
 * form would (the same body, once both are put in the CLI's normal form), with what the
 * CLI cannot say and what the line does beyond the form (update resets privileged).
 */
export function cliCommand(form: ServiceForm, target: CliTarget): CommandLine {
  if (target.mode === 'create') return createCommandLine(createBody(form), target.grid);
  return updateCommandLine(serviceDisplayName(target.original), updateBody(target.original, form), target.grid);
}
