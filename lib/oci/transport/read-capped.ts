import { AppError } from "@/lib/errors";
import { discardBody } from "@/lib/oci/transport/discard-body";
import { toUpstreamError } from "@/lib/oci/transport/to-upstream-error";

/**
 * Reads a whole response body into memory, refusing (TOO_LARGE) as soon as it passes `cap` bytes:
 * the declared Content-Length is checked first, and the running count guards bodies that lie about it.
 */
export async function readCapped(res: Response, cap: number, what: string, timeoutMs?: number): Promise<Uint8Array> {
  const declared = res.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > cap) {
    discardBody(res);
    throw new AppError("TOO_LARGE", `${what} is larger than ${cap} bytes (declared ${declared})`, {
      details: { cap, declared: Number(declared) },
    });
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  // A pending read settles (done) as soon as the reader is cancelled, whatever the source does with the cancel.
  let timedOut = false;
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => {
    timedOut = true;
    reader.cancel().catch(() => {});
  }, timeoutMs);
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch (e) {
      clearTimeout(timer);
      throw toUpstreamError(e, `${what} broke off while it was being read`);
    }
    const { done, value } = step;
    if (timedOut) throw new AppError("UPSTREAM_TIMEOUT", `${what} did not arrive within ${timeoutMs} ms`);
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      clearTimeout(timer);
      reader.cancel().catch(() => {});
      throw new AppError("TOO_LARGE", `${what} is larger than ${cap} bytes`, { details: { cap } });
    }
    chunks.push(value);
  }
  clearTimeout(timer);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
