import { mkdtemp, rm, symlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadPolicies } from "./load-policies";
import { ENVIRONMENTS } from "./test-fixtures";

let dir: string;
beforeEach(async () => {
  dir = path.join(await mkdtemp(path.join(tmpdir(), "kitgate-policies-")), "policies");
  await (await import("node:fs/promises")).mkdir(dir);
});
afterEach(async () => {
  await rm(path.dirname(dir), { recursive: true, force: true });
});

describe("loadPolicies", () => {
  it("reads every YAML file, names them relative to the directory, and re-reads an edited file", async () => {
    await writeFile(path.join(dir, "gates.yaml"), "gates:\n  - { environment: dev, maxSeverity: error }\n");
    await writeFile(path.join(dir, "README.md"), "not a policy");
    const first = await loadPolicies(dir, { environments: ENVIRONMENTS });
    expect(first.files).toEqual(["policies/gates.yaml"]);
    expect(first.gates[0]!.maxSeverity).toBe("error");
    expect(await loadPolicies(dir, { environments: ENVIRONMENTS })).toBe(first);

    await writeFile(path.join(dir, "gates.yaml"), "gates:\n  - { environment: dev, maxSeverity: concern }\n");
    // force a different mtime: two writes within the filesystem's timestamp granularity would look unchanged
    await utimes(path.join(dir, "gates.yaml"), new Date(2030, 0, 1), new Date(2030, 0, 1));
    const second = await loadPolicies(dir, { environments: ENVIRONMENTS });
    expect(second.gates[0]!.maxSeverity).toBe("concern");
    expect(second.digest).not.toBe(first.digest);
  });

  it("names the file and key of a problem", async () => {
    await writeFile(path.join(dir, "tiers.yaml"), "tiers:\n  - { name: A }\n  - { name: B, requires: [{ scanners: [x] }] }\n");
    await expect(loadPolicies(dir, { environments: ENVIRONMENTS })).rejects.toThrow("policies/tiers.yaml: tiers[1].requires[0].predicateType: required");
  });

  it("ignores symlinks (a policy must be a file in the directory) and fails clearly on a missing directory", async () => {
    await writeFile(path.join(dir, "..", "outside.yaml"), "gates: [{ environment: nope }]\n");
    await symlink(path.join(dir, "..", "outside.yaml"), path.join(dir, "linked.yaml"));
    expect((await loadPolicies(dir, { environments: ENVIRONMENTS })).files).toEqual([]);
    await expect(loadPolicies(path.join(dir, "missing"), { environments: ENVIRONMENTS })).rejects.toThrow(/policies: cannot read directory/);
  });
});
