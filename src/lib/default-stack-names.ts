/**
 * The master names services by their stack even in the grid's default stack ("Service
 * null/api does not exist", "service production/null/api deployed"); the dashboard names
 * them as the CLI's lists do: `api`. This rewrites such names in a text the master wrote
 * before it is shown. Only a whole word is touched: `S/N` or `G/S/N` whose stack is
 * `null`, at the start of the text or after a space, a quote or a bracket.
 */
const DEFAULT_STACK_NAME = /(^|[\s("'“‘[])(?:[A-Za-z0-9][\w.-]*\/)?null\/(?=[A-Za-z0-9])/g;

export function withDefaultStackNames(text: string): string {
  return text.replace(DEFAULT_STACK_NAME, '$1');
}
