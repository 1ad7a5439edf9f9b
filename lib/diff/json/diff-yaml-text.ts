import { parseDocument } from "yaml";
import { AppError } from "@/lib/errors";
import { diffJson } from "./diff-json";
import { MAX_JSON_TEXT_BYTES, MAX_YAML_ALIAS_COUNT } from "./limits";
import type { DiffJsonOptions, JsonDiff } from "./types";

export interface DiffYamlTextOptions extends DiffJsonOptions {
  maxBytes?: number;
}

const decoder = new TextDecoder("utf-8", { fatal: false });

function parseSide(text: string | Uint8Array, side: "base" | "head", maxBytes: number): unknown {
  const size = typeof text === "string" ? Buffer.byteLength(text) : text.byteLength;
  if (size > maxBytes) {
    throw new AppError("TOO_LARGE", `The ${side} YAML is ${size} bytes; structural diff is capped at ${maxBytes}.`, {
      details: { side, size, maxBytes },
    });
  }
  const source = typeof text === "string" ? text : decoder.decode(text);
  try {
    const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) throw doc.errors[0];
    // maxAliasCount bounds alias expansion ("billion laughs"); exceeding it throws a ReferenceError.
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
  } catch (cause) {
    throw new AppError("MALFORMED_CONTENT", `The ${side} file is not valid YAML (or expands too many aliases).`, {
      cause,
      details: { side },
    });
  }
}

/** Structural diff of two YAML documents (Kitfiles, configs), reported by path like diffJson. */
export function diffYamlText(aText: string | Uint8Array, bText: string | Uint8Array, options: DiffYamlTextOptions = {}): JsonDiff {
  const maxBytes = options.maxBytes ?? MAX_JSON_TEXT_BYTES;
  return diffJson(parseSide(aText, "base", maxBytes), parseSide(bText, "head", maxBytes), options);
}
