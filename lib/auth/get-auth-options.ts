import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { headers } from "next/headers";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requestOrigin } from "@/lib/http/request-origin";
import { getConfig } from "@/lib/config/get-config";
import type { KitgateConfig, OidcConfig } from "@/lib/config/types";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { extractGroups } from "./extract-groups";
import { fetchUserinfoClaims } from "./fetch-userinfo-claims";
import { recordSignIn } from "./record-sign-in";
import { resolveAuthSecret } from "./resolve-auth-secret";
import { assertSignInAllowed, recordSignInFailure, recordSignInSuccess } from "./sign-in-throttle";
import type { SignInIdentity } from "./types";
import { verifyLocalPassword } from "./verify-local-password";
import { logger } from "@/lib/observability/logger";

export const OIDC_PROVIDER_ID = "oidc";
export const LOCAL_PROVIDER_ID = "local";

// Built once per loaded config object: an edited kitgate.yaml yields a new object and new options.
const memo = new WeakMap<KitgateConfig, NextAuthOptions>();

/** next-auth options from kitgate.yaml: the configured OIDC provider and/or local accounts, JWT sessions. */
export async function getAuthOptions(): Promise<NextAuthOptions> {
  const config = await getConfig();
  let options = memo.get(config);
  if (!options) {
    options = build(config);
    memo.set(config, options);
  }
  return options;
}

type IdentityUser = SignInIdentity & { id: string };

function build(config: KitgateConfig): NextAuthOptions {
  const auth = config.auth ?? { localUsers: [], databaseUsers: true, sessionMaxAgeMinutes: 8 * 60 };
  const providers: NextAuthOptions["providers"] = [];
  if (auth.oidc) providers.push(oidcProvider(auth.oidc));
  if (auth.localUsers.length > 0 || auth.databaseUsers) {
    providers.push(
      CredentialsProvider({
        id: LOCAL_PROVIDER_ID,
        name: "Local account",
        credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const username = String(credentials?.username ?? "").trim().toLowerCase().slice(0, 64);
          const origin = requestOrigin(new Headers(req.headers as Record<string, string>));
          // throws while the account or this client is locked out; next-auth shows its message on /signin
          await assertSignInAllowed(username, origin.ip);
          const identity = await verifyLocalPassword(auth, username, String(credentials?.password ?? ""));
          if (!identity) {
            await recordAuditEvent({
              action: "auth.sign-in-failed",
              actorName: username || null,
              ...origin,
              details: { provider: LOCAL_PROVIDER_ID },
            });
            await recordSignInFailure(username, origin.ip, origin.userAgent);
            return null;
          }
          await recordSignInSuccess(username);
          return identity as IdentityUser;
        },
      }),
    );
  }
  return {
    providers,
    secret: resolveAuthSecret(env),
    session: { strategy: "jwt", maxAge: auth.sessionMaxAgeMinutes * 60 },
    jwt: { maxAge: auth.sessionMaxAgeMinutes * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      async signIn({ user }) {
        const identity = user as unknown as IdentityUser;
        const { allowed } = await recordSignIn(identity);
        if (!allowed) {
          await audit("auth.disabled-user-blocked", identity.id, identity.name, { provider: identity.provider });
          return false;
        }
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          const identity = user as unknown as IdentityUser;
          token.sub = identity.id;
          token.groups = identity.groups;
          token.provider = identity.provider;
          // getActor accepts the cookie only while the user's version is unchanged; sign-out bumps it
          token.sv = (await db.user.findUnique({ where: { id: identity.id }, select: { sessionVersion: true } }))?.sessionVersion ?? 0;
        }
        return token;
      },
      async session({ session, token }) {
        // Only the id and version matter for authorisation (getActor re-reads the User row each request); groups are for display.
        session.user = { id: token.sub ?? "", name: token.name ?? null, email: token.email ?? null, groups: token.groups ?? [], sessionVersion: token.sv ?? 0 };
        return session;
      },
    },
    events: {
      async signIn({ user, account }) {
        await audit("auth.sign-in", user.id, user.name ?? null, { provider: account?.provider ?? null });
      },
      async signOut({ token }) {
        // A JWT cannot be recalled, so sign-out retires every cookie issued to this user so far (red-team finding 10):
        // a copied cookie stops working at its next request, on every device.
        if (token?.sub) await db.user.updateMany({ where: { id: token.sub }, data: { sessionVersion: { increment: 1 } } });
        await audit("auth.sign-out", token?.sub ?? null, token?.name ?? null, {});
      },
    },
    logger: {
      error(code, metadata) {
        logger.error({ code, error: metadata instanceof Error ? metadata.message : undefined }, "next-auth");
        if (code === "OAUTH_CALLBACK_ERROR" || code === "SIGNIN_OAUTH_ERROR") {
          void audit("auth.sign-in-failed", null, null, { provider: OIDC_PROVIDER_ID, code });
        }
      },
      warn() {},
      debug() {},
    },
  };
}

function oidcProvider(oidc: OidcConfig): OAuthConfig<Record<string, unknown>> {
  const issuer = oidc.issuer.replace(/\/+$/, "");
  return {
    id: OIDC_PROVIDER_ID,
    name: oidc.name,
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: oidc.clientId,
    ...(oidc.clientSecret ? { clientSecret: oidc.clientSecret } : { client: { token_endpoint_auth_method: "none" } }),
    authorization: { params: { scope: oidc.scopes.join(" ") } },
    idToken: true,
    checks: ["pkce", "state"],
    async profile(claims, tokens) {
      let groups = extractGroups(claims, oidc.groupsClaim, oidc.groupFilter);
      if (groups === null && tokens.access_token) {
        groups = extractGroups(await fetchUserinfoClaims(issuer, tokens.access_token), oidc.groupsClaim, oidc.groupFilter);
      }
      const sub = String(claims.sub);
      const username = str(claims.preferred_username) ?? str(claims.email) ?? sub;
      const identity: IdentityUser = {
        id: `oidc:${sub}`,
        provider: "oidc",
        username,
        name: str(claims.name) ?? username,
        email: str(claims.email),
        groups: groups ?? [],
      };
      return identity;
    },
  };
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.length > 0 ? v.slice(0, 200) : null;
}

async function audit(
  action: "auth.sign-in" | "auth.sign-out" | "auth.sign-in-failed" | "auth.disabled-user-blocked",
  actorId: string | null,
  actorName: string | null,
  details: Record<string, unknown>,
): Promise<void> {
  let origin: { ip: string | null; userAgent: string | null } = { ip: null, userAgent: null };
  try {
    origin = requestOrigin(await headers());
  } catch {
    // outside a request scope (tests): no origin to record
  }
  await recordAuditEvent({ action, actorId, actorName, ...origin, details });
}
