import { MAX_PREDICATE_BYTES } from "./limits";
import { parseJsonCapped } from "./parse-json-capped";

export const IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
const STATEMENT_TYPES = new Set(["https://in-toto.io/Statement/v0.1", "https://in-toto.io/Statement/v1"]);

export interface ParsedStatement {
  predicateType: string;
  /** `sha256:<lowercase hex>` of every subject with a sha256 digest (names are ignored: matching is by digest) */
  subjectDigests: string[];
  /** the predicate, or null with `predicateTooLarge` when over the display budget */
  predicate: unknown;
  predicateTooLarge: boolean;
}

export type StatementResult = { ok: true; statement: ParsedStatement } | { ok: false; reason: string };

/** An in-toto Statement (v0.1 as cosign writes it, or v1) from exactly the bytes that were verified. */
export function parseStatement(body: Uint8Array): StatementResult {
  const parsed = parseJsonCapped(Buffer.from(body).toString("utf8"));
  if (!parsed.ok) return { ok: false, reason: `statement is ${parsed.reason}` };
  const st = parsed.value as Record<string, unknown>;
  if (!st || typeof st !== "object" || Array.isArray(st)) return { ok: false, reason: "statement is not a JSON object" };
  if (typeof st._type !== "string" || !STATEMENT_TYPES.has(st._type)) {
    return { ok: false, reason: `not an in-toto Statement (_type ${JSON.stringify(String(st._type)).slice(0, 80)})` };
  }
  if (typeof st.predicateType !== "string" || !st.predicateType) return { ok: false, reason: "statement has no predicateType" };
  if (!Array.isArray(st.subject)) return { ok: false, reason: "statement has no subject list" };
  const subjectDigests: string[] = [];
  for (const s of st.subject) {
    const hex = (s as { digest?: Record<string, unknown> } | null)?.digest?.sha256;
    if (typeof hex === "string" && /^[0-9a-fA-F]{64}$/.test(hex)) subjectDigests.push(`sha256:${hex.toLowerCase()}`);
  }
  let predicate: unknown = st.predicate ?? null;
  // cosign's LegacyPredicate stores SPDX (and custom data) as a JSON string: unwrap it when it parses.
  if (typeof predicate === "string") {
    const inner = parseJsonCapped(predicate);
    if (inner.ok && inner.value && typeof inner.value === "object") predicate = inner.value;
  }
  const tooLarge = JSON.stringify(predicate).length > MAX_PREDICATE_BYTES;
  return {
    ok: true,
    statement: { predicateType: st.predicateType, subjectDigests, predicate: tooLarge ? null : predicate, predicateTooLarge: tooLarge },
  };
}
