// Placeholder until its issue lands: the route tree already points here.
export function WallBuilderPage() {
  return <p>Wall URL builder</p>;
}
