import type { z } from "zod";

/**
 * Response schemas that get a name in the OpenAPI document (`#/components/schemas/<id>`): the DTOs clients reuse
 * across operations. Everything else is inlined where it is used.
 */
export const componentSchemas = new Map<string, z.ZodType>();

export function named<T extends z.ZodType>(id: string, schema: T): T {
  if (componentSchemas.has(id)) throw new TypeError(`schema name ${id} is used twice`);
  componentSchemas.set(id, schema);
  return schema;
}
