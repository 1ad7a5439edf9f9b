import { describe, expect, it } from "vitest";
import type { Kitfile } from "@/lib/modelkit/types";
import { diffKitfiles } from "./diff-kitfiles";

const base: Kitfile = {
  manifestVersion: "1.0.0",
  package: { name: "fraud", version: "1.0.0", authors: ["Ana"] },
  model: {
    name: "fraud-xgb", path: "model/model.json", framework: "xgboost",
    parameters: { threshold: 0.5, features: { count: 12, drop: ["ssn"] } },
    parts: [
      { name: "lora", path: "adapters/lora.bin", type: "lora", digest: "sha256:p1", diffId: "sha256:p1" },
      { name: "tokenizer", path: "tok/", digest: "sha256:p2", diffId: "sha256:p2" },
    ],
    digest: "sha256:m", diffId: "sha256:m",
  },
  code: [
    { path: "src/", description: "training code", digest: "sha256:c1", diffId: "sha256:c1" },
    { path: "notebooks", digest: "sha256:c2", diffId: "sha256:c2" },
  ],
  datasets: [
    { name: "training", path: "data/train.csv", digest: "sha256:d1", diffId: "sha256:d1" },
    { name: "validation-data", path: "data/val", remotePath: "s3://bucket/val", remoteHash: "etag-1" },
  ],
  docs: [{ path: "README.md", digest: "sha256:r", diffId: "sha256:r" }],
};

function clone(k: Kitfile): Kitfile {
  return structuredClone(k);
}

describe("diffKitfiles", () => {
  it.each<{ name: string; edit: (k: Kitfile) => void; expected: { path: string; kind: string; before?: unknown; after?: unknown }[] }>([
    { name: "identical Kitfiles", edit: () => {}, expected: [] },
    {
      name: "reordered list entries are not changes",
      edit: (k) => { k.code!.reverse(); k.datasets!.reverse(); k.model!.parts!.reverse(); },
      expected: [],
    },
    {
      name: "digest and diffId changes stay out of the field diff",
      edit: (k) => { k.code![0]!.digest = "sha256:other"; k.model!.diffId = "sha256:x"; },
      expected: [],
    },
    {
      name: "package version",
      edit: (k) => { k.package!.version = "1.1.0"; },
      expected: [{ path: "package.version", kind: "changed", before: "1.0.0", after: "1.1.0" }],
    },
    {
      name: "nested parameters",
      edit: (k) => {
        k.model!.parameters = { threshold: 0.45, features: { count: 12, drop: ["ssn", "dob"] }, seed: 7 };
      },
      expected: [
        { path: "model.parameters.features.drop[1]", kind: "added", after: "dob" },
        { path: "model.parameters.seed", kind: "added", after: 7 },
        { path: "model.parameters.threshold", kind: "changed", before: 0.5, after: 0.45 },
      ],
    },
    {
      name: "remoteHash of an external dataset",
      edit: (k) => { k.datasets![1]!.remoteHash = "etag-2"; },
      expected: [{ path: "datasets[validation-data].remoteHash", kind: "changed", before: "etag-1", after: "etag-2" }],
    },
    {
      name: "parts matched by name even when moved",
      edit: (k) => { k.model!.parts![0]!.path = "adapters/lora-v2.bin"; k.model!.parts!.reverse(); },
      expected: [{ path: "model.parts[lora].path", kind: "changed", before: "adapters/lora.bin", after: "adapters/lora-v2.bin" }],
    },
    {
      name: "code matched by path, description changed",
      edit: (k) => { k.code![0]!.description = "training + eval"; },
      expected: [{ path: "code[src/].description", kind: "changed", before: "training code", after: "training + eval" }],
    },
    {
      name: "dataset renamed but same path matches by path",
      edit: (k) => { k.datasets![0]!.name = "train"; },
      expected: [{ path: "datasets[data/train.csv].name", kind: "changed", before: "training", after: "train" }],
    },
    {
      name: "entries added and removed carry the whole entry without layer info",
      edit: (k) => { k.docs = [{ path: "docs/CARD.md", description: "model card", digest: "sha256:z" }]; },
      expected: [
        { path: "docs[README.md]", kind: "removed", before: { path: "README.md" } },
        { path: "docs[docs/CARD.md]", kind: "added", after: { path: "docs/CARD.md", description: "model card" } },
      ],
    },
    {
      name: "prompts appear",
      edit: (k) => { k.prompts = [{ name: "system", path: "prompts/system.md" }]; },
      expected: [{ path: "prompts[system]", kind: "added", after: { name: "system", path: "prompts/system.md" } }],
    },
    {
      name: "keys that are not identifiers are quoted",
      edit: (k) => { k.model!.parameters = { threshold: 0.5, features: { count: 12, drop: ["ssn"] }, "lr.decay": 0.1 }; },
      expected: [{ path: 'model.parameters["lr.decay"]', kind: "added", after: 0.1 }],
    },
  ])("$name", ({ edit, expected }) => {
    const head = clone(base);
    edit(head);
    expect(diffKitfiles(base, head)).toEqual(expected);
  });

  it("reports a model that appears as one added entry", () => {
    const noModel = clone(base);
    delete noModel.model;
    const changes = diffKitfiles(noModel, base);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ path: "model", kind: "added" });
    expect(JSON.stringify(changes)).not.toContain("sha256:");
  });

  it("survives hostile parameters (deep nesting, odd values)", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = { x: deep };
    const head = clone(base);
    head.model!.parameters = deep;
    const changes = diffKitfiles(base, head);
    expect(changes.length).toBeGreaterThan(0);
    expect(() => JSON.stringify(changes)).not.toThrow();
  });
});
