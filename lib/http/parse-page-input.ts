import "server-only";
import type { z } from "zod";
import { toPublicError, type PublicError } from "./to-public-error";

export type ParsedInput<T> = { ok: true; data: T } | { ok: false; error: PublicError };

/** Pages get `params`/`searchParams` as Promises (Next 15+); await and validate them in one step. */
export async function parsePageInput<S extends z.ZodType>(
  schema: S,
  input: Promise<Record<string, string | string[] | undefined>> | Record<string, string | string[] | undefined>,
): Promise<ParsedInput<z.infer<S>>> {
  const parsed = schema.safeParse(await input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, error: toPublicError(parsed.error) };
}
