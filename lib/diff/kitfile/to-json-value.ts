import type { JsonValue } from "@/lib/diff/types";

/** Deeper than this, a value is shown as "[nested too deep]": Kitfile parameters are free-form and untrusted. */
export const MAX_JSON_DEPTH = 64;

/** Turns a parsed (YAML or JSON) value into plain JSON so diff results survive the REST API unchanged. */
export function toJsonValue(value: unknown, depth = 0): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return value.toString();
  if (depth >= MAX_JSON_DEPTH) return "[nested too deep]";
  if (Array.isArray(value)) return value.map((v) => toJsonValue(v, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = toJsonValue(v, depth + 1);
    }
    return out;
  }
  return String(value);
}
