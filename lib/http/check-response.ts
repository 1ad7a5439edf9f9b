import "server-only";
import { appendFileSync } from "node:fs";
import { errorCodesOf, type EndpointDefinition } from "@/lib/api/endpoint";
import { endpoints } from "@/lib/api/endpoints";
import { errorEnvelope } from "@/lib/api/schemas/common";
import { env } from "@/lib/env";
import { ERROR_CODES } from "@/lib/errors";
import { formatZodIssue } from "@/lib/validations/format-zod-issue";

/** One checked response, as a line of KITGATE_VALIDATE_RESPONSES_LOG. */
export interface ResponseCheck {
  operationId: string | null;
  method: string;
  path: string;
  status: number;
  /** the error code of an error response */
  code: string | null;
  problems: string[];
}

/** How many schema problems a violation message lists; the rest are counted. */
const MAX_PROBLEMS_SHOWN = 8;

/**
 * Test-mode contract check of one response (KITGATE_VALIDATE_RESPONSES=1): the URL is the endpoint's path, the
 * status is the documented success status or the status of a documented error code, and the JSON matches the
 * response schema (strict objects: an undocumented field is a violation) or the error envelope. A violation is
 * logged and turned into a 500 naming it, so the integration or e2e test that provoked it fails where it happened.
 */
export async function checkResponse(endpoint: EndpointDefinition, request: Request, response: Response): Promise<Response> {
  const url = new URL(request.url);
  const problems = await findProblems(endpoint, url.pathname, response);
  const code = response.ok ? null : await response.clone().json().then((b: { error?: { code?: string } }) => b?.error?.code ?? null, () => null);
  record({ operationId: operationIdOf(endpoint), method: request.method, path: url.pathname, status: response.status, code, problems });
  if (problems.length === 0) return response;
  const message = `Response contract violation: ${endpoint.method} ${endpoint.path} answered ${response.status}: ${problems.join("; ")}`;
  console.error(`[kitgate] ${message}`);
  return Response.json(
    { error: { code: "INTERNAL", message } },
    { status: 500, headers: { "Cache-Control": "no-store", "X-Kitgate-Contract-Violation": "1" } },
  );
}

async function findProblems(endpoint: EndpointDefinition, pathname: string, response: Response): Promise<string[]> {
  const problems: string[] = [];
  if (!pathPattern(endpoint.path).test(pathname)) problems.push(`served at ${pathname}, documented at /api/v1${endpoint.path}`);
  const expected = endpoint.response;

  if (!response.ok) {
    const parsed = errorEnvelope.safeParse(await response.clone().json().catch(() => undefined));
    if (!parsed.success) return [...problems, ...issues("error body", parsed.error.issues)];
    const { code } = parsed.data.error;
    if (!errorCodesOf(endpoint).includes(code)) problems.push(`error code ${code} is not documented for this operation`);
    if (ERROR_CODES[code].status !== response.status) problems.push(`error code ${code} must have status ${ERROR_CODES[code].status}`);
    return problems;
  }

  if (response.status !== expected.status) problems.push(`status ${response.status}, documented ${expected.status}`);
  if (expected.kind === "empty") {
    if ((await response.clone().text()) !== "") problems.push("a 204 has a body");
  } else if (expected.kind === "download") {
    const type = response.headers.get("content-type") ?? "";
    if (!Object.keys(expected.contentTypes).some((t) => type.split(";")[0]!.trim() === t)) problems.push(`content type ${type} is not documented`);
    if (!/^attachment;/.test(response.headers.get("content-disposition") ?? "")) problems.push("a download without Content-Disposition: attachment");
  } else {
    const json = await response.clone().json().catch(() => undefined);
    const parsed = expected.schema.safeParse(json);
    if (!parsed.success) problems.push(...issues("body", parsed.error.issues));
  }
  return problems;
}

function issues(what: string, list: Parameters<typeof formatZodIssue>[0][]): string[] {
  const shown = list.slice(0, MAX_PROBLEMS_SHOWN).map((i) => `${what} ${formatZodIssue(i)}`);
  return list.length > shown.length ? [...shown, `…and ${list.length - shown.length} more`] : shown;
}

/** `/approvals/{id}/decision` → /^\/api\/v1\/approvals\/[^/]+\/decision$/ */
function pathPattern(template: string): RegExp {
  const escaped = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[^/]+");
  return new RegExp(`^/api/v1${escaped}$`);
}

let operationIds: Map<EndpointDefinition, string> | null = null;
function operationIdOf(endpoint: EndpointDefinition): string | null {
  operationIds ??= new Map(Object.entries(endpoints).map(([id, e]) => [e as EndpointDefinition, id]));
  return operationIds.get(endpoint) ?? null;
}

function record(check: ResponseCheck): void {
  if (!env.KITGATE_VALIDATE_RESPONSES_LOG) return;
  try {
    appendFileSync(env.KITGATE_VALIDATE_RESPONSES_LOG, JSON.stringify(check) + "\n");
  } catch (error) {
    console.error("[kitgate] cannot append to KITGATE_VALIDATE_RESPONSES_LOG", error);
  }
}
