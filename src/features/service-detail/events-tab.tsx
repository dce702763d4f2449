// Placeholder until its issue lands: the route tree already points here.
export function EventsTab() {
  return <p>Events</p>;
}
