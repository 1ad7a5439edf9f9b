import { endpoints } from "@/lib/api/endpoints";
import { defineRoute } from "@/lib/http/define-route";
import { revokeApiToken } from "@/lib/data/revoke-api-token";

export const dynamic = "force-dynamic";

export const DELETE = defineRoute(endpoints.revokeApiToken, ({ actor, params }) => revokeApiToken(actor, params.id));
