import "server-only";
import { LOCAL_PROVIDER_ID, OIDC_PROVIDER_ID } from "@/lib/auth/get-auth-options";
import { getConfig } from "@/lib/config/get-config";

export interface SignInOptions {
  oidc: { id: string; name: string } | null;
  local: { id: string } | null;
}

/**
 * The sign-in buttons the configuration allows. No `auth:` section means the demo's local users, so the password
 * form shows then too.
 */
export async function getSignInOptions(): Promise<SignInOptions> {
  const auth = (await getConfig()).auth;
  return {
    oidc: auth?.oidc ? { id: OIDC_PROVIDER_ID, name: auth.oidc.name } : null,
    local: !auth || auth.localUsers.length > 0 || auth.databaseUsers ? { id: LOCAL_PROVIDER_ID } : null,
  };
}
