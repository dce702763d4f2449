/**
 * How wide the services list's text columns need to be: the longest name, image and
 * ports text of the grid's services, in characters (all three are set in a monospace
 * font, so characters are widths). The list gives each column up to that much and its
 * spare room to the others, instead of fixed shares that cut `prom/node-exporter:v0.13.0`
 * while the name column beside it stands half empty. From every service of the grid, not
 * only the shown ones, so the columns do not jump while a filter is typed.
 */
export interface ColumnChars {
  name: number;
  image: number;
  ports: number;
}

/** Beyond this a column gives way: one very long value does not starve the rest. */
export const MAX_COLUMN_CHARS = 60;
/** Room for the header ("NAME ▲", "IMAGE", "PORTS") when every value is short. */
const MIN_COLUMN_CHARS = 8;

interface SizedRow {
  label: string;
  ports: string;
  service: { image: string };
}

export function columnChars(rows: readonly SizedRow[]): ColumnChars {
  let name = MIN_COLUMN_CHARS;
  let image = MIN_COLUMN_CHARS;
  let ports = MIN_COLUMN_CHARS;
  for (const row of rows) {
    if (row.label.length > name) name = row.label.length;
    if (row.service.image.length > image) image = row.service.image.length;
    if (row.ports.length > ports) ports = row.ports.length;
  }
  return { name: Math.min(name, MAX_COLUMN_CHARS), image: Math.min(image, MAX_COLUMN_CHARS), ports: Math.min(ports, MAX_COLUMN_CHARS) };
}
