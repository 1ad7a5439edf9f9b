// API tokens (lib/tokens/types.ts).
import { z } from "zod";
import { PERMISSIONS } from "@/lib/access/permissions";
import type { Permission } from "@/lib/access/types";
import { named } from "./components";

const permission = z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]]);

export const apiTokenSchema = named(
  "ApiToken",
  z.strictObject({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe("first characters of the secret, to recognise it in a CI config"),
    owner: z.strictObject({ id: z.string(), name: z.string() }),
    scopes: z.array(z.string()),
    permissions: z.array(permission),
    createdAt: z.string(),
    expiresAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    status: z.enum(["active", "expired", "revoked"]),
  }),
);
export const apiTokenListSchema = z.strictObject({ items: z.array(apiTokenSchema) });
export const createdApiTokenSchema = named(
  "CreatedApiToken",
  z.strictObject({ token: z.string().describe("the secret: shown exactly once, never stored"), info: apiTokenSchema }),
);
