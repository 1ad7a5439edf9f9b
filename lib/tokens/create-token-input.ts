import { z } from "zod";
import { PERMISSIONS } from "@/lib/access/permissions";
import { scopeSyntaxError } from "@/lib/access/scope-matches";
import type { Permission } from "@/lib/access/types";

/** A CI token that lives longer than a year is a forgotten credential. */
export const MAX_TOKEN_DAYS = 365;

const TOKENABLE = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => PERMISSIONS[p].tokenable);

/** Input of "create API token" (route handler and admin page share it). */
export const createTokenInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(
      z.string().superRefine((s, ctx) => {
        const why = scopeSyntaxError(s);
        if (why) ctx.addIssue({ code: "custom", message: why });
      }),
    )
    .min(1)
    .max(20),
  permissions: z
    .array(z.enum(TOKENABLE as [Permission, ...Permission[]]))
    .min(1)
    .transform((p) => [...new Set(p)]),
  expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).default(90),
});

export type CreateTokenInput = z.infer<typeof createTokenInput>;
