/** Placeholder: the page is being built (issue #18). */
export function OverviewPage() {
  return <h1>Overview</h1>;
}
