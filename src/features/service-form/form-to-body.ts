/**
 * The form as request bodies: everything for `POST /v1/grids/G/services`, only what
 * changed for `PUT /v1/services/G/S/N` (never `grid`/`stack`, never what update ignores).
 * Both expect a form that validateServiceForm passed; an invalid field is left out.
 */
import type { Service } from '../../api/schemas/service';
import type { ServiceCreateBody, ServiceUpdateBody } from '../../api/schemas/requests/service-body';
import { deepEqual } from '../../lib/deep-equal';
import { formFromService } from './form-from-service';
import { BODY_KEYS, envAfterUpdate, groupOf, type BodyKey, type BodyValues, type FormContext } from './option-groups';
import type { ServiceForm } from './service-form-model';

type BodyDraft = Partial<BodyValues>;

function put<K extends BodyKey>(body: BodyDraft, key: K, value: BodyValues[K]): void {
  body[key] = value;
}

export function createBody(form: ServiceForm): ServiceCreateBody {
  const ctx: FormContext = { mode: 'create' };
  const draft: BodyDraft = {};
  const step = <K extends BodyKey>(key: K): void => {
    const converted = groupOf(key).convert(form, ctx);
    if (converted.value !== undefined && converted.errors.length === 0) put(draft, key, converted.value);
  };
  BODY_KEYS.forEach(step);
  const { name = form.name.trim(), image = form.image.trim(), stateful = form.stateful, ...rest } = draft;
  return { name, image, stateful, ...rest };
}

// The edit form a service starts from, computed once per fetched service.
const baseForms = new WeakMap<Service, ServiceForm>();

export function baseFormOf(service: Service): ServiceForm {
  let form = baseForms.get(service);
  if (form === undefined) {
    form = formFromService(service);
    baseForms.set(service, form);
  }
  return form;
}

/** Did the user touch any input of this body field (compared with the form the service started from)? */
export function fieldsChanged(key: BodyKey, form: ServiceForm, base: ServiceForm): boolean {
  return groupOf(key).fields.some((field) => !deepEqual(form[field], base[field]));
}

const UPDATE_KEYS: readonly BodyKey[] = BODY_KEYS.filter((key) => groupOf(key).update === 'editable');

export interface UpdateChange<K extends BodyKey = BodyKey> {
  key: K;
  /** What the body sends. */
  value: BodyValues[K];
  /** What the service has now, in body terms; undefined when the master does not say (privileged, devices). */
  before: BodyValues[K] | undefined;
}

/**
 * The body fields an update would change, each with the value to send and the current
 * one. A field counts only when an input of it was touched AND the master would store
 * something different (so `512m` for 536870912 bytes, or an env `K=` that keeps K's
 * value, is no change). Write-only fields (privileged, devices) count whenever the user
 * chose to send them, since their current value cannot be known.
 */
export function updateChanges(original: Service, form: ServiceForm): UpdateChange[] {
  const ctx: FormContext = { mode: 'update', original };
  const base = baseFormOf(original);
  const changes: UpdateChange[] = [];
  const step = <K extends BodyKey>(key: K): void => {
    if (!fieldsChanged(key, form, base)) return;
    const group = groupOf(key);
    const next = group.convert(form, ctx);
    if (next.value === undefined || next.errors.length > 0) return;
    if (key === 'privileged' || key === 'devices') {
      changes.push({ key, value: next.value, before: undefined });
      return;
    }
    const before = key === 'image' ? (original.image as BodyValues[K]) : group.convert(base, ctx).value;
    if (key === 'env') {
      const current = original.env;
      if (deepEqual(envAfterUpdate(current, next.value as string[]), current)) return;
      changes.push({ key, value: next.value, before });
      return;
    }
    const normalize = group.normalize ?? ((value: BodyValues[K] | undefined) => value);
    if (deepEqual(normalize(next.value), normalize(before))) return;
    changes.push({ key, value: next.value, before });
  };
  UPDATE_KEYS.forEach(step);
  return changes;
}

export function updateBody(original: Service, form: ServiceForm): ServiceUpdateBody {
  const draft: BodyDraft = {};
  const step = <K extends BodyKey>(change: UpdateChange<K>): void => put(draft, change.key, change.value);
  updateChanges(original, form).forEach(step);
  // Create-only keys never get here (UPDATE_KEYS), and neither do grid/stack.
  const { name: _name, stateful: _stateful, entrypoint: _entrypoint, pid: _pid, ...body } = draft;
  return body;
}
