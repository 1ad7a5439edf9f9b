import { z } from "zod";
import { endpoint } from "../endpoint";

export const metaEndpoints = {
  getOpenApiDocument: endpoint({
    method: "GET",
    path: "/openapi.json",
    tag: "meta",
    summary: "This API's OpenAPI 3.1 document",
    description: "Generated from the same schemas that validate requests; browsable at `/api`.",
    access: "public",
    response: {
      kind: "json",
      status: 200,
      schema: z.looseObject({ openapi: z.literal("3.1.0"), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }),
      description: "The document",
    },
    errors: [],
  }),
};
