import "server-only";
import type { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { decodeLayerStream } from "@/lib/layers/decode-layer-stream";
import { describeTarEntry } from "@/lib/layers/describe-tar-entry";
import { normaliseEntryPath } from "@/lib/layers/normalise-entry-path";
import type { FileEntry, LayerDecodeOptions, LayerFileContent, LayerReadLimits } from "@/lib/layers/types";
import { type TarEntryBody, walkTarStream } from "@/lib/layers/walk-tar-stream";

/**
 * Reads one file (its display path, as listed) out of a layer stream, at most `maxBytes` of it, and stops
 * reading the stream as soon as it has them. The first entry with that path wins (listings warn about
 * duplicates). Directories and links are refused, never followed. NOT_FOUND when the layer has no such file.
 */
export async function readLayerFile(
  stream: Readable,
  options: LayerDecodeOptions,
  path: string,
  maxBytes: number,
  limits: LayerReadLimits = {},
): Promise<LayerFileContent> {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) throw new TypeError("maxBytes must be a non-negative integer");
  const wanted = normaliseEntryPath(path);
  const decoded = decodeLayerStream(stream, options.compression, limits);

  if (options.format === "raw") {
    const entry = describeTarEntry({
      name: options.rawName ?? "file",
      type: "file",
      size: 0,
      mode: options.rawMode ?? 0,
      dataOffset: options.compression === "none" ? 0 : undefined,
    });
    if (options.rawName !== undefined && entry.path !== wanted) {
      decoded.destroy();
      throw notFound(path);
    }
    const { bytes, truncated, seen } = await readUpTo(decoded, maxBytes, true);
    // for a compressed raw layer read only in part, the size is a lower bound
    entry.size = options.compression === "none" && options.size !== undefined ? options.size : seen;
    return { entry, bytes, truncated };
  }

  let found: LayerFileContent | undefined;
  await walkTarStream(decoded, async (header, body) => {
    const entry = describeTarEntry(
      { ...header, dataOffset: options.compression === "none" ? header.byteOffset : undefined },
      options.pathPrefix,
    );
    if (entry.path !== wanted) return true;
    refuseNonFile(entry);
    const { bytes } = await readUpTo(body, maxBytes, false);
    found = { entry, bytes, truncated: entry.size > bytes.length };
    return false;
  });
  if (!found) throw notFound(path);
  return found;
}

function refuseNonFile(entry: FileEntry): void {
  if (entry.type === "file") return;
  const what =
    entry.type === "symlink" || entry.type === "hardlink"
      ? `a ${entry.type} to ${JSON.stringify(entry.linkTarget)}; links are never followed`
      : `a ${entry.type === "other" ? "special file" : entry.type}, not a regular file`;
  throw new AppError("BAD_REQUEST", `${entry.path} is ${what}`, {
    details: { path: entry.path, type: entry.type, linkTarget: entry.linkTarget },
  });
}

/** Collects at most `maxBytes`; with `probe` it also notices whether more bytes follow (the size is unknown). */
async function readUpTo(
  stream: TarEntryBody,
  maxBytes: number,
  probe: boolean,
): Promise<{ bytes: Uint8Array; truncated: boolean; seen: number }> {
  const parts: Uint8Array[] = [];
  let kept = 0;
  let seen = 0;
  try {
    for await (const raw of stream) {
      const chunk = raw as Uint8Array;
      seen += chunk.length;
      const take = Math.min(chunk.length, maxBytes - kept);
      if (take > 0) {
        parts.push(take === chunk.length ? chunk : chunk.subarray(0, take));
        kept += take;
      }
      if (seen > maxBytes || (!probe && kept >= maxBytes)) break;
    }
  } finally {
    if (probe) stream.destroy();
  }
  return { bytes: Buffer.concat(parts, kept), truncated: seen > maxBytes, seen };
}

function notFound(path: string): AppError {
  return new AppError("NOT_FOUND", `${path} is not in this layer`, { details: { path } });
}
