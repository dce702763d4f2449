// Placeholder until its issue lands: the route tree already points here.
export function StatsTab() {
  return <p>Stats</p>;
}
