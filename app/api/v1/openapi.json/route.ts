import { endpoints } from "@/lib/api/endpoints";
import { getOpenApiDocument } from "@/lib/api/openapi";
import { defineRoute } from "@/lib/http/define-route";

/** The document is built from constants (the endpoint catalogue) once per process; no caller is resolved. */
export const GET = defineRoute(endpoints.getOpenApiDocument, async () => getOpenApiDocument());
