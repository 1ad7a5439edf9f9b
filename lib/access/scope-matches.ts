import picomatch from "picomatch";
import type { AccessTarget } from "./types";

// `bash: true` makes a single `*` cross `/`, so `local/*` covers `local/demo/fraud-detection` as people expect
// from a registry path (Harbor/GitLab project globs behave the same); `dot: true` so no name is silently skipped.
const GLOB_OPTIONS = { bash: true, dot: true, nocase: false } as const;
const matchers = new Map<string, (s: string) => boolean>();

function matcher(glob: string): (s: string) => boolean {
  let m = matchers.get(glob);
  if (!m) {
    m = picomatch(glob, GLOB_OPTIONS);
    matchers.set(glob, m);
  }
  return m;
}

/**
 * Whether a scope (`registry-glob/repository-glob`, or `*`) covers a repository, or — without a repository —
 * covers anything in that registry (used to decide whether the registry is visible at all).
 */
export function scopeMatches(scope: string, target: AccessTarget): boolean {
  if (scope === "*") return true;
  const slash = scope.indexOf("/");
  const registryGlob = slash === -1 ? scope : scope.slice(0, slash);
  if (!matcher(registryGlob)(target.registry)) return false;
  if (target.repository === undefined) return true;
  if (slash === -1) return true;
  return matcher(scope)(`${target.registry}/${target.repository}`);
}
