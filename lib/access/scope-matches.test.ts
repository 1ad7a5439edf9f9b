import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { scopeMatches, scopeSyntaxError, scopeWithin } from "./scope-matches";

describe("scopeMatches", () => {
  it.each([
    ["*", "any", "thing/at/all", true],
    ["local/*", "local", "demo/fraud-detection", true],
    ["local/*", "localx", "demo", false],
    ["local", "local", "demo/fraud-detection", true],
    ["acme/fraud-*", "acme", "fraud-detection", true],
    ["acme/fraud-*", "acme", "team/fraud-detection", false],
    // `*` inside a segment stays inside it: fraud-* is not a way to reach fraud-x/anything
    ["acme/fraud-*", "acme", "fraud-x/sub", false],
    ["acme/team/*", "acme", "team/a", true],
    ["acme/team/*", "acme", "team/a/b", true],
    ["acme/team/*", "acme", "team", false],
    ["acme/team/*", "acme", "teamx/a", false],
    ["*/public-*", "ghcr", "public-models", true],
    ["acme/*/models", "acme", "x/models", true],
    ["acme/*/models", "acme", "x/y/models", false],
    ["acme/{a,b}", "acme", "b", true],
    ["acme/{a,b}", "acme", "c", false],
    ["acme/{fraud-*,churn}", "acme", "fraud-1", true],
    ["acme/*-detect*-v*", "acme", "fraud-detection-v2", true],
    ["acme/*-detect*-v*", "acme", "fraud-detection-2", false],
    ["acme/fraud-detection", "acme", "fraud-detection-2", false],
    ["{acme,local}/demo/*", "local", "demo/x", true],
  ])("%s covers %s/%s → %s", (scope, registry, repository, expected) => {
    expect(scopeMatches(scope, { registry, repository })).toBe(expected);
  });

  it("treats a registry-only target as 'anything in that registry'", () => {
    expect(scopeMatches("acme/fraud-*", { registry: "acme" })).toBe(true);
    expect(scopeMatches("acme/fraud-*", { registry: "local" })).toBe(false);
  });

  it.each([
    ["local/*?*?*?*?*?*?X", /no `\?`/],
    ["local/[ab]", /no `\?`/],
    ["local/!(x)", /no `\?`/],
    ["local/**", /`\*\*` is not supported/],
    ["local//x", /empty path segment/],
    ["/local", /empty path segment/],
    ["local/../x", /`\.\.`/],
    ["local/a*b*c*d*e*f", /at most 4/],
    [`local/${"a".repeat(200)}`, /at most 200/],
    ["local/{a,b", /no `\?`/],
    ["", /empty/],
  ])("refuses %s", (scope, why) => {
    expect(scopeSyntaxError(scope)).toMatch(why);
    // and an invalid scope stored earlier covers nothing
    expect(scopeMatches(scope, { registry: "local", repository: "x" })).toBe(false);
  });
});

describe("scopeWithin", () => {
  it.each([
    ["local/demo/fraud-*", "local/*", true],
    ["local/demo/fraud-*", "local/demo/*", true],
    ["local/demo/fraud-*", "local/demo/fraud-*", true],
    ["local/demo/fraud-detection", "local/demo/fraud-*", true],
    ["local/demo/{fraud-a,fraud-b}", "local/demo/fraud-*", true],
    ["local/demo/fraud-*", "local/demo/fraud-detection", false],
    ["local/demo/*", "local/demo/fraud-*", false],
    ["local/*", "local/demo/*", false],
    ["local", "local/*", true],
    ["*", "local/*", false],
    ["anything/x", "*", true],
    ["local/demo/*", "*/demo/*", true],
    ["local/demo/x-*-y", "local/demo/x-*", true],
    ["local/demo/x-*", "local/demo/*-y", false],
    ["local/a/b/c", "local/*", true],
    ["local/a", "local/a/*", false],
    ["local/a/*", "local/a", false],
  ])("%s ⊆ %s → %s", (inner, outer, expected) => {
    expect(scopeWithin(inner, outer)).toBe(expected);
  });
});

