export const dynamic = "force-dynamic";

/** Liveness: the process serves HTTP. Nothing else is checked, so a slow database never gets a replica restarted. */
export function GET() {
  return Response.json({ status: "live" }, { headers: { "Cache-Control": "no-store" } });
}
