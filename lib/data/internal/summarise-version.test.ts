import { describe, expect, it } from "vitest";
import type { ModelKitView } from "@/lib/modelkit/types";
import { summariseModelCard, summariseVersion } from "./summarise-version";

const view = (over: Partial<ModelKitView>): ModelKitView => ({
  format: "modelpack", manifestDigest: "sha256:x", mediaType: null, artifactType: null, config: null, kitfile: { manifestVersion: "1.0.0" },
  kitfileSource: "synthesised", layers: [], entries: [], parent: null, annotations: {}, cliVersion: null, created: null, totalSize: 7,
  indexEntries: [], modelCard: null, kitRejections: [], warnings: [], ...over,
});

const card = {
  descriptor: { name: "vision", version: "2.0", authors: ["Vision Team"], vendor: "Acme", title: "Vision tiny", description: "x".repeat(500), licenses: ["MIT"] },
  config: { paramSize: "7b", architecture: "transformer", quantization: "gptq" },
  diffIds: [], listsTruncated: false, schemaIssues: [{ pointer: "/x", message: "bad" }], schemaVersion: "t",
};

describe("summariseVersion", () => {
  it("names a ModelPack without a Kitfile package by its descriptor and summarises its card", () => {
    const row = summariseVersion("sha256:x", ["1"], view({ modelCard: card, kitRejections: [{ rule: "absolute-path", field: "code[0].path", message: "m" }] }));
    expect(row).toMatchObject({ packageName: "vision", packageVersion: "2.0", authors: ["Vision Team"], kitRejections: 1 });
    expect(row.card).toEqual({
      title: "Vision tiny", vendor: "Acme", family: null, architecture: "transformer", paramSize: "7b", precision: null, quantization: "gptq",
      licenses: ["MIT"], schemaIssues: 1,
    });
  });

  it("cuts long card text for the list and has no card for Kit-format kits", () => {
    expect(summariseModelCard({ ...card, descriptor: { ...card.descriptor, title: "t".repeat(300) } })!.title).toHaveLength(121);
    expect(summariseVersion("sha256:x", [], view({ format: "kit", kitfileSource: "config" })).card).toBeNull();
  });
});
