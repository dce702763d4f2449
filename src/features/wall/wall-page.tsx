// Placeholder until its issue lands: the route tree already points here.
export function WallPage() {
  return <p>Wall</p>;
}
