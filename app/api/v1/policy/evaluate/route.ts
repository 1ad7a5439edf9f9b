import { evaluatePolicy } from "@/lib/data/evaluate-policy";
import { jsonHandler } from "@/lib/http/json-handler";
import { policyEvaluateQuery } from "@/lib/validations/policy-evaluate-query";

export const dynamic = "force-dynamic";

export const GET = jsonHandler(policyEvaluateQuery, (actor, q) => evaluatePolicy(actor, q));
