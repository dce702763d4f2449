/** The master's resource types (docs/kontena-api-grid.md G5.1) as the page names them. */
const TYPE_LABELS: Readonly<Record<string, string>> = {
  Grid: 'Grid',
  GridService: 'Service',
  Stack: 'Stack',
  GridSecret: 'Secret',
  HostNode: 'Node',
  Container: 'Container',
  User: 'User',
};

/** Every type the master writes, offered by the type filter even before one shows up. */
export const KNOWN_RESOURCE_TYPES = Object.keys(TYPE_LABELS);

/** "Service" for GridService; a type this page does not know reads as the master wrote it. */
export function resourceTypeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type;
}
