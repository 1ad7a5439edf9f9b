import "server-only";
import { PassThrough, type Readable } from "node:stream";
import { isAppError } from "@/lib/errors";

/**
 * Runs a parser over a blob stream that verifies itself (it errors with DIGEST_MISMATCH before it ends when
 * the bytes are wrong), for layers too large to read whole first. The parser gets a tap of the stream, so
 * when it fails (a flipped byte usually looks like bad gzip or a bad tar header first) the rest of the blob is
 * still read to its end: a digest mismatch then wins over whatever the parser said, and names the registry.
 * `complete` says whether the stream reached its end (and so was verified) before the parser was done.
 * No error escapes as an 'error' event: every stream here has its errors observed.
 */
export async function parseWhileHashing<T>(
  source: Readable,
  parse: (stream: Readable) => Promise<T>,
): Promise<{ result: T; complete: boolean }> {
  const tap = new PassThrough();
  let ended = false;
  let sourceError: unknown = null;
  source.on("error", (e) => {
    sourceError = e;
    tap.destroy(e);
  });
  source.once("end", () => {
    ended = true;
  });
  tap.on("error", () => {});
  source.pipe(tap);
  try {
    const result = await parse(tap);
    if (!ended) source.destroy();
    return { result, complete: ended && sourceError === null };
  } catch (parseError) {
    if (isMismatch(sourceError)) throw sourceError;
    if (!ended && sourceError === null) {
      source.unpipe(tap);
      const drained = await drain(source);
      if (isMismatch(drained)) throw drained;
    }
    throw parseError;
  }
}

function isMismatch(e: unknown): boolean {
  return isAppError(e) && e.code === "DIGEST_MISMATCH";
}

/** Reads the rest of the stream (discarding it) and resolves with its error, if any. Bounded by the stream's own deadlines. */
function drain(source: Readable): Promise<unknown> {
  return new Promise((resolve) => {
    if (source.destroyed) return resolve(null);
    source.once("end", () => resolve(null));
    source.once("error", (e) => resolve(e));
    source.once("close", () => resolve(null));
    source.resume();
  });
}
