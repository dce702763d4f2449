import type { ServiceAction } from '../../api/service-actions';

/** What the row menu, the keyboard and the bulk bar can ask for. */
export type RowActionKind = 'deploy' | 'force-deploy' | 'scale' | 'start' | 'stop' | 'restart' | 'remove';

/** The lifecycle action of a row action that needs no dialog. */
export function simpleAction(kind: Exclude<RowActionKind, 'scale' | 'remove'>): ServiceAction {
  switch (kind) {
    case 'deploy':
      return { kind: 'deploy', force: false };
    case 'force-deploy':
      return { kind: 'deploy', force: true };
    default:
      return { kind };
  }
}
