// Placeholder until its issue lands: the route tree already points here.
export function SecretsPage() {
  return <p>Secrets</p>;
}
