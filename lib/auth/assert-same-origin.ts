import { AppError } from "@/lib/errors";

/**
 * CSRF guard for cookie-authenticated mutations under /api/v1. Bearer-token requests are exempt: a browser
 * never attaches them on its own, so a forged cross-site request cannot carry one. Browsers send Origin on
 * every POST/PUT/DELETE and Sec-Fetch-Site on modern engines; a cookie request without either is refused.
 */
export function assertSameOrigin(request: Request, allowedOrigin?: string): void {
  const h = request.headers;
  if (/^Bearer\s+\S+$/i.test(h.get("authorization") ?? "")) return;
  const site = h.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw forbidden();
  const origin = h.get("origin");
  if (!origin) {
    if (site === "same-origin") return;
    throw forbidden();
  }
  const expected = allowedOrigin ?? new URL(request.url).origin;
  const host = h.get("host");
  if (origin === expected || (host && origin === `${new URL(expected).protocol}//${host}`)) return;
  throw forbidden();
}

function forbidden(): AppError {
  return new AppError("FORBIDDEN", "Cross-site request refused");
}
