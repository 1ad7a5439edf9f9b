import { NextResponse, type NextRequest } from "next/server";
import { anonymousPagesAllowed } from "@/lib/auth/anonymous-pages-allowed";
import { buildSecurityHeaders } from "@/lib/auth/build-security-headers";

// Convenience only: send visitors without a session cookie to the sign-in page, and set security headers with a
// per-request CSP nonce. Authorisation is enforced in lib/data and every route handler, never here.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const PUBLIC_PAGES = /^\/(signin)(\/|$)/;
/** not pages: answered to scrapers with their own token (app/metrics/route.ts), never redirected to sign-in */
const MACHINE_PATHS = /^\/metrics$/;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/") || MACHINE_PATHS.test(pathname);
  const hasSession = SESSION_COOKIES.some((c) => request.cookies.has(c) || request.cookies.has(`${c}.0`));
  if (!isApi && !hasSession && !PUBLIC_PAGES.test(pathname) && !anonymousPagesAllowed(process.env.KITGATE_CONFIG ?? "./kitgate.yaml")) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const headers = buildSecurityHeaders({
    nonce,
    https: (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
    dev: process.env.NODE_ENV !== "production",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Next reads the nonce for its own inline scripts from the request's CSP header.
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
