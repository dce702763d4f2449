/** Placeholder: the page is being built (issue #18). */
export function NodesPage() {
  return <h1>Nodes</h1>;
}
