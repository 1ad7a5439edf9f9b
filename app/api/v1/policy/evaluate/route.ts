import { endpoints } from "@/lib/api/endpoints";
import { evaluatePolicy } from "@/lib/data/evaluate-policy";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.evaluatePolicy, ({ actor, query }) => evaluatePolicy(actor, query));
