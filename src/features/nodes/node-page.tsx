/** Placeholder: the page is being built (issue #18). */
export function NodePage() {
  return <h1>Node</h1>;
}
