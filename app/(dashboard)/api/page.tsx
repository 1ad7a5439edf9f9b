import type { Metadata } from "next";
import { ApiReference } from "@/components/api/api-reference";
import { getOpenApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic"; // per-request CSP nonce, like every page
export const metadata: Metadata = { title: "API reference" };

/** The browsable form of /api/v1/openapi.json, rendered on the server from the same generated document. */
export default function ApiReferencePage() {
  return <ApiReference doc={getOpenApiDocument()} />;
}
