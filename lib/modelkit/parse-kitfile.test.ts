import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { kitfileToYaml } from "./kitfile-to-yaml";
import { parseKitfile } from "./parse-kitfile";

const dg = (c: string) => `sha256:${c.repeat(64)}`;

const yamlKitfile = `
manifestVersion: 1.0.0
package:
  name: churn-predictor
  version: 2.1          # a YAML number; kit reads it as the text "2.1"
  authors: [Ana, Bo]
model:
  name: churn
  path: model/churn.onnx
  framework: onnx
  parts:
    - name: tokenizer
      path: model/tokenizer.json
      type: tokenizer
  parameters:
    layers: 4
    dropout: 0.1
code:
  - path: src
datasets:
  - name: train
    path: data/train.parquet
  - name: archive
    path: data/archive
    remotePath: s3://bucket/archive.tar
    remoteHash: 0a1b2c
docs:
  - path: README.md
prompts:
  - path: prompts/system.md
mcpServers:
  - name: tools
    path: tools.mcpb
`;

function expectCode(fn: () => unknown, code: string, pattern?: RegExp): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    if (pattern) expect((e as AppError).message).toMatch(pattern);
    return e as AppError;
  }
  throw new Error(`expected ${code}`);
}

describe("parseKitfile", () => {
  it("reads every section of a YAML Kitfile", () => {
    const { kitfile, warnings } = parseKitfile(yamlKitfile, "yaml");
    expect(warnings).toEqual([]);
    expect(kitfile.package).toEqual({ name: "churn-predictor", version: "2.1", authors: ["Ana", "Bo"] });
    expect(kitfile.model?.parts?.[0]).toEqual({ name: "tokenizer", path: "model/tokenizer.json", type: "tokenizer" });
    expect(kitfile.model?.parameters).toEqual({ layers: 4, dropout: 0.1 });
    expect(kitfile.datasets?.[1]?.remotePath).toBe("s3://bucket/archive.tar");
    expect(kitfile.prompts?.[0]?.path).toBe("prompts/system.md");
    expect(kitfile.mcpServers?.[0]?.name).toBe("tools");
  });

  it("reads config JSON with per-entry digests from bytes", () => {
    const config = { manifestVersion: "1.0.0", package: {}, model: { path: "m.bin", digest: dg("a"), diffId: dg("b") } };
    const { kitfile } = parseKitfile(new TextEncoder().encode(JSON.stringify(config)), "json");
    expect(kitfile.model).toEqual({ path: "m.bin", digest: dg("a"), diffId: dg("b") });
  });

  it.each([["v1.0.0"], ["2.0.0"], ["1.0"]])("keeps manifestVersion %s as written (kit's validation judges it)", (version) => {
    const { kitfile, warnings } = parseKitfile(`manifestVersion: ${version}\npackage: {name: x}\n`, "yaml");
    expect(kitfile).toEqual({ manifestVersion: version, package: { name: "x" } });
    expect(warnings).toEqual([]);
  });

  it("reads scalars in string fields as their text, like yaml.v3, and leaves parameters typed", () => {
    const { kitfile } = parseKitfile(
      "manifestVersion: 1.0\npackage:\n  version: 0x1F\n  authors: [1.50, true, ~]\nmodel:\n  version: 2.10\n  parameters: {lr: 1.0e-3, hex: 0xFF, on: true}\n",
      "yaml",
    );
    expect(kitfile).toEqual({
      manifestVersion: "1.0",
      package: { version: "0x1F", authors: ["1.50", "true", ""] },
      model: { version: "2.10", parameters: { lr: 0.001, hex: 255, on: true } },
    });
  });

  it("keeps the kit v0.1–v0.2 fields model.training, model.validation and datasets[].preprocessing", () => {
    const { kitfile, warnings } = parseKitfile(
      JSON.stringify({
        manifestVersion: "1.0.0",
        package: {},
        model: { name: "m", path: "m.joblib", training: { dataset: "train", parameters: { epochs: 3 } }, validation: { dataset: "val", metrics: { f1: 0.9 } } },
        datasets: [{ name: "train", path: "data/train.csv", preprocessing: "dedup, lower-case" }],
      }),
      "json",
    );
    expect(warnings).toEqual([]);
    expect(kitfile.model?.training).toEqual({ dataset: "train", parameters: { epochs: 3 } });
    expect(kitfile.model?.validation).toEqual({ dataset: "val", metrics: { f1: 0.9 } });
    expect(kitfile.datasets?.[0]?.preprocessing).toBe("dedup, lower-case");
  });

  it("drops unknown keys with a warning naming each one", () => {
    const { kitfile, warnings } = parseKitfile(
      `manifestVersion: 1.0.0\nfutureSection: {a: 1}\nmodel:\n  path: m\n  quantum: yes\ncode:\n  - path: src\n    owner: me\n`,
      "yaml",
    );
    expect(kitfile).toEqual({ manifestVersion: "1.0.0", model: { path: "m" }, code: [{ path: "src" }] });
    expect(warnings).toEqual(
      expect.arrayContaining([
        "unknown Kitfile key futureSection ignored",
        "unknown Kitfile key model.quantum ignored",
        "unknown Kitfile key code[0].owner ignored",
      ]),
    );
  });

  it("reports the line and column of broken YAML", () => {
    const err = expectCode(() => parseKitfile("manifestVersion: 1.0.0\npackage:\n  name: [unclosed\n", "yaml"), "MALFORMED_CONTENT", /line \d+, column \d+/);
    expect(err.details?.line).toEqual(expect.any(Number));
  });

  it.each([
    ["duplicate keys", "model: {path: a}\nmodel: {path: b}\n", "yaml", /line/],
    ["custom tags", "manifestVersion: !evil 1.0.0\n", "yaml", /tag/],
    ["a scalar document", "just text", "yaml", /mapping/],
    ["wrong type in a list", "code: {path: src}\n", "yaml", /code/],
    ["broken JSON", '{"model":', "json", /JSON/],
  ])("rejects %s with MALFORMED_CONTENT", (_n, input, kind, pattern) => {
    expectCode(() => parseKitfile(input, kind as "json" | "yaml"), "MALFORMED_CONTENT", pattern);
  });

  it("stops alias bombs", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
    expectCode(() => parseKitfile(`package: {name: x}\n${lines.join("\n")}\n`, "yaml"), "MALFORMED_CONTENT");
  });

  it("refuses input over 1 MiB", () => {
    expectCode(() => parseKitfile(`# ${"x".repeat(1024 * 1024)}\n`, "yaml"), "LIMIT_EXCEEDED");
  });
});

describe("kitfileToYaml", () => {
  it("shows the Kitfile without digests and diffIds, in kit's key order", () => {
    const { kitfile } = parseKitfile(
      JSON.stringify({
        docs: [{ path: "README.md", digest: dg("d"), diffId: dg("d") }],
        model: { path: "m.bin", name: "m", digest: dg("a"), diffId: dg("b"), parts: [{ path: "p", digest: dg("c") }] },
        manifestVersion: "1.0.0",
        package: { name: "demo" },
      }),
      "json",
    );
    const text = kitfileToYaml(kitfile);
    expect(text).not.toMatch(/digest|diffId/);
    expect(parse(text)).toEqual({ manifestVersion: "1.0.0", package: { name: "demo" }, model: { name: "m", path: "m.bin", parts: [{ path: "p" }] }, docs: [{ path: "README.md" }] });
    expect(text.indexOf("manifestVersion")).toBeLessThan(text.indexOf("model:"));
    expect(text.indexOf("model:")).toBeLessThan(text.indexOf("docs:"));
  });

  it("round-trips hostile strings as data", () => {
    const name = 'x"; rm -rf /\nmalicious: true';
    const text = kitfileToYaml({ package: { name } });
    expect(parse(text)).toEqual({ package: { name } });
  });
});
