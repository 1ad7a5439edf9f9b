// Pure. oras-go `auth.CleanScopes`: one scope per resource, actions merged, deduplicated and sorted,
// so equal permission sets give equal token-cache keys.

/**
 * `["repository:a:push", "repository:a:pull", "repository:a:pull"]` → `["repository:a:pull,push"]`.
 * A `*` action absorbs the others. Scopes that do not parse as `type:name:actions` are kept verbatim.
 */
export function cleanScopes(scopes: readonly string[]): string[] {
  const byResource = new Map<string, Set<string>>();
  const verbatim = new Set<string>();
  for (const raw of scopes) {
    for (const scope of raw.split(" ")) {
      if (!scope) continue;
      const first = scope.indexOf(":");
      const last = scope.lastIndexOf(":");
      if (first <= 0 || last === first) {
        verbatim.add(scope);
        continue;
      }
      const resource = scope.slice(0, last);
      const actions = byResource.get(resource) ?? new Set<string>();
      for (const action of scope.slice(last + 1).split(",")) if (action) actions.add(action);
      byResource.set(resource, actions);
    }
  }
  const out = [...verbatim];
  for (const [resource, actions] of byResource) {
    if (actions.size === 0) continue;
    const list = actions.has("*") ? ["*"] : [...actions].sort();
    out.push(`${resource}:${list.join(",")}`);
  }
  return out.sort();
}
