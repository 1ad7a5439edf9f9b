import { describe, expect, it } from "vitest";
import { KIT_VALIDATION_CASES } from "@/test/reference/kitops-validation-cases";
import { originLabel } from "@/test/reference/origin";
import { parseKitfile } from "./parse-kitfile";
import { goCleanPath, validateKitfile } from "./validate-kitfile";

describe("validateKitfile: one Kitfile per rule of kit's validation", () => {
  it.each(KIT_VALIDATION_CASES.map((c) => [originLabel(c.origin), c] as const))("%s", (_label, c) => {
    const { kitfile } = parseKitfile(c.kitfile, "yaml");
    const messages = validateKitfile(kitfile).map((i) => i.message);
    if (c.errRegexp === "") {
      expect(messages).toEqual([]);
    } else {
      expect(messages.some((m) => new RegExp(c.errRegexp).test(m)), `${messages.join("\n")}\n!~ ${c.errRegexp}`).toBe(true);
    }
  });

  it("flags every invalid case and passes every valid one", () => {
    const invalid = KIT_VALIDATION_CASES.filter((c) => c.errRegexp !== "");
    const flagged = invalid.filter((c) => validateKitfile(parseKitfile(c.kitfile, "yaml").kitfile).length > 0);
    expect(flagged.length).toBe(invalid.length);
  });
});

describe("validateKitfile: rules and fields", () => {
  it("names the rule and the field at fault", () => {
    const { kitfile } = parseKitfile(
      "manifestVersion: 1.0.0\nmodel:\n  path: m.bin\n  parts:\n    - name: lora\n      path: ./m.bin\n      type: 'bad type'\n",
      "yaml",
    );
    expect(validateKitfile(kitfile)).toEqual([
      { rule: "duplicate-path", field: "model.parts[0].path", message: "model and modelpart lora use the same path m.bin" },
      { rule: "part-type-pattern", field: "model.parts[0].type", message: expect.stringContaining("modelpart lora has invalid type") },
    ]);
  });

  it("accepts the manifestVersion spellings kit's docs use and a Kitfile without one", () => {
    for (const v of ["1.0.0", "1.0", "v1.0.0"]) expect(validateKitfile({ manifestVersion: v })).toEqual([]);
    expect(validateKitfile({})).toEqual([]);
    expect(validateKitfile({ manifestVersion: "2.0.0" })[0]?.rule).toBe("manifest-version");
  });

  it("reports a duplicate mcpServer name once", () => {
    const issues = validateKitfile({
      mcpServers: [{ name: "fs", path: "a.mcpb" }, { name: "fs", path: "b.mcpb" }, { name: "fs", path: "c.mcpb" }],
    });
    expect(issues.map((i) => i.rule)).toEqual(["mcp-server-name-duplicate"]);
  });

  it("treats `..` that stays inside the context as local", () => {
    expect(validateKitfile({ code: [{ path: "src/../lib" }], docs: [{ path: "a/b/../../README.md" }] })).toEqual([]);
  });

  it("cleans paths like Go's path.Clean", () => {
    expect([goCleanPath(""), goCleanPath("./a//b/"), goCleanPath("a/../../b"), goCleanPath("/../x"), goCleanPath("./some/meandering/../../p")])
      .toEqual([".", "a/b", "../b", "/x", "p"]);
  });

  it("survives a hostile Kitfile with thousands of entries", () => {
    const code = Array.from({ length: 5000 }, (_, i) => ({ path: i % 2 ? "same" : `dir${i}` }));
    const issues = validateKitfile({ code });
    expect(issues.filter((i) => i.rule === "duplicate-path")).toHaveLength(1);
  });
});

describe("validateKitfile: hostile sizes", () => {
  it("checks remote-dataset collisions without comparing every pair, and caps the report", () => {
    // 20k remote datasets over 20k local entries: a pairwise check would be 400M comparisons
    const datasets = Array.from({ length: 20_000 }, (_, i) => ({ path: `r${i}`, remotePath: "s3://b/k", remoteHash: "h" }));
    const code = Array.from({ length: 20_000 }, (_, i) => ({ path: `r${i}/inside` }));
    const issues = validateKitfile({ datasets, code });
    expect(issues).toHaveLength(201);
    expect(issues[0]).toMatchObject({ rule: "remote-dataset-collision", field: "code[0].path" });
    expect(issues[200]!.message).toBe("and 19800 more problems of this Kitfile");
  });

  it("a remote dataset at the context root claims every other path", () => {
    const issues = validateKitfile({ datasets: [{ path: ".", remotePath: "s3://b/k", remoteHash: "h" }], code: [{ path: "src" }] });
    expect(issues.map((i) => i.field)).toEqual(["code[0].path"]);
  });
});
