export const dynamic = "force-dynamic";

/** Liveness for Playwright's webServer and load balancers: no registry or database is touched. */
export function GET() {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
