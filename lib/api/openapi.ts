// The OpenAPI 3.1 document of REST API v1, generated from the endpoint catalogue (lib/api/endpoints): the same
// zod schemas validate requests (input side) and describe responses (output side), so the document cannot drift
// from what the routes do. zod 4 converts schemas to JSON Schema 2020-12 itself (OpenAPI 3.1's dialect); what is
// left — paths, parameters, the error table — is a few loops, so no OpenAPI library is needed. Pure: safe anywhere.
import { z } from "zod";
import { PERMISSIONS } from "@/lib/access/permissions";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors";
import { ENDPOINT_TAGS, errorCodesOf, type EndpointDefinition } from "./endpoint";
import { endpoints } from "./endpoints";
import { componentSchemas } from "./schemas/components";
import "./schemas/common"; // registers the Error component

type JsonSchema = Record<string, unknown>;

export interface OpenApiOperation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  parameters?: { name: string; in: "query" | "path" | "header"; required: boolean; description?: string; schema: JsonSchema }[];
  requestBody?: { required: true; content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
  security: Record<string, string[]>[];
  "x-kitgate-access": string;
  "x-kitgate-permission"?: string;
  "x-kitgate-body-limit"?: number;
}

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<"get" | "post" | "put" | "patch" | "delete", OpenApiOperation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
    "x-kitgate-error-codes": Record<string, { status: number; description: string }>;
  };
};

const ref = (id: string) => `#/components/schemas/${id}`;

export function buildOpenApiDocument(): OpenApiDocument {
  const entries = Object.entries(endpoints) as [string, EndpointDefinition][];
  const { components, responseSchemas } = outputSchemas(entries);
  const paths: OpenApiDocument["paths"] = {};
  for (const [operationId, e] of entries) {
    const method = e.method.toLowerCase() as Lowercase<EndpointDefinition["method"]>;
    (paths[e.path] ??= {})[method] = operation(operationId, e, responseSchemas.get(operationId));
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Kitgate API",
      version: "1.0.0",
      description:
        "Browse, diff, verify and approve KitOps ModelKits stored in OCI registries. Requests and responses are JSON unless a download is documented. " +
        "Errors are `{ error: { code, message, issues? } }` with the status of the code (see `x-kitgate-error-codes`). " +
        "Response objects may gain fields in later versions: clients must ignore fields they do not know. " +
        "Authenticate with `Authorization: Bearer <API token>` (CI) or the session cookie (the UI); mutations with a cookie must be same-origin.",
    },
    servers: [{ url: "/api/v1" }],
    tags: Object.entries(ENDPOINT_TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        apiToken: { type: "http", scheme: "bearer", description: "An API token (`kg_…`) created on the Tokens page; it narrows its owner's access." },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session of a signed-in user." },
      },
      "x-kitgate-error-codes": Object.fromEntries(Object.entries(ERROR_CODES).map(([code, v]) => [code, { status: v.status, description: v.description }])),
    },
  };
}

/** Named components and each operation's response schema, converted together so components are `$ref`ed. */
function outputSchemas(entries: [string, EndpointDefinition][]) {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of componentSchemas) registry.add(schema, { id });
  const inline = new Map<string, string>();
  for (const [operationId, e] of entries) {
    if (e.response.kind !== "json" || registry.has(e.response.schema)) continue;
    const id = `__response_${operationId}`;
    registry.add(e.response.schema, { id });
    inline.set(id, operationId);
  }
  const { schemas } = z.toJSONSchema(registry, {
    io: "output",
    uri: ref,
    unrepresentable: "any",
    // Responses are strict objects so that test-mode validation catches undocumented fields; published, they stay
    // open so that a new field never breaks a client generated from this document.
    override: ({ jsonSchema }) => {
      if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    },
  });
  const components: Record<string, JsonSchema> = {};
  const responseSchemas = new Map<string, JsonSchema>();
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _dialect, $id: _id, ...body } = schema as JsonSchema;
    const operationId = inline.get(id);
    if (operationId) responseSchemas.set(operationId, body);
    else if (id === "__shared") throw new TypeError("recursive response schemas are not supported: name them");
    else components[id] = body;
  }
  for (const [operationId, e] of entries) {
    if (e.response.kind === "json" && !responseSchemas.has(operationId)) responseSchemas.set(operationId, { $ref: ref(registry.get(e.response.schema)!.id) });
  }
  const json = JSON.stringify(components) + JSON.stringify([...responseSchemas.values()]);
  if (json.includes(`"${ref("__response_")}`)) throw new TypeError("an operation's response schema is reused inside another schema: name it");
  return { components, responseSchemas };
}

