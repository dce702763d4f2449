// Placeholder until its issue lands: the route tree already points here.
export function LogsTab() {
  return <p>Logs</p>;
}
