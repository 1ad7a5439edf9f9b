/** `?q=…&cursor=…` from the set values only (empty string when nothing is set). */
export function searchString(params: Record<string, string | null | undefined | false>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) qs.set(k, v);
  const s = qs.toString();
  return s ? `?${s}` : "";
}
