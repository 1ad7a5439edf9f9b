import { endpoints } from "@/lib/api/endpoints";
import { defineRoute } from "@/lib/http/define-route";
import { createApiToken } from "@/lib/data/create-api-token";
import { listApiTokens } from "@/lib/data/list-api-tokens";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.listApiTokens, async ({ actor, query }) => ({ items: await listApiTokens(actor, { all: query.all === "1" }) }));

export const POST = defineRoute(endpoints.createApiToken, ({ actor, body }) => createApiToken(actor, body));
