/** Placeholder: the page is being built (issue #19). */
export function VolumesPage() {
  return <h1>Volumes</h1>;
}
