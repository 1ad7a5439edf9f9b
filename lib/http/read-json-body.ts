import "server-only";
import { AppError } from "@/lib/errors";

/**
 * A mutation's JSON body, capped while it is read (the cap is per route: each names why its bodies are small).
 * A declared Content-Length over the cap is refused before reading; a chunked or lying body is cut off at the
 * first byte past the cap, so an endless body costs at most `maxBytes` of memory. An empty body reads as `{}` so
 * routes without required fields accept a bare POST.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readCapped(request, maxBytes);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "Body is not JSON");
  }
}

async function readCapped(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("BAD_REQUEST", "Body is not UTF-8 text");
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("TOO_LARGE", `Body too large (at most ${maxBytes} bytes)`);
}
