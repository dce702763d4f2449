/** Placeholder: the page is being built (issue #19). */
export function StacksPage() {
  return <h1>Stacks</h1>;
}
