import "server-only";
import type { Readable } from "node:stream";
import { isAppError } from "@/lib/errors";
import { decodeLayerStream } from "@/lib/layers/decode-layer-stream";
import { describeTarEntry } from "@/lib/layers/describe-tar-entry";
import { LISTING_TIME_BUDGET_MS, MAX_LAYER_ENTRIES } from "@/lib/layers/limits";
import { summariseListing } from "@/lib/layers/summarise-listing";
import type { FileEntry, LayerDecodeOptions, LayerListing, LayerReadLimits } from "@/lib/layers/types";
import { walkTarStream } from "@/lib/layers/walk-tar-stream";

/**
 * Lists a layer from its blob stream without extracting anything. Stops at the entry, time or decompressed-byte
 * budget and says so (`truncated`, `reason`) instead of failing; bad archives give MALFORMED_CONTENT.
 */
export async function listLayerFiles(
  stream: Readable,
  options: LayerDecodeOptions,
  limits: LayerReadLimits = {},
): Promise<LayerListing> {
  const maxEntries = limits.maxEntries ?? MAX_LAYER_ENTRIES;
  const budgetMs = limits.timeBudgetMs ?? LISTING_TIME_BUDGET_MS;
  const now = limits.now ?? Date.now;
  const started = now();
  let reason: string | undefined;
  const overTime = () => {
    if (now() - started <= budgetMs) return false;
    reason = `listing took longer than its ${budgetMs} ms budget`;
    return true;
  };

  if (options.format === "raw") return listRaw(stream, options, limits, overTime, () => reason);

  const entries: FileEntry[] = [];
  const decoded = decodeLayerStream(stream, options.compression, limits);
  try {
    await walkTarStream(
      decoded,
      (header) => {
        if (entries.length >= maxEntries) {
          reason = `layer has more than ${maxEntries} entries`;
          return false;
        }
        const dataOffset = options.compression === "none" ? header.byteOffset : undefined;
        entries.push(describeTarEntry({ ...header, dataOffset }, options.pathPrefix));
        return !overTime();
      },
      overTime,
    );
  } catch (e) {
    if (!isByteBudget(e)) throw e;
    reason = `layer decompresses to more than the ${(e.details?.maxBytes as number) ?? "?"} bytes a listing may read`;
  }
  return summariseListing(entries, reason);
}

async function listRaw(
  stream: Readable,
  options: LayerDecodeOptions,
  limits: LayerReadLimits,
  overTime: () => boolean,
  currentReason: () => string | undefined,
): Promise<LayerListing> {
  const describe = (size: number) =>
    describeTarEntry({
      name: options.rawName ?? "file",
      type: "file",
      size,
      mode: options.rawMode ?? 0,
      dataOffset: options.compression === "none" ? 0 : undefined,
    });
  if (options.compression === "none" && options.size !== undefined) {
    // the blob is the file: its descriptor size is the file size, nothing needs reading
    stream.destroy();
    return summariseListing([describe(options.size)], undefined);
  }
  let size = 0;
  let reason: string | undefined;
  const decoded = decodeLayerStream(stream, options.compression, limits);
  try {
    for await (const chunk of decoded) {
      size += (chunk as Uint8Array).length;
      if (overTime()) {
        reason = currentReason();
        break;
      }
    }
  } catch (e) {
    if (!isByteBudget(e)) throw e;
    reason = `layer decompresses to more than the ${(e.details?.maxBytes as number) ?? "?"} bytes a listing may read`;
  } finally {
    decoded.destroy();
  }
  const listing = summariseListing([describe(size)], reason);
  if (reason) listing.warnings.push("the file size shown is a lower bound: the layer was not read to its end");
  return listing;
}

function isByteBudget(e: unknown): e is import("@/lib/errors").AppError {
  return isAppError(e) && e.code === "LIMIT_EXCEEDED" && e.details?.maxBytes !== undefined;
}
