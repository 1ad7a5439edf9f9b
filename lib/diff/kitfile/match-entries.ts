export type EntryKeyField = "name" | "path";

export interface EntryMatch<T> {
  a?: T;
  b?: T;
  /** the name or path the pair was matched by (b's spelling), or the lone side's name/path */
  label: string;
}

function normalisedKey(field: EntryKeyField, value: unknown): string | null {
  if (typeof value !== "string") return null;
  if (field === "name") return value === "" ? null : value;
  // kit treats "" as "." and cleans paths, so `src/` and `./src` name the same entry.
  const parts = value.split("/").filter((s) => s !== "" && s !== ".");
  return parts.length === 0 ? "." : parts.join("/");
}

function labelOf(value: (field: EntryKeyField) => unknown, fields: EntryKeyField[], index: number): string {
  for (const f of fields) {
    const v = value(f);
    if (typeof v === "string" && v !== "") return v;
  }
  return `#${index}`;
}

/**
 * Pairs Kitfile list entries by the first key field, then the rest by the next field, and so on.
 * Never by position: a reordered list is not a change. Duplicate keys (hostile or invalid Kitfiles)
 * pair up in order and the surplus shows as added/removed.
 */
export function matchEntries<T>(
  listA: readonly T[],
  listB: readonly T[],
  fields: EntryKeyField[],
  get: (entry: T, field: EntryKeyField) => unknown,
): EntryMatch<T>[] {
  const matches: EntryMatch<T>[] = [];
  const freeA = new Set(listA.keys());
  const freeB = new Set(listB.keys());
  for (const field of fields) {
    const byKey = new Map<string, number[]>();
    for (const j of freeB) {
      const k = normalisedKey(field, get(listB[j]!, field));
      if (k === null) continue;
      const q = byKey.get(k);
      if (q) q.push(j);
      else byKey.set(k, [j]);
    }
    for (const i of [...freeA]) {
      const k = normalisedKey(field, get(listA[i]!, field));
      if (k === null) continue;
      const j = byKey.get(k)?.shift();
      if (j === undefined) continue;
      freeA.delete(i);
      freeB.delete(j);
      const raw = get(listB[j]!, field);
      matches.push({ a: listA[i], b: listB[j], label: typeof raw === "string" && raw !== "" ? raw : k });
    }
  }
  for (const i of freeA) matches.push({ a: listA[i], label: labelOf((f) => get(listA[i]!, f), fields, i) });
  for (const j of freeB) matches.push({ b: listB[j], label: labelOf((f) => get(listB[j]!, f), fields, j) });
  return matches;
}
