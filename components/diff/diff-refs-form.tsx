/** Edit either side of the comparison (any reference in any configured registry); a plain GET form, works without JS. */
export function DiffRefsForm({ base, head }: { base: string; head: string }) {
  return (
    <form action="/diff" method="get" className="diff-refs-form" aria-label="References to compare">
      <label>
        <span className="muted">Base</span>
        <input className="input" name="base" defaultValue={base} required spellCheck={false} autoComplete="off" />
      </label>
      <span aria-hidden="true" className="muted">
        →
      </span>
      <label>
        <span className="muted">Head</span>
        <input className="input" name="head" defaultValue={head} required spellCheck={false} autoComplete="off" />
      </label>
      <button type="submit" className="btn">
        Compare
      </button>
    </form>
  );
}
