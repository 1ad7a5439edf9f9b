import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "@/lib/errors";
import { endpointAreas, endpoints } from "./endpoints";
import { buildOpenApiDocument } from "./openapi";

const ROOT = path.resolve(import.meta.dirname, "../..");
const API_DIR = path.join(ROOT, "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Every exported method of every app/api/v1 route file, with the endpoint it binds (if it uses defineRoute). */
function routesOnDisk() {
  return walk(API_DIR)
    .filter((f) => path.basename(f) === "route.ts")
    .flatMap((file) => {
      // app/api/v1/approvals/[id]/decision → /approvals/{id}/decision
      const dir = path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/");
      const apiPath = "/" + dir.replace(/\[([^\]]+)\]/g, "{$1}");
      const text = readFileSync(file, "utf8");
      const exported = [...text.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+([A-Z]+)\b|\bas\s+([A-Z]+)\b/g)]
        .map((m) => (m[1] ?? m[2])!)
        .filter((m) => (METHODS as readonly string[]).includes(m));
      return exported.map((method) => {
        const bound = new RegExp(`export\\s+const\\s+${method}\\s*=\\s*defineRoute\\(\\s*endpoints\\.(\\w+)\\s*,`).exec(text)?.[1] ?? null;
        return { file: path.relative(ROOT, file), method, path: apiPath, operationId: bound };
      });
    });
}

describe("the OpenAPI document", () => {
  const doc = buildOpenApiDocument();
  const onDisk = routesOnDisk();

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("lists exactly the (method, path) pairs of the route handlers on disk", () => {
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(onDisk.length).toBeGreaterThan(20);
    expect(documented).toEqual(onDisk.map((r) => `${r.method} ${r.path}`).sort());
  });

  it("is served by defineRoute in every route file, each bound to the endpoint of its own method and path", () => {
    const wrong = onDisk.filter((r) => {
      const e = r.operationId ? endpoints[r.operationId as keyof typeof endpoints] : undefined;
      return !e || e.method !== r.method || e.path !== r.path;
    });
    expect(wrong).toEqual([]);
    // and no endpoint is bound twice
    const bound = onDisk.map((r) => r.operationId);
    expect(new Set(bound).size).toBe(bound.length);
  });

  it("declares each operationId once", () => {
    const declared = endpointAreas.flatMap((area) => Object.keys(area));
    expect(declared.length).toBe(Object.keys(endpoints).length);
  });

  it("names the path parameters of each template, and only those", () => {
    for (const [id, e] of Object.entries(endpoints)) {
      const inTemplate = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const inSchema = "params" in e && e.params ? Object.keys(e.params.shape) : [];
      expect(inSchema, id).toEqual(inTemplate);
    }
  });

  it("resolves every $ref", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(50);
    expect(refs.filter((r) => !(r in doc.components.schemas))).toEqual([]);
  });

  it("documents the closed error table once, and every error response uses the one envelope", () => {
    const error = doc.components.schemas.Error as { properties: { error: { properties: { code: { enum: string[] } } } } };
    expect(error.properties.error.properties.code.enum).toEqual(Object.keys(ERROR_CODES));
    expect(Object.keys(doc.components["x-kitgate-error-codes"])).toEqual(Object.keys(ERROR_CODES));
    for (const ops of Object.values(doc.paths)) {
      for (const op of Object.values(ops)) {
        const statuses = Object.keys(op!.responses).map(Number);
        expect(statuses.filter((s) => s >= 400).length, op!.operationId).toBeGreaterThan(0);
        for (const s of statuses.filter((s) => s >= 400)) {
          expect(op!.responses[String(s)]!.content!["application/json"]!.schema).toEqual({ $ref: "#/components/schemas/Error" });
        }
      }
    }
  });

  it("fixes the drift of the hand-written document: tokens, the `package` section, typed attestations and policy", () => {
    expect(Object.keys(doc.paths["/tokens"]!).sort()).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths["/tokens/{id}"]!)).toEqual(["delete"]);
    const section = doc.paths["/diff/files"]!.get!.parameters!.find((p) => p.name === "section")!;
    expect(section.schema.enum).toContain("package");
    const attestations = doc.paths["/attestations"]!.get!.responses["200"]!.content!["application/json"]!.schema;
    expect(attestations).toMatchObject({ type: "array", items: { $ref: "#/components/schemas/Attestation" } });
    const attestation = doc.components.schemas.Attestation as { properties: Record<string, unknown>; required: string[] };
    expect(attestation.required).toEqual(expect.arrayContaining(["status", "predicateType", "signer", "subjectDigests"]));
    const evaluation = doc.components.schemas.PolicyEvaluation as { properties: Record<string, unknown> };
    expect(Object.keys(evaluation.properties)).toEqual(expect.arrayContaining(["passed", "rules", "tier", "policyDigest"]));
  });

  it("describes request bodies as they are validated, with their caps, and keeps responses open for new fields", () => {
    const create = doc.paths["/tokens"]!.post!;
    expect(create["x-kitgate-body-limit"]).toBe(16 * 1024);
    expect(create.requestBody!.content["application/json"].schema).toMatchObject({ additionalProperties: false, required: ["name", "scopes", "permissions"] });
    expect(JSON.stringify(doc.components.schemas)).not.toContain('"additionalProperties":false');
  });

  it("says who may call each operation", () => {
    const verify = doc.paths["/audit/verify"]!.get!;
    expect(verify["x-kitgate-permission"]).toBe("admin.access");
    expect(verify.security).toEqual([{ apiToken: [] }, { session: [] }]);
    const modelkit = doc.paths["/modelkit"]!.get!;
    expect(modelkit.security).toContainEqual({});
    for (const ops of Object.values(doc.paths)) for (const op of Object.values(ops)) expect(op!["x-kitgate-access"].length).toBeGreaterThan(10);
  });

  it("documents every query parameter with words and its constraints", () => {
    const undocumented = Object.values(doc.paths)
      .flatMap((ops) => Object.values(ops))
      .flatMap((op) => (op!.parameters ?? []).filter((p) => !p.description).map((p) => `${op!.operationId}.${p.name}`));
    expect(undocumented).toEqual([]);
    const limit = doc.paths["/diff/file"]!.get!.parameters!.find((p) => p.name === "limit")!;
    expect(limit.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 200 });
  });
});