// ── property test: random scopes × random names ───────────────────────────────────────────────────────────
// A slow but obviously right reference: every alternative becomes an anchored regular expression (built only
// from the tests' own bounded patterns), the tail a `(/[^/]+)+`.
function reference(scope: string, registry: string, repository: string): boolean {
  if (scope === "*") return true;
  const parts = scope.split("/");
  const tail = parts.length === 1 || parts[parts.length - 1] === "*";
  const fixed = parts.length === 1 ? parts : tail ? parts.slice(0, -1) : parts;
  const seg = (p: string) => {
    const alts = /^\{(.*)\}$/.exec(p)?.[1]?.split(",") ?? [p];
    return `(?:${alts.map((a) => a.split("*").map((x) => x.replace(/[.\-]/g, "\\$&")).join("[^/]*")).join("|")})`;
  };
  const re = new RegExp(`^${fixed.map(seg).join("/")}${tail ? "(?:/[^/]+)+" : ""}$`);
  return re.test(`${registry}/${repository}`);
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

describe("scope matching property", () => {
  it("agrees with a reference and every match takes well under a millisecond", () => {
    const rand = rng(20261202);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const alphabet = ["a", "b", "x", "-", ".", "_", "1"];
    const word = (n: number) => Array.from({ length: n }, () => pick(alphabet)).join("");
    const patSegment = () => {
      const stars = Math.floor(rand() * 5);
      let s = "";
      for (let i = 0; i <= stars; i++) s += word(Math.floor(rand() * 4)) + (i < stars ? "*" : "");
      return s.replace(/\*\*+/g, "*") || "a";
    };
    const segment = () => (rand() < 0.15 ? `{${[patSegment(), patSegment(), patSegment()].join(",")}}` : patSegment());
    const scopes: string[] = ["*"];
    while (scopes.length < 2000) {
      const n = 1 + Math.floor(rand() * 5);
      const s = Array.from({ length: n }, segment).join("/") + (rand() < 0.3 ? "/*" : "");
      if (scopeSyntaxError(s) === null) scopes.push(s);
    }
    // adversarial shapes for a backtracking matcher: many stars against long runs that almost match
    scopes.push(`a/${"a*".repeat(4)}X`, `a/*a*a*a*a`, `{a,b}/${"*ab".repeat(4)}`);
    const names: [string, string][] = [];
    for (let i = 0; i < 60; i++) {
      const depth = 1 + Math.floor(rand() * 5);
      names.push([word(1 + Math.floor(rand() * 3)) || "a", Array.from({ length: depth }, () => word(1 + Math.floor(rand() * 8)) || "b").join("/")]);
    }
    names.push(["a", "a".repeat(180)], ["a", `${"ab".repeat(60)}`], ["a", Array.from({ length: 12 }, () => "a".repeat(14)).join("/")]);

    let max = 0;
    let checks = 0;
    let agreeing = 0;
    for (const scope of scopes) {
      for (const [registry, repository] of names) {
        // best of three: a GC pause or a descheduled core on a shared machine is not the matcher's cost
        let dt = Infinity;
        let got = false;
        for (let r = 0; r < 3; r++) {
          const t0 = performance.now();
          got = scopeMatches(scope, { registry, repository });
          dt = Math.min(dt, performance.now() - t0);
        }
        if (dt > max) max = dt;
        checks++;
        if (got === reference(scope, registry, repository)) agreeing++;
        else expect({ scope, registry, repository, got }).toEqual({ scope, registry, repository, got: !got });
      }
    }
    console.log(`scope property: ${checks} matches (${scopes.length} scopes × ${names.length} names), slowest ${(max * 1000).toFixed(1)} µs`);
    expect(agreeing).toBe(checks);
    // generous: the machine is shared; a backtracking matcher took seconds on the adversarial shapes
    expect(max).toBeLessThan(1);
  });
});
