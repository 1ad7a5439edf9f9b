import type { Permission } from "@/lib/access/types";

/** An API token as lists show it: never the secret, never the hash. */
export interface ApiTokenDTO {
  id: string;
  name: string;
  /** first characters of the secret, enough to recognise it in a CI config */
  prefix: string;
  owner: { id: string; name: string };
  scopes: string[];
  permissions: Permission[];
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  status: "active" | "expired" | "revoked";
}

export interface CreatedApiTokenDTO {
  /** the secret, shown exactly once */
  token: string;
  info: ApiTokenDTO;
}
