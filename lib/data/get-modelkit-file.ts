import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { languageForPath } from "@/lib/format/language-for-path";
import type { Actor } from "@/lib/access/actor";
import type { FileContentDTO } from "./dto";
import { findKitFile } from "./internal/find-kit-file";
import { locateModelKit } from "./locate-modelkit";
import { readKitFileBytes } from "./internal/read-kit-file-bytes";
import { readTensorHeader } from "./internal/read-tensor-header";

/** A text file is shown up to 5 MiB (DESIGN.md budget); "load anyway" raises it to the hard cap. */
const TEXT_PREVIEW_BYTES = 5 * 1024 * 1024;
const TEXT_HARD_CAP_BYTES = 20 * 1024 * 1024;
/** Same sniff as git: a NUL byte in the first 8,000 bytes means binary. */
const BINARY_SNIFF_BYTES = 8_000;

/** One file of a ModelKit, by path (and optionally layer): text capped, binaries described, tensor headers read by Range. */
export async function getModelKitFile(
  actor: Actor,
  input: { ref: string; path: string; layer?: string; full?: boolean },
): Promise<FileContentDTO> {
  const kit = await locateModelKit(actor, input.ref);
  const found = await findKitFile(kit, input.path, input.layer);
  if (!found) throw new AppError("NOT_FOUND", `No file ${input.path} in ${input.ref}`);
  const { layer, entry } = found;
  if (entry.type !== "file") {
    throw new AppError("BAD_REQUEST", `${input.path} is a ${entry.type}${entry.unsafe === "link" ? "; links are never followed" : ""}`);
  }
  const { source, repository } = kit.repo;
  const base = { path: entry.path, layerDigest: layer.digest, size: entry.size, mode: entry.mode, language: languageForPath(entry.path) };

  const lower = entry.path.toLowerCase();
  if (lower.endsWith(".safetensors") || lower.endsWith(".gguf")) {
    const tensors = await readTensorHeader(source, repository, layer, entry);
    return {
      ...base, kind: "tensors", text: null, truncated: false, sha256: null, tensors,
      note: `${tensors.kind} header read without downloading the weights`, verification: tensors.verification,
    };
  }

  const { bytes, truncated, verification } = await readKitFileBytes(source, repository, layer, entry, input.full ? TEXT_HARD_CAP_BYTES : TEXT_PREVIEW_BYTES);
  const sha256 = truncated ? null : `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { ...base, kind: "binary", text: null, truncated, sha256, tensors: null, note: "binary file", verification };
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  const kind = /\.(md|markdown)$/.test(lower) ? "markdown" : "text";
  const note = truncated ? `showing the first ${bytes.length} of ${entry.size} bytes` : null;
  return { ...base, kind, text, truncated, sha256, tensors: null, note, verification };
}
