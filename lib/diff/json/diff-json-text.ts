import { AppError } from "@/lib/errors";
import { diffJson } from "./diff-json";
import { diffJsonTokens } from "./diff-json-tokens";
import { MAX_JSON_TEXT_BYTES, TOKEN_DIFF_MIN_BYTES } from "./limits";
import type { DiffJsonOptions, JsonDiff } from "./types";

export interface DiffJsonTextOptions extends DiffJsonOptions {
  maxBytes?: number;
  /**
   * "parse": JSON.parse both sides and walk them; "tokens": diff structural tokens with the line engine
   * and parse only what changed (diffJsonTokens); "auto" (default): tokens from TOKEN_DIFF_MIN_BYTES up.
   */
  strategy?: "auto" | "parse" | "tokens";
}

const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });

function checkSize(text: string | Uint8Array, side: "base" | "head", maxBytes: number): number {
  const size = typeof text === "string" ? Buffer.byteLength(text) : text.byteLength;
  if (size > maxBytes) {
    throw new AppError("TOO_LARGE", `The ${side} JSON is ${size} bytes; structural diff is capped at ${maxBytes}.`, {
      details: { side, size, maxBytes },
    });
  }
  return size;
}

function parseSide(text: string | Uint8Array, side: "base" | "head"): unknown {
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
 * is one useless multi-MB line and pretty-printing first costs ≈15× git (diff-performance.md). Large
 * texts are not parsed whole: see diffJsonTokens (≈0.1 s and a few MB for a 5 MB document).
 */
export function diffJsonText(aText: string | Uint8Array, bText: string | Uint8Array, options: DiffJsonTextOptions = {}): JsonDiff {
  const { maxBytes = MAX_JSON_TEXT_BYTES, strategy = "auto", ...diffOptions } = options;
  const sizeA = checkSize(aText, "base", maxBytes);
  const sizeB = checkSize(bText, "head", maxBytes);
  if (strategy === "tokens" || (strategy === "auto" && Math.max(sizeA, sizeB) >= TOKEN_DIFF_MIN_BYTES)) {
    const bytes = (t: string | Uint8Array) => (typeof t === "string" ? Buffer.from(t, "utf8") : t);
    return diffJsonTokens(bytes(aText), bytes(bText), diffOptions);
  }
  return diffJson(parseSide(aText, "base"), parseSide(bText, "head"), diffOptions);
}
