import { AppError, isAppError } from "@/lib/errors";
import { createWindowedReader } from "@/lib/layers/create-windowed-reader";
import { describeTarEntry } from "@/lib/layers/describe-tar-entry";
import {
  LISTING_TIME_BUDGET_MS,
  MAX_DECOMPRESSED_BYTES,
  MAX_LAYER_ENTRIES,
  MAX_TAR_META_BYTES,
  TAR_RANGE_SMALL_ENTRY_BYTES,
  TAR_RANGE_WINDOW_BYTES,
} from "@/lib/layers/limits";
import { parsePaxRecords } from "@/lib/layers/parse-pax-records";
import { parseTarHeader } from "@/lib/layers/parse-tar-header";
import { summariseListing } from "@/lib/layers/summarise-listing";
import type { FileEntry, LayerDecodeOptions, LayerListing, LayerReadLimits, RangeReader } from "@/lib/layers/types";

/** A header, plus a PAX record and the real header behind it, fit here; so big entries cost one small read. */
const LONE_HEADER_READ_BYTES = 2048;

/**
 * Lists an **uncompressed** tar layer by Range-reading its headers and jumping over file data, so listing a
 * large layer reads a tiny fraction of it. Same result shape (and `dataOffset`s) as `listLayerFiles`.
 * `limits.maxBytes` caps the bytes requested. Stops at the entry or time budget with `truncated: true`.
 */
export async function listTarByRange(
  readRange: RangeReader,
  size: number,
  limits: LayerReadLimits = {},
  options: Pick<LayerDecodeOptions, "pathPrefix"> = {},
): Promise<LayerListing> {
  const maxEntries = limits.maxEntries ?? MAX_LAYER_ENTRIES;
  const budgetMs = limits.timeBudgetMs ?? LISTING_TIME_BUDGET_MS;
  const now = limits.now ?? Date.now;
  const started = now();
  const reader = createWindowedReader(readRange, size, limits.maxBytes ?? MAX_DECOMPRESSED_BYTES);
  const entries: FileEntry[] = [];
  const extraWarnings: string[] = [];
  let reason: string | undefined;

  let offset = 0;
  let window = TAR_RANGE_WINDOW_BYTES;
  let longPath: string | undefined;
  let longLink: string | undefined;
  let pax: Record<string, string> | undefined;
  let paxGlobal: Record<string, string> = {};
  try {
    while (offset < size) {
      if (offset + 512 > size) throw malformed(offset, "the archive ends inside a header");
      const header = parseTarHeader(await reader.read(offset, 512, window), offset);
      if (header === null) {
        // two zero blocks end the archive; tar-stream skips a lone one and reads on, and so does this walk
        if (offset + 1024 > size) break;
        const next = await reader.read(offset + 512, 512, window);
        if (next.every((b) => b === 0)) break;
        extraWarnings.push(`a zero block at byte ${offset} is followed by more entries`);
        offset += 512;
        continue;
      }
      const dataStart = offset + 512;
      const padded = Math.ceil(header.size / 512) * 512;
      if (header.type === "pax-header" || header.type === "pax-global-header" || header.type.startsWith("gnu-long")) {
        if (header.size > MAX_TAR_META_BYTES) throw malformed(offset, `a ${header.type} record is over ${MAX_TAR_META_BYTES} bytes`);
        const data = await reader.read(dataStart, header.size, Math.max(window, header.size + 512));
        if (header.type === "pax-header") pax = parsePaxRecords(data, offset);
        else if (header.type === "pax-global-header") paxGlobal = { ...paxGlobal, ...parsePaxRecords(data, offset) };
        else if (header.type === "gnu-long-path") longPath = cString(data);
        else longLink = cString(data);
        offset = dataStart + padded;
        continue;
      }
      const records = { ...paxGlobal, ...pax };
      let entrySize = header.size;
      if (records.size !== undefined) {
        if (!/^\d+$/.test(records.size) || !Number.isSafeInteger(Number(records.size))) {
          throw malformed(offset, "PAX size is not a number");
        }
        entrySize = Number(records.size);
      }
      const name = records.path ?? longPath ?? header.name;
      const linkname = records.linkpath ?? longLink ?? header.linkname;
      pax = longPath = longLink = undefined;

      if (entries.length >= maxEntries) {
        reason = `layer has more than ${maxEntries} entries`;
        break;
      }
      entries.push(
        describeTarEntry(
          { name, type: header.type, size: entrySize, mode: header.mode, linkname, dataOffset: dataStart },
          options.pathPrefix,
        ),
      );
      // tar-stream reads a directory's header only, whatever its size says; the two listers must agree
      const skip = header.type === "directory" ? 0 : Math.ceil(entrySize / 512) * 512;
      offset = dataStart + skip;
      if (offset > size) throw malformed(dataStart - 512, "the entry's data runs past the end of the layer");
      window = entrySize <= TAR_RANGE_SMALL_ENTRY_BYTES ? TAR_RANGE_WINDOW_BYTES : LONE_HEADER_READ_BYTES;
      if (now() - started > budgetMs) {
        reason = `listing took longer than its ${budgetMs} ms budget`;
        break;
      }
    }
  } catch (e) {
    if (!(isAppError(e) && e.code === "LIMIT_EXCEEDED")) throw e;
    reason = e.message;
  }
  const listing = summariseListing(entries, reason);
  listing.warnings.push(...extraWarnings);
  return listing;
}

function cString(data: Uint8Array): string {
  const end = data.indexOf(0);
  return new TextDecoder("utf-8").decode(end === -1 ? data : data.subarray(0, end));
}

function malformed(offset: number, reason: string): AppError {
  return new AppError("MALFORMED_CONTENT", `tar entry at byte ${offset}: ${reason}`, { details: { offset } });
}
