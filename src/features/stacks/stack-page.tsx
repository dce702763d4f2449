/** Placeholder: the page is being built (issue #19). */
export function StackPage() {
  return <h1>Stack</h1>;
}
