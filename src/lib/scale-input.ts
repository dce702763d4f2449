/**
 * The Instances field of Scale. The master takes any integer (docs/kontena-api.md §4.5: no
 * range check, 0 and negatives pass), but a negative count means nothing to an operator,
 * so the client accepts whole numbers from 0 up; 0 is allowed, as the master allows it.
 */
type ScaleInput = { ok: true; instances: number } | { ok: false; error: string };

export function parseScaleInput(text: string): ScaleInput {
  const value = text.trim();
  if (value === '') return { ok: false, error: 'Enter the number of instances (0 or more).' };
  if (/^-\s*\d+(\.\d*)?$/.test(value)) return { ok: false, error: 'The number of instances cannot be negative.' };
  if (/^\d*[.,]\d+$|^\d+[.,]$/.test(value)) return { ok: false, error: 'The number of instances must be a whole number.' };
  if (!/^\+?\d+$/.test(value)) return { ok: false, error: 'Enter a whole number of instances, 0 or more.' };
  const instances = Number(value.replace(/^\+/, ''));
  if (!Number.isSafeInteger(instances)) return { ok: false, error: 'That number is too large.' };
  return { ok: true, instances };
}
