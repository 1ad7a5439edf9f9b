import picomatch from "picomatch";

// Same glob flavour as access scopes (lib/access/scope-matches.ts): `bash: true` lets `health/*` cover
// `health/team/model` as people expect of registry paths; `dot: true` so no name is silently skipped.
const GLOB_OPTIONS = { bash: true, dot: true, nocase: false, strictBrackets: true } as const;
const matchers = new Map<string, (s: string) => boolean>();

/** Whether `value` matches `glob` (globs are validated at load, so this does not throw on policy input). */
export function matchGlob(glob: string, value: string): boolean {
  let m = matchers.get(glob);
  if (!m) {
    m = picomatch(glob, GLOB_OPTIONS);
    matchers.set(glob, m);
  }
  return m(value);
}
