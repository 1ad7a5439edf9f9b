import { z } from "zod";
import { createTokenInput } from "@/lib/tokens/create-token-input";
import { optional } from "@/lib/validations/common";
import { endpoint } from "../endpoint";
import { apiTokenListSchema, createdApiTokenSchema } from "../schemas/tokens";

/** A token request is a name, a few globs and permissions. */
const MAX_TOKEN_BODY_BYTES = 16 * 1024;
const own = { permission: "token.manage-own", signIn: true, note: "An API token gets 403 here." } as const;

export const tokenEndpoints = {
  listApiTokens: endpoint({
    method: "GET",
    path: "/tokens",
    tag: "tokens",
    summary: "Your API tokens (`all=1`: everyone's, admins only)",
    description: "Newest first; never the secret, never its hash.",
    access: { ...own, note: `${own.note} \`all=1\` needs token.manage-all.` },
    query: z.object({ all: optional(z.enum(["0", "1"])).describe("`1`: every user's tokens (needs token.manage-all).") }),
    response: { kind: "json", status: 200, schema: apiTokenListSchema, description: "The tokens" },
    errors: ["FORBIDDEN"],
    cache: "no-store",
  }),
  createApiToken: endpoint({
    method: "POST",
    path: "/tokens",
    tag: "tokens",
    summary: "Create a token; the secret is in the response once and never again",
    description: "A token only narrows its owner's access (scopes and permissions are checked against the owner's grants on every use).",
    access: own,
    body: { schema: createTokenInput, maxBytes: MAX_TOKEN_BODY_BYTES },
    response: { kind: "json", status: 201, schema: createdApiTokenSchema, description: "The token and its secret" },
    errors: ["FORBIDDEN"],
  }),
  revokeApiToken: endpoint({
    method: "DELETE",
    path: "/tokens/{id}",
    tag: "tokens",
    summary: "Revoke a token (yours, or anyone's for admins)",
    description: "Someone else's token answers like a missing one. Revoking twice keeps the first revocation time.",
    access: { ...own, note: `${own.note} Admins (token.manage-all) may revoke anyone's.` },
    params: z.object({ id: z.string().regex(/^[a-z0-9]{1,64}$/, "not a token id").describe("Token id (`info.id` of the created token).") }),
    response: { kind: "empty", status: 204, description: "Revoked" },
    errors: ["FORBIDDEN", "NOT_FOUND"],
  }),
};
