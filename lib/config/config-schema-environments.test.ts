import { describe, expect, it } from "vitest";
import { configFileSchema } from "./config-schema";

const base = { registries: [{ name: "local", layout: "./x" }] };
const issues = (extra: object) => {
  const r = configFileSchema.safeParse({ ...base, ...extra });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("config environments and policies", () => {
  it("accepts a promotion order and a policies directory", () => {
    expect(issues({ policies: "./policies/", environments: [{ name: "dev" }, { name: "staging", after: "dev" }, { name: "production", after: "staging" }] })).toEqual([]);
  });

  it.each([
    [[{ name: "dev" }, { name: "dev" }], 'environments.1.name: duplicate environment "dev"'],
    [[{ name: "staging", after: "dev" }], 'environments.0.after: unknown environment "dev"'],
    [[{ name: "a", after: "b" }, { name: "b", after: "a" }], "environments.0.after: environment order loops (a → b → a)"],
    [[{ name: "Prod Env" }], "environments.0.name: must match"],
    [[{ name: "dev", gate: {} }], "environments.0: Unrecognized key"],
  ])("rejects %j", (environments, message) => {
    expect(issues({ environments }).join("\n")).toContain(message);
  });

  it("policies must be a path", () => {
    expect(issues({ policies: { tiers: [] } }).join("\n")).toMatch(/^policies: /);
  });
});
