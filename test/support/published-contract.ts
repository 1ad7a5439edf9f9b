import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import type { OpenApiDocument } from "@/lib/api/openapi";

/**
 * Checks a response body against the PUBLISHED document (the JSON Schema a client generator would read), not the zod
 * schema the server checks with: proves the generated document accepts what the API really sends.
 */
export function publishedContract(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const compiled = new Map<string, ValidateFunction>();
  const routes = Object.entries(doc.paths).flatMap(([template, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      pattern: new RegExp(`^/api/v1${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
      op: op!,
    })),
  );
  return {
    /** problems of one JSON body for `method url` with `status`; [] when it conforms */
    check(method: string, url: string, status: number, body: unknown): string[] {
      const pathname = new URL(url, "http://x").pathname;
      const route = routes.find((r) => r.method === method && r.pattern.test(pathname));
      if (!route) return [`${method} ${pathname} is not in the document`];
      const schema = route.op.responses[String(status)]?.content?.["application/json"]?.schema;
      if (!schema) return [`${method} ${pathname}: status ${status} is not documented`];
      const key = `${route.op.operationId} ${status}`;
      let validate = compiled.get(key);
      if (!validate) {
        validate = ajv.compile({ ...schema, components: doc.components });
        compiled.set(key, validate);
      }
      return validate(body) ? [] : (validate.errors ?? []).map((e) => `${route.op.operationId} ${status}: ${e.instancePath || "/"} ${e.message}`);
    },
  };
}
