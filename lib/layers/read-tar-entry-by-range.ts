import { AppError } from "@/lib/errors";
import type { FileEntry, LayerFileContent, RangeReader } from "@/lib/layers/types";

/**
 * Fetches one file's bytes (at most `maxBytes`) from an uncompressed tar layer with a single Range read, using
 * the `dataOffset` its listing recorded. Links and directories are refused, never followed.
 */
export async function readTarEntryByRange(
  readRange: RangeReader,
  entry: FileEntry,
  maxBytes: number,
): Promise<LayerFileContent> {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) throw new TypeError("maxBytes must be a non-negative integer");
  if (entry.dataOffset === undefined) throw new TypeError("entry has no dataOffset: list the layer by range first");
  if (entry.type !== "file") {
    const what =
      entry.type === "symlink" || entry.type === "hardlink"
        ? `a ${entry.type} to ${JSON.stringify(entry.linkTarget)}; links are never followed`
        : `a ${entry.type === "other" ? "special file" : entry.type}, not a regular file`;
    throw new AppError("BAD_REQUEST", `${entry.path} is ${what}`, {
      details: { path: entry.path, type: entry.type, linkTarget: entry.linkTarget },
    });
  }
  const length = Math.min(entry.size, maxBytes);
  if (length === 0) return { entry, bytes: new Uint8Array(0), truncated: entry.size > 0 };
  const got = await readRange(entry.dataOffset, entry.dataOffset + length - 1);
  if (got.length < length) {
    throw new AppError("MALFORMED_CONTENT", `${entry.path}: the layer ended before the file's declared size`, {
      details: { path: entry.path, expected: length, received: got.length },
    });
  }
  return { entry, bytes: got.length > length ? got.subarray(0, length) : got, truncated: entry.size > length };
}
