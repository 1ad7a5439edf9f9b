import { describe, expect, it } from "vitest";
import { KIT_PARAMETER_CASES } from "@/test/reference/kitops-parameter-cases";
import { originLabel } from "@/test/reference/origin";
import { kitfileToJson } from "./kitfile-to-json";
import { kitfileToYaml } from "./kitfile-to-yaml";
import { parseKitfile } from "./parse-kitfile";

describe("Kitfile round trip: every parameter shape kit's round-trip test covers", () => {
  it.each(KIT_PARAMETER_CASES.map((c) => [originLabel(c.origin), c] as const))("%s", (_label, c) => {
    const { kitfile, warnings } = parseKitfile(c.kitfileYaml, "yaml");
    expect(warnings).toEqual([]);
    // `kit info` prints what kit read, byte for byte the same YAML
    expect(kitfileToYaml(kitfile)).toBe(c.kitfileYaml);
    // the config blob kit stores
    expect(kitfileToJson(kitfile)).toBe(c.kitfileJson);
    // and reading that config back gives the same Kitfile
    expect(parseKitfile(c.kitfileJson, "json").kitfile).toEqual(kitfile);
  });
});

describe("Kitfile round trip: kit info field order", () => {
  it("writes fields in kit's struct order with flow-style authors and sorted parameters", () => {
    const { kitfile } = parseKitfile(
      JSON.stringify({
        package: { authors: ["Ana", "Bo"], license: "MIT", name: "p" },
        manifestVersion: "1.0.0",
        datasets: [{ remoteHash: "e1", remotePath: "s3://b/k", path: "d", name: "n" }],
        model: { parameters: { z: 1, a: 2 }, path: "m", name: "n", training: { dataset: "d", parameters: { epochs: 1 } } },
      }),
      "json",
    );
    expect(kitfileToYaml(kitfile)).toBe(
      "manifestVersion: 1.0.0\npackage:\n  name: p\n  license: MIT\n  authors: [Ana, Bo]\nmodel:\n  name: n\n  path: m\n  parameters:\n    a: 2\n    z: 1\n" +
        "  training:\n    dataset: d\n    parameters:\n      epochs: 1\ndatasets:\n  - name: n\n    path: d\n    remotePath: s3://b/k\n    remoteHash: e1\n",
    );
  });
});
