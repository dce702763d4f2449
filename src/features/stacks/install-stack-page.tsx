/** Placeholder: the page is being built (issue #19). */
export function InstallStackPage() {
  return <h1>Install a stack</h1>;
}
