import { ApiError } from "@/lib/api/api-error";

/** Browser-side mutation against /api/v1 (same origin, session cookie); the API's error message is kept readable. */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(body) });
  if (res.ok) return (await res.json()) as T;
  let code = "INTERNAL";
  let message = `Request failed (${res.status})`;
  try {
    const parsed = (await res.json()) as { error?: { code?: string; message?: string } };
    code = parsed.error?.code ?? code;
    message = parsed.error?.message ?? message;
  } catch {
    // not JSON: keep the generic message
  }
  throw new ApiError(res.status, code, message);
}
