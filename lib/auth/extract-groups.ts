/** Entra/Okta can emit hundreds of groups; more than this in one token is a misconfiguration, not data. */
export const MAX_GROUPS = 500;
const MAX_GROUP_CHARS = 256;

/**
 * Groups from an id_token or userinfo claim set. `claim` may be a dotted path (`realm_access.roles` for Keycloak
 * realm roles). A string claim counts as one group. Returns null when the claim is absent, so the caller can
 * fall back to userinfo (GitLab sends groups only there). `filter` keeps matching groups only.
 */
export function extractGroups(claims: Record<string, unknown>, claim: string, filter?: string): string[] | null {
  let value: unknown = claims;
  for (const part of claim.split(".")) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
    value = (value as Record<string, unknown>)[part];
  }
  if (value === undefined || value === null) return null;
  const list = Array.isArray(value) ? value : [value];
  const re = filter ? new RegExp(filter) : null;
  const groups = list
    .filter((g): g is string => typeof g === "string" && g.length > 0 && g.length <= MAX_GROUP_CHARS)
    .filter((g) => !re || re.test(g));
  return [...new Set(groups)].slice(0, MAX_GROUPS);
}
