import { listAttestations } from "@/lib/data/list-attestations";
import { jsonHandler } from "@/lib/http/json-handler";
import { modelKitQuery } from "@/lib/validations/modelkit-query";

export const dynamic = "force-dynamic";

/** `GET /api/v1/attestations?ref=REF`: every attestation of the version with its verification status. */
export const GET = jsonHandler(modelKitQuery, (actor, q) => listAttestations(actor, q));
