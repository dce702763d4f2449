import type { Service } from '../../api/schemas/service';
import { keptEnvKeys } from '../../lib/options/env';
import { updateChanges, type UpdateChange } from './form-to-body';
import { envAfterUpdate, groupOf, type BodyKey } from './option-groups';
import type { ServiceForm } from './service-form-model';

/** One line of the "review changes" list. */
export interface FieldChange {
  key: BodyKey;
  label: string;
  flag: string | null;
  /** `scalar`: show before → after. `list`: show the removed and added items. */
  kind: 'scalar' | 'list';
  before: string[];
  after: string[];
  removed: string[];
  added: string[];
  /** What the master will do that the values alone do not say. */
  notes: string[];
}

function difference(a: readonly string[], b: readonly string[]): string[] {
  const rest = [...b];
  return a.filter((item) => {
    const at = rest.indexOf(item);
    if (at === -1) return true;
    rest.splice(at, 1);
    return false;
  });
}

const NOTES: Partial<Record<BodyKey, string>> = {
  deploy_opts: 'The deploy options are replaced as a whole: what is left empty goes back to its default.',
  health_check: 'The health check is replaced as a whole: what is left empty goes back to its default.',
  links: 'The links are replaced by this list.',
  secrets: 'The secrets are replaced by this list.',
  devices: 'The stored devices (which the master never shows) are replaced by this list.',
  hooks: 'Hooks not in this list are removed; a hook with the same name is updated.',
};

/**
 * What saving the edit form would change, field by field, in words a reviewer reads:
 * the body the update sends, compared with the service as loaded. Values are shown the
 * way the CLI writes them (8080:80/udp, KEY=VALUE, 512 MiB).
 */
export function describeChanges(original: Service, form: ServiceForm): FieldChange[] {
  const describe = <K extends BodyKey>(change: UpdateChange<K>): FieldChange => {
    const group = groupOf(change.key);
    let before = group.display(change.before);
    let after = group.display(change.value);
    const notes: string[] = [];
    if (change.key === 'env') {
      const next = change.value as string[];
      before = [...original.env];
      after = envAfterUpdate(original.env, next);
      const kept = keptEnvKeys(original.env, next);
      if (kept.length > 0)
        notes.push(
          `${kept.join(', ')} ${kept.length === 1 ? 'keeps its' : 'keep their'} current value: an update cannot empty a variable.`,
        );
    }
    if (change.key === 'privileged') notes.push('The master never returns privileged, so its current value is not known here.');
    const note = NOTES[change.key];
    if (note !== undefined) notes.push(note);
    return {
      key: change.key,
      label: group.label,
      flag: group.flag,
      kind: group.kind,
      before,
      after,
      removed: difference(before, after),
      added: difference(after, before),
      notes,
    };
  };
  return updateChanges(original, form).map((change) => describe(change));
}
