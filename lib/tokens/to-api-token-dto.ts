import type { Permission } from "@/lib/access/types";
import { tokenStatus } from "./token-status";
import type { ApiTokenDTO } from "./types";

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: unknown;
  permissions: unknown;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  user: { id: string; name: string };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** Row → DTO: drops the hash, turns dates into ISO strings. */
export function toApiTokenDTO(row: TokenRow, now: Date): ApiTokenDTO {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    owner: { id: row.user.id, name: row.user.name },
    scopes: strings(row.scopes),
    permissions: strings(row.permissions) as Permission[],
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: tokenStatus(row, now),
  };
}