function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...body } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return body;
}

function parameters(schema: z.ZodObject | undefined, where: "query" | "path"): NonNullable<OpenApiOperation["parameters"]> {
  if (!schema) return [];
  const json = inputSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop as JsonSchema & { description?: string };
    return {
      name,
      in: where,
      required: where === "path" || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function accessText(e: EndpointDefinition): string {
  if (e.access === "public") return "Anyone; no caller is resolved.";
  const parts: string[] = [];
  const p = e.access.permission ? PERMISSIONS[e.access.permission] : null;
  if (e.access.permission && p) {
    const where = p.reach === "repository" ? " on the repository" : p.reach === "global" ? " on every scope (`*`)" : "";
    parts.push(`Needs \`${e.access.permission}\` (role ${p.role}${where}).`);
  }
  if (e.access.signIn) {
    parts.push(p && !p.tokenable ? "Signed-in users only: API tokens never carry this permission; anonymous callers get 401." : "Signed-in users and API tokens; anonymous callers get 401.");
  } else {
    parts.push("Anonymous callers are served where the configuration grants anonymous access.");
  }
  if (e.access.note) parts.push(e.access.note);
  return parts.join(" ");
}

function operation(operationId: string, e: EndpointDefinition, responseSchema: JsonSchema | undefined): OpenApiOperation {
  const params = [
    ...parameters(e.params, "path"),
    ...parameters(e.query, "query"),
    ...(e.headers ?? []).map((h) => ({ name: h.name, in: "header" as const, required: false, description: h.description, schema: { type: "string" } })),
  ];
  const success =
    e.response.kind === "json"
      ? { description: e.response.description, content: { "application/json": { schema: responseSchema! } } }
      : e.response.kind === "download"
        ? {
            description: `${e.response.description} (\`Content-Disposition: attachment\`).`,
            // a JSON download is a document of its own format (named by `what`), anything else is bytes
            content: Object.fromEntries(
              Object.entries(e.response.contentTypes).map(([type, what]) => [type, { schema: type === "application/json" ? { description: what } : { type: "string", description: what } }]),
            ),
          }
        : { description: e.response.description };
  const responses: OpenApiOperation["responses"] = { [String(e.response.status)]: success };
  for (const [status, codes] of groupByStatus(errorCodesOf(e))) {
    responses[String(status)] = {
      description: codes.map((c) => `\`${c}\`: ${ERROR_CODES[c].description}`).join(" "),
      content: { "application/json": { schema: { $ref: ref("Error") } } },
    };
  }
  const anonymousAllowed = e.access === "public" || !e.access.signIn;
  return {
    operationId,
    tags: [e.tag],
    summary: e.summary,
    ...(e.description ? { description: e.description } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(e.body ? { requestBody: { required: true as const, content: { "application/json": { schema: inputSchema(e.body.schema) } } } } : {}),
    responses,
    security: e.access === "public" ? [{}] : [{ apiToken: [] }, { session: [] }, ...(anonymousAllowed ? [{}] : [])],
    "x-kitgate-access": accessText(e),
    ...(e.access !== "public" && e.access.permission ? { "x-kitgate-permission": e.access.permission } : {}),
    ...(e.body ? { "x-kitgate-body-limit": e.body.maxBytes } : {}),
  };
}

function groupByStatus(codes: ErrorCode[]): [number, ErrorCode[]][] {
  const map = new Map<number, ErrorCode[]>();
  for (const c of codes) map.set(ERROR_CODES[c].status, [...(map.get(ERROR_CODES[c].status) ?? []), c]);
  return [...map].sort(([a], [b]) => a - b);
}

let memo: OpenApiDocument | null = null;
/** Built once per process: the catalogue is constant. */
export function getOpenApiDocument(): OpenApiDocument {
  return (memo ??= buildOpenApiDocument());
}
