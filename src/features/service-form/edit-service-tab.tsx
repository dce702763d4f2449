// Placeholder until its issue lands: the route tree already points here.
export function EditServiceTab() {
  return <p>Settings</p>;
}
