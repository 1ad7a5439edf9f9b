import { ApiError } from "./api-error";

// Browser-side GET against /api/v1: the API's error body becomes an Error whose message is readable.
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { Accept: "application/json" } });
  if (res.ok) return (await res.json()) as T;
  let code = "INTERNAL";
  let message = `Request failed (${res.status})`;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
  } catch {
    // a proxy's HTML error page: keep the generic message
  }
  throw new ApiError(res.status, code, message);
}
