/** The audit search as a plain GET form: works without JavaScript, and a search is a shareable URL. */
export function AuditFilters({ values }: { values: Record<string, string | undefined> }) {
  const field = (name: string, label: string, type = "text", placeholder?: string) => (
    <label className="stack" style={{ gap: 2 }}>
      <span className="muted">{label}</span>
      <input className="input" type={type} name={name} defaultValue={values[name] ?? ""} placeholder={placeholder} maxLength={300} />
    </label>
  );
  return (
    <form className="filter-form" action="/audit" method="get" role="search" aria-label="Search the audit log" style={{ flexWrap: "wrap", alignItems: "end" }}>
      {field("who", "Who", "search", "name or id")}
      {field("action", "What", "search", "approval. or auth.sign-in")}
      {field("from", "From", "date")}
      {field("to", "To", "date")}
      {field("repository", "Repository", "search", "local/demo/fraud-detection")}
      {field("environment", "Environment", "search", "production")}
      <button type="submit" className="btn">
        Search
      </button>
    </form>
  );
}
