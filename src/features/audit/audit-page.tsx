/** Placeholder: the page is being built (issue #18). */
export function AuditPage() {
  return <h1>Audit trail</h1>;
}
