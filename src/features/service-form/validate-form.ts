import { deepEqual } from '../../lib/deep-equal';
import { brokenTextError, controlCharactersWarning } from '../../lib/options/master-text';
import { baseFormOf, fieldsChanged } from './form-to-body';
import { BODY_KEYS, OPTION_GROUPS, type BodyKey, type FieldIssue, type FormContext } from './option-groups';
import type { ServiceForm } from './service-form-model';

export interface FormCheck {
  /** Block saving; each at its input's path. */
  errors: FieldIssue[];
  /** Accepted by the master but probably not meant; shown at the input, never blocking. */
  warnings: FieldIssue[];
}

/**
 * Checks the form with the CLI's parsers and the master's rules (docs/kontena-api.md §5, §6).
 * On update only the fields the user touched are checked: what the master already
 * stores is not the user's to fix, and an untouched field is not sent. An untouched field
 * whose checks read a touched one (memory swap, when Memory changes) is looked at again
 * for its warnings only: it still sends nothing, so nothing about it can block saving.
 */
export function validateServiceForm(form: ServiceForm, ctx: FormContext): FormCheck {
  const check: FormCheck = { errors: [], warnings: [] };
  const base = ctx.mode === 'update' ? baseFormOf(ctx.original) : null;
  for (const key of BODY_KEYS) {
    const group = OPTION_GROUPS[key];
    if (base !== null) {
      if (group.update !== 'editable') continue;
      if (!fieldsChanged(key, form, base)) {
        const reread = group.checkedWith?.some((field) => !deepEqual(form[field], base[field])) === true;
        if (reread) check.warnings.push(...group.convert(form, ctx).warnings);
        continue;
      }
    }
    const converted = group.convert(form, ctx);
    check.errors.push(...converted.errors);
    check.warnings.push(...converted.warnings);
    textChecks(
      form,
      group.fields.filter((field) => fieldIsSent(field, form, ctx)),
      check,
    );
  }
  return check;
}

/** False for a form field whose input is hidden and whose text is not sent (the net container of a bridge service, …). */
function fieldIsSent(field: keyof ServiceForm, form: ServiceForm, ctx: FormContext): boolean {
  if (field === 'netContainer') return form.netMode === 'container';
  if (field === 'healthCheck') return form.healthCheck.protocol !== '';
  if (field === 'devices') return ctx.mode === 'create' || form.replaceDevices;
  return true;
}

/** Every text the user typed into these form fields, by input path (`user`, `env.2.value`, `healthCheck.uri`). */
function typedTexts(form: ServiceForm, fields: readonly (keyof ServiceForm)[]): [string, string][] {
  const texts: [string, string][] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') texts.push([path, value]);
    else if (Array.isArray(value)) value.forEach((item: unknown, index) => walk(item, `${path}.${index}`));
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
  };
  for (const field of fields) walk(form[field], field);
  return texts;
}

/**
 * What holds for any text, whatever its field: a broken character (a lone surrogate)
 * blocks saving, and control characters, which the master turns into spaces
 * (docs/kontena-api.md §3.1), get a warning saying what it will store. An input that its own
 * check already refused or warned about keeps that message.
 */
function textChecks(form: ServiceForm, fields: readonly (keyof ServiceForm)[], check: FormCheck): void {
  for (const [path, text] of typedTexts(form, fields)) {
    if (path === 'healthCheck.uri' && form.healthCheck.protocol !== 'http') continue;
    if (check.errors.some((error) => error.path === path)) continue;
    const broken = brokenTextError(text);
    if (broken !== null) {
      check.errors.push({ path, message: broken });
      continue;
    }
    const control = controlCharactersWarning(text);
    if (control !== null && !check.warnings.some((warning) => warning.path === path)) check.warnings.push({ path, message: control });
  }
}

/** The body field each input feeds, read off the option groups' `fields` (every form field is in exactly one). */
const KEY_OF_FIELD: ReadonlyMap<string, BodyKey> = new Map(
  BODY_KEYS.flatMap((key) => OPTION_GROUPS[key].fields.map((field) => [field, key] as const)),
);

/** The body field an input path belongs to (`ports.1.value` → ports), for labels and sections. */
export function bodyKeyOfPath(path: string): BodyKey | null {
  return KEY_OF_FIELD.get(path.split('.')[0] ?? '') ?? null;
}

/** "Ports, row 2" for `ports.1.value`: where a message is, in words. */
export function describePath(path: string): string {
  const key = bodyKeyOfPath(path);
  const parts = path.split('.');
  const label = key === null ? path : OPTION_GROUPS[key].label;
  const row = parts[1] !== undefined && /^\d+$/.test(parts[1]) ? `, row ${Number(parts[1]) + 1}` : '';
  const sub: Record<string, string> = {
    deployWaitForPort: 'Deploy wait for port',
    deployMinHealth: 'Deploy min health',
    deployInterval: 'Deploy interval',
    'healthCheck.port': 'Health check port',
    'healthCheck.uri': 'Health check URI',
    'healthCheck.timeout': 'Health check timeout',
    'healthCheck.interval': 'Health check interval',
    'healthCheck.initialDelay': 'Health check initial delay',
    'healthCheck.protocol': 'Health check protocol',
    netContainer: 'Net (container)',
  };
  return sub[path] ?? `${label}${row}`;
}
