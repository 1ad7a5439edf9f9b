// A real OpenID Provider (npm oidc-provider) on loopback for the auth e2e suite. Users sit in different groups;
// "gina" behaves like GitLab: her groups are only in /userinfo, not in the id_token. The dev login form accepts
// any password (the login name picks the account), which is fine for a test IdP.
import { randomBytes } from "node:crypto";
import http from "node:http";
import Provider from "oidc-provider";

const PORT = Number(process.env.OIDC_PORT ?? 4100);
const ISSUER = `http://127.0.0.1:${PORT}`;
const APP = process.env.OIDC_APP_URL ?? "http://127.0.0.1:3101";
if (!process.env.E2E_OIDC_SECRET) throw new Error("E2E_OIDC_SECRET is not set (playwright.config.ts passes a per-run value)");

const USERS = {
  alice: { name: "Alice Fraud", email: "alice@example.test", groups: ["fraud-team"] },
  bob: { name: "Bob Churn", email: "bob@example.test", groups: ["churn-team"] },
  gina: { name: "Gina GitLab", email: "gina@example.test", groups: ["churn-team"], groupsOnlyInUserinfo: true },
  root: { name: "Root Admin", email: "root@example.test", groups: ["kg-admins"] },
  // the approvals journey (e2e/approvals.spec.ts): a data scientist who requests, a manager who approves
  dana: { name: "Dana Scientist", email: "dana@example.test", groups: ["ds-team"] },
  max: { name: "Max Manager", email: "max@example.test", groups: ["mgr-team"] },
};

const provider = new Provider(ISSUER, {
  clients: [
    {
      client_id: "kitgate-e2e",
      client_secret: process.env.E2E_OIDC_SECRET,
      redirect_uris: [`${APP}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  scopes: ["openid", "profile", "email", "groups"],
  claims: { openid: ["sub"], profile: ["name", "preferred_username"], email: ["email", "email_verified"], groups: ["groups"] },
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  async findAccount(_ctx, sub) {
    const u = USERS[sub] ?? { name: sub, groups: [] };
    return {
      accountId: sub,
      async claims(use) {
        const base = { sub, preferred_username: sub, name: u.name, email: u.email, email_verified: true };
        return u.groupsOnlyInUserinfo && use === "id_token" ? base : { ...base, groups: u.groups };
      },
    };
  },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: [randomBytes(32).toString("hex")] },
});

http.createServer(provider.callback()).listen(PORT, "127.0.0.1", () => console.log(`test IdP on ${ISSUER}`));
