import "server-only";
import type { Readable } from "node:stream";
import tar from "tar-stream";
import { AppError, isAppError } from "@/lib/errors";

export interface StreamedTarHeader {
  name: string;
  type: string;
  size: number;
  mode: number;
  linkname?: string | null;
  /** offset of the entry's data in the tar (tar-stream's `byteOffset`, set after PAX/GNU records) */
  byteOffset?: number;
}

/** An entry's body: tar-stream hands out streamx streams, which iterate like Node streams. */
export type TarEntryBody = AsyncIterable<Uint8Array> & { destroy(error?: Error): void };

/**
 * Walks a decompressed tar stream with tar-stream, calling `visit` for each entry. `visit` may read the body;
 * whatever it leaves is drained (never buffered). Return `false` from `visit`, or `true` from `shouldStop`
 * (polled per drained chunk), to stop early. Resolves "done" at the end of the archive, "stopped" otherwise.
 * Nothing is written anywhere: names are data, never paths on this machine.
 */
export async function walkTarStream(
  decoded: Readable,
  visit: (header: StreamedTarHeader, body: TarEntryBody) => Promise<boolean> | boolean,
  shouldStop: () => boolean = () => false,
): Promise<"done" | "stopped"> {
  const extract = tar.extract();
  const forward = (e: Error) => extract.destroy(e);
  decoded.once("error", forward);
  decoded.pipe(extract);
  let stopped = false;
  try {
    for await (const entry of extract) {
      const h = entry.header as typeof entry.header & { byteOffset?: number };
      const header: StreamedTarHeader = {
        name: h.name,
        type: h.type ?? "other",
        size: h.size ?? 0,
        mode: h.mode ?? 0,
        linkname: h.linkname,
        byteOffset: h.byteOffset,
      };
      if (!(await visit(header, entry as unknown as TarEntryBody))) {
        stopped = true;
        break;
      }
      if (shouldStop()) {
        stopped = true;
        break;
      }
      entry.on("data", () => {
        if (!stopped && shouldStop()) {
          stopped = true;
          extract.destroy();
        }
      });
      entry.resume();
    }
    return stopped ? "stopped" : "done";
  } catch (e) {
    if (stopped) return "stopped";
    if (isAppError(e)) throw e;
    throw new AppError("MALFORMED_CONTENT", `layer is not a valid tar archive: ${(e as Error)?.message ?? e}`, {
      cause: e,
    });
  } finally {
    decoded.off("error", forward);
    decoded.unpipe(extract as unknown as NodeJS.WritableStream);
    decoded.destroy();
    extract.destroy();
  }
}
