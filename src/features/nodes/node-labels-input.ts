/**
 * The label editor's text → the labels a PUT /v1/nodes/G/N sends (docs/kontena-api-grid.md
 * G2.3: the array replaces every label). The master stores any value it is given, so the
 * form holds labels to the `key=value` form the scheduler reads (`region=`, `az=`,
 * affinity `label==key=value`) before anything is sent.
 */
type LabelsInput = { ok: true; labels: string[] } | { ok: false; message: string };

const LABEL = /^[A-Za-z0-9][A-Za-z0-9._/-]*=[^\s=,][^\s,]*$/;

/** Labels separated by new lines, spaces or commas; an empty text clears them. */
export function parseLabelsInput(text: string): LabelsInput {
  const labels = text.split(/[\s,]+/).filter((part) => part !== '');
  const seen = new Set<string>();
  for (const label of labels) {
    if (!label.includes('=')) return { ok: false, message: `“${label}” is not a label: write key=value, e.g. region=eu-west-1.` };
    if (label.startsWith('=')) return { ok: false, message: `“${label}” has no key: write key=value.` };
    if (label.endsWith('=')) return { ok: false, message: `“${label}” has no value: write key=value.` };
    if (!LABEL.test(label))
      return {
        ok: false,
        message: `“${label}” is not a valid label: the key takes letters, digits, “.”, “_”, “-” and “/”, then one “=” and the value.`,
      };
    if (seen.has(label)) return { ok: false, message: `“${label}” is listed twice.` };
    seen.add(label);
  }
  return { ok: true, labels };
}

/** The labels as the editor shows them: one a line. */
export function labelsText(labels: readonly string[]): string {
  return labels.join('\n');
}
