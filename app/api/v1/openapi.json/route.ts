import { openApiDocument } from "@/lib/api/openapi";

/** Static: the document is built from constants, so it is rendered once at build time. */
export function GET() {
  return Response.json(openApiDocument);
}
