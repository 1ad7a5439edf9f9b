/** A Kitfile/JSON value in one cell: strings as they are, everything else as compact JSON, absent as an em dash. */
export function formatDiffValue(value: unknown, maxLength = 400): string {
  if (value === undefined) return "—";
  const s = typeof value === "string" ? value : JSON.stringify(value);
  return s.length > maxLength ? `${s.slice(0, maxLength)}…` : s;
}
