// Placeholder until its issue lands: the route tree already points here.
export function CreateServicePage() {
  return <p>New service</p>;
}
