import "server-only";
import { AppError } from "@/lib/errors";

/**
 * A mutation's JSON body, capped before parsing (the cap is per route: each names why its bodies are small).
 * An empty body reads as `{}` so routes without required fields accept a bare POST.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("TOO_LARGE", "Body too large");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "Body is not JSON");
  }
}
