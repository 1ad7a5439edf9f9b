import { AppError } from "@/lib/errors";
import { parseDigest } from "@/lib/oci/digest/parse-digest";

// distribution spec tag grammar.
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

export type ParsedReference = { kind: "tag"; tag: string } | { kind: "digest"; digest: string; algorithm: "sha256" | "sha512" };

/** A manifest reference is a tag or a digest; anything else is a BAD_REQUEST (it goes into a URL path). */
export function parseReference(reference: unknown): ParsedReference {
  if (typeof reference === "string" && reference.includes(":")) {
    const d = parseDigest(reference, "BAD_REQUEST");
    return { kind: "digest", digest: d.digest, algorithm: d.algorithm };
  }
  if (typeof reference !== "string" || !TAG_RE.test(reference)) {
    throw new AppError("BAD_REQUEST", `invalid tag: ${JSON.stringify(String(reference).slice(0, 140))}`);
  }
  return { kind: "tag", tag: reference };
}
