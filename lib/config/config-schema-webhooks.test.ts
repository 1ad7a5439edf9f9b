import { describe, expect, it } from "vitest";
import { configFileSchema } from "./config-schema";

const base = { registries: [{ name: "local", layout: "./x" }] };
const issues = (extra: object) => {
  const r = configFileSchema.safeParse({ ...base, ...extra });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("config webhooks", () => {
  it("accepts an https URL with a secret env var and known events", () => {
    expect(issues({ webhooks: [{ url: "https://hooks.acme.example/kitgate", secretEnv: "HOOK_SECRET", events: ["decision", "drift"] }] })).toEqual([]);
  });

  it.each([
    [{ url: "ftp://x.example/", secretEnv: "S", events: ["request"] }, "webhooks.0.url"],
    [{ url: "https://x.example/", secret: "inline", secretEnv: "S", events: ["request"] }, "Unrecognized key"],
    [{ url: "https://x.example/", secretEnv: "S", events: ["deploy"] }, "webhooks.0.events.0"],
    [{ url: "https://x.example/", secretEnv: "S", events: [] }, "at least one event"],
    [{ url: "https://x.example/", events: ["request"] }, "webhooks.0.secretEnv"],
  ])("rejects %j", (hook, message) => {
    expect(issues({ webhooks: [hook] }).join("\n")).toContain(message);
  });
});
