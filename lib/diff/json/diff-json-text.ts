import { AppError } from "@/lib/errors";
import { diffJson } from "./diff-json";
import { MAX_JSON_TEXT_BYTES } from "./limits";
import type { DiffJsonOptions, JsonDiff } from "./types";

export interface DiffJsonTextOptions extends DiffJsonOptions {
  maxBytes?: number;
}

const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });

function parseSide(text: string | Uint8Array, side: "base" | "head", maxBytes: number): unknown {
  const size = typeof text === "string" ? Buffer.byteLength(text) : text.byteLength;
  if (size > maxBytes) {
    throw new AppError("TOO_LARGE", `The ${side} JSON is ${size} bytes; structural diff is capped at ${maxBytes}.`, {
      details: { side, size, maxBytes },
    });
  }
  const decoded = typeof text === "string" ? text : decoder.decode(text);
  // Editors on Windows write a BOM; JSON.parse rejects it although RFC 8259 allows parsers to skip it.
  const source = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  try {
    return JSON.parse(source);
  } catch (cause) {
    throw new AppError("MALFORMED_CONTENT", `The ${side} file is not valid JSON.`, { cause, details: { side } });
  }
}

/**
 * Structural diff of two JSON texts, reported by path — the view for minified JSON, where a line diff
 * is one useless multi-MB line and pretty-printing first costs ≈15× git (diff-performance.md).
 */
export function diffJsonText(aText: string | Uint8Array, bText: string | Uint8Array, options: DiffJsonTextOptions = {}): JsonDiff {
  const maxBytes = options.maxBytes ?? MAX_JSON_TEXT_BYTES;
  const a = parseSide(aText, "base", maxBytes);
  const b = parseSide(bText, "head", maxBytes);
  return diffJson(a, b, options);
}
