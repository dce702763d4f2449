// Placeholder until its issue lands: the route tree already points here.
export function OverviewTab() {
  return <p>Overview</p>;
}
