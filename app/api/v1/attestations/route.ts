import { endpoints } from "@/lib/api/endpoints";
import { listAttestations } from "@/lib/data/list-attestations";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.listAttestations, ({ actor, query }) => listAttestations(actor, query));
