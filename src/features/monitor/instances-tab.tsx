// Placeholder until its issue lands: the route tree already points here.
export function InstancesTab() {
  return <p>Instances</p>;
}
