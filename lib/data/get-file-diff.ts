import "server-only";
import { createHash } from "node:crypto";
import { diffCsv } from "@/lib/diff/csv/diff-csv";
import { classifyFileForDiff } from "@/lib/diff/files/classify-file-for-diff";
import { diffJsonText } from "@/lib/diff/json/diff-json-text";
import { diffYamlText } from "@/lib/diff/json/diff-yaml-text";
import { diffNotebooks } from "@/lib/diff/notebook/diff-notebooks";
import { diffTensorHeaders } from "@/lib/diff/tensors/diff-tensor-headers";
import { diffLines } from "@/lib/diff/text/diff-lines";
import { hunkPage } from "@/lib/diff/text/hunk-page";
import { AUTO_RENDER_MAX_LINES, INTERACTIVE_MAX_BYTES } from "@/lib/diff/text/limits";
import { renderUnifiedPatch } from "@/lib/diff/text/render-unified-patch";
import { toHunks } from "@/lib/diff/text/to-hunks";
import { AppError } from "@/lib/errors";
import type { FileEntry } from "@/lib/layers/types";
import type { KitLayer } from "@/lib/modelkit/types";
import type { Actor } from "@/lib/access/actor";
import type { FileDiffDTO, FileSideDTO, TensorHeaderDTO, TextDiffBody } from "./dto";
import { findKitFile } from "./internal/find-kit-file";
import { locateModelKit, type LocatedModelKit } from "./locate-modelkit";
import { readKitFileBytes } from "./internal/read-kit-file-bytes";
import { readTensorHeader } from "./internal/read-tensor-header";

/** A diff request must answer; past this the line diff gives up and the page shows a summary instead. */
const TEXT_DIFF_DEADLINE_MS = 3_000;
/** Hunks per page by default: a page stays well under GitHub's ~400-line auto-render budget. */
const DEFAULT_HUNKS_PER_PAGE = 20;
const MAX_HUNKS_PER_PAGE = 200;

/** Stands in for the missing side when a notebook is added or removed. */
const EMPTY_NOTEBOOK = '{"cells":[],"metadata":{},"nbformat":4,"nbformat_minor":5}';

interface Side {
  layer: KitLayer;
  entry: FileEntry;
}

/**
 * One file compared across two ModelKits, with the differ its kind calls for: line diff (paged hunks) for text,
 * path-level semantic diff for JSON/YAML, table diff for CSV/TSV, cell diff for notebooks, header diff for
 * safetensors/GGUF (Range reads; weights never downloaded), size and digest for other binaries.
 */
export async function getFileDiff(
  actor: Actor,
  input: { base: string; head: string; path: string; offset?: number; limit?: number; ignoreWhitespace?: boolean; csvKey?: string; csvOffset?: number },
): Promise<FileDiffDTO> {
  const [base, head] = await Promise.all([locateModelKit(actor, input.base), locateModelKit(actor, input.head)]);
  const [a, b] = await Promise.all([findKitFile(base, input.path), findKitFile(head, input.path)]);
  if (!a && !b) throw new AppError("NOT_FOUND", `No file ${input.path} in either version`);
  for (const s of [a, b]) {
    if (s && s.entry.type !== "file") throw new AppError("BAD_REQUEST", `${input.path} is a ${s.entry.type}; only files are compared`);
  }

  const cls = classifyFileForDiff(input.path, { sizeA: a?.entry.size ?? 0, sizeB: b?.entry.size ?? 0 });
  const common = { path: input.path, class: cls };

  if (cls === "safetensors" || cls === "gguf") {
    const [ha, hb] = await Promise.all([header(base, a), header(head, b)]);
    const empty = { tensors: [], metadata: {}, parameterCount: 0 };
    return {
      ...common, kind: "tensors", base: sideOf(a, null), head: sideOf(b, null),
      identical: a?.layer.digest === b?.layer.digest && a?.entry.size === b?.entry.size && a?.entry.dataOffset === b?.entry.dataOffset,
      note: "headers read with Range requests; the weights were not downloaded",
      baseHeader: ha, headHeader: hb, tensors: diffTensorHeaders(ha ?? empty, hb ?? empty),
    };
  }

  // The same layer on both sides holds the same bytes: read them once.
  const sameBytes = !!a && !!b && a.layer.digest === b.layer.digest && a.entry.dataOffset === b.entry.dataOffset;
  const [ba, bb] = sameBytes ? await bytesOf(base, a).then((x) => [x, x] as const) : await Promise.all([bytesOf(base, a), bytesOf(head, b)]);
  const sides = { base: sideOf(a, ba), head: sideOf(b, bb) };
  const identical = !!sides.base?.sha256 && sides.base.sha256 === sides.head?.sha256;
  const truncated = (ba?.truncated ?? false) || (bb?.truncated ?? false);
  const note = truncated ? `larger than ${INTERACTIVE_MAX_BYTES} bytes: only a size and digest summary is shown` : null;
  const A = ba?.bytes ?? new Uint8Array();
  const B = bb?.bytes ?? new Uint8Array();

  if (truncated || cls === "binary") {
    return { ...common, kind: "binary", ...sides, identical, note: note ?? (identical ? null : "binary files differ") };
  }
  const text = () => textBody(A, B, input);

  switch (cls) {
    case "json":
    case "yaml": {
      const semantic = safeSemantic(() => (cls === "json" ? diffJsonText(A, B) : diffYamlText(A, B)));
      if ("error" in semantic) return { ...common, kind: "text", ...sides, identical, note: semantic.error, text: text() };
      return { ...common, kind: "json", ...sides, identical, note, semantic, text: text() };
    }
    case "csv":
    case "tsv": {
      const csv = diffCsv(decode(A), decode(B), {
        delimiter: cls === "tsv" ? "\t" : "auto",
        ...(input.csvKey ? { keyColumn: input.csvKey } : {}),
        page: { offset: input.csvOffset ?? 0, limit: 50 },
      });
      return { ...common, kind: "csv", ...sides, identical, note, csv, text: null };
    }
    case "notebook": {
      const notebook = diffNotebooks(A.length ? decode(A) : EMPTY_NOTEBOOK, B.length ? decode(B) : EMPTY_NOTEBOOK);
      return { ...common, kind: "notebook", ...sides, identical, note, notebook, text: text() };
    }
    default:
      return { ...common, kind: "text", ...sides, identical, note, text: text() };
  }
}

