import { describe, expect, it } from "vitest";
import { configFileSchema } from "./config-schema";

const base = { registries: [{ name: "local", layout: "./data/registry" }] };

describe("config: audit.checkpoints", () => {
  it("defaults: a checkpoint every 1000 rows or 60 s, a full verification every hour", () => {
    expect(configFileSchema.parse({ ...base, audit: {} }).audit).toEqual({
      checkpoints: { everyRows: 1000, everySeconds: 60 },
      fullVerificationEveryMinutes: 60,
    });
  });

  it("takes a file, a registry repository and earlier public keys", () => {
    const audit = { checkpoints: { file: "./data/cp.jsonl", repository: "acme/kitgate/audit", everyRows: 100, trustedKeys: ["./old.pub"] } };
    expect(configFileSchema.parse({ ...base, audit }).audit?.checkpoints).toMatchObject(audit.checkpoints);
  });

  it("names the bad key", () => {
    const bad = (audit: unknown) => configFileSchema.safeParse({ ...base, audit }).error?.issues.map((i) => i.path.join("."));
    expect(bad({ checkpoints: { repository: "no-registry-part" } })).toEqual(["audit.checkpoints.repository"]);
    expect(bad({ checkpoints: { repository: "acme/Upper/Case" } })).toEqual(["audit.checkpoints.repository"]);
    expect(bad({ checkpoints: { everyRows: 0 } })).toEqual(["audit.checkpoints.everyRows"]);
    expect(bad({ checkpoints: { every: 5 } })).toEqual(["audit.checkpoints"]);
  });
});
