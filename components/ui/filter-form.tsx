/** A GET form: filtering works without JavaScript and the filter is part of the URL. */
export function FilterForm({ action, value, label, placeholder }: { action: string; value?: string; label: string; placeholder?: string }) {
  return (
    <form className="filter-form" action={action} method="get" role="search">
      <label className="visually-hidden" htmlFor="filter-q">
        {label}
      </label>
      <input id="filter-q" className="input" type="search" name="q" defaultValue={value ?? ""} placeholder={placeholder} maxLength={200} />
      <button type="submit" className="btn">
        Filter
      </button>
    </form>
  );
}
