import { AppError } from "@/lib/errors";

/**
 * Reads a whole response body into memory, refusing (TOO_LARGE) as soon as it passes `cap` bytes:
 * the declared Content-Length is checked first, and the running count guards bodies that lie about it.
 */
export async function readCapped(res: Response, cap: number, what: string): Promise<Uint8Array> {
  const declared = res.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > cap) {
    await res.body?.cancel().catch(() => {});
    throw new AppError("TOO_LARGE", `${what} is larger than ${cap} bytes (declared ${declared})`, {
      details: { cap, declared: Number(declared) },
    });
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => {});
      throw new AppError("TOO_LARGE", `${what} is larger than ${cap} bytes`, { details: { cap } });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