function textBody(a: Uint8Array, b: Uint8Array, input: { path: string; offset?: number; limit?: number; ignoreWhitespace?: boolean }): TextDiffBody {
  const result = diffLines(a, b, { deadlineMs: TEXT_DIFF_DEADLINE_MS, ignoreWhitespace: input.ignoreWhitespace ?? false });
  if (result.status !== "ok") {
    return { status: result.status, stats: null, patch: "", offset: 0, totalHunks: 0, totalLines: 0 };
  }
  const hunks = toHunks(result.script);
  const offset = Math.max(0, input.offset ?? 0);
  const limit = Math.min(Math.max(1, input.limit ?? DEFAULT_HUNKS_PER_PAGE), MAX_HUNKS_PER_PAGE);
  const page = hunkPage(result.script, a, b, { offset, limit: 0, hunks });
  const patch = renderUnifiedPatch(result.script, a, b, {
    oldPath: a.length ? input.path : null,
    newPath: b.length ? input.path : null,
    hunks,
    offset,
    limit: pageLimit(hunks.map((h) => h.lineCount), offset, limit),
  });
  return { status: "ok", stats: result.script.stats, patch, offset, totalHunks: page.totalHunks, totalLines: page.totalLines };
}

/** Hunks from `offset` until the page would pass the auto-render line budget (at least one hunk per page). */
function pageLimit(lineCounts: number[], offset: number, maxHunks: number): number {
  let lines = 0;
  let n = 0;
  for (let i = offset; i < lineCounts.length && n < maxHunks; i++, n++) {
    lines += lineCounts[i]!;
    if (n > 0 && lines > AUTO_RENDER_MAX_LINES) break;
  }
  return Math.max(n, 1);
}

function safeSemantic<T>(fn: () => T): T | { error: string } {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError) return { error: `semantic diff unavailable: ${e.message}` };
    throw e;
  }
}

async function bytesOf(kit: LocatedModelKit, side: Side | null) {
  if (!side) return null;
  return readKitFileBytes(kit.repo.source, kit.repo.repository, side.layer, side.entry, INTERACTIVE_MAX_BYTES);
}

async function header(kit: LocatedModelKit, side: Side | null): Promise<TensorHeaderDTO | null> {
  return side ? readTensorHeader(kit.repo.source, kit.repo.repository, side.layer, side.entry) : null;
}

function sideOf(side: Side | null, read: { bytes: Uint8Array; truncated: boolean } | null): FileSideDTO | null {
  if (!side) return null;
  const sha256 = read && !read.truncated ? `sha256:${createHash("sha256").update(read.bytes).digest("hex")}` : null;
  return { layerDigest: side.layer.digest, size: side.entry.size, mode: side.entry.mode, sha256 };
}

function decode(bytes: Uint8Array | string): string {
  return typeof bytes === "string" ? bytes : new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}
