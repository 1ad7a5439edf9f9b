import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLayoutSource } from "@/lib/registry/layout/create-layout-source";
import { writeDemoData, type DemoSummary } from "./write-demo-data";

let out: string;
let first: DemoSummary;
beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), "kitgate-demo-"));
  first = await writeDemoData(out);
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe("writeDemoData", () => {
  it("writes every demo repository as an OCI layout the layout source can browse", async () => {
    const source = createLayoutSource({ name: "local", root: out });
    expect((await source.listRepositories()).items).toEqual([
      "demo/churn-model",
      "demo/fraud-detection",
      "demo/fraud-detection-finetune",
      "demo/kit-versions",
      "demo/legacy-sentiment",
      "demo/modelpack-vision",
      "demo/not-a-modelkit",
      "demo/support-llm",
    ]);
    expect((await source.listTags("demo/support-llm")).items).toEqual(["1.0.0", "1.1.0", "latest", "multi"]);
    expect(await source.resolve("demo/support-llm", "latest")).toEqual(await source.resolve("demo/support-llm", "1.1.0"));
    const multi = JSON.parse(Buffer.from((await source.getManifest("demo/support-llm", "multi")).bytes).toString());
    expect(multi.artifactType).toBe("application/vnd.kitops.modelkit.index.v1+json");
    expect(multi.manifests.map((m: { annotations: Record<string, string> }) => m.annotations["ml.kitops.modelkit.original-tag"])).toEqual(["1.0.0", "1.1.0"]);
  });

  it("stores a sha256-<hex> fallback referrer tag for fraud-detection 1.1.0", async () => {
    const source = createLayoutSource({ name: "local", root: out });
    const subject = first.tags["demo/fraud-detection:1.1.0"]!;
    const tags = (await source.listTags("demo/fraud-detection")).items;
    expect(tags).toContain(subject.replace(":", "-"));
    const referrers = await source.listReferrers("demo/fraud-detection", subject);
    expect(referrers).toHaveLength(1);
    expect(referrers[0]!.artifactType).toBe("application/vnd.kitgate.demo.review-note.v1");
  });

  it("is idempotent: a rerun produces the same digests and the same index.json", async () => {
    const before = await readFile(path.join(out, "demo/fraud-detection/index.json"), "utf8");
    const second = await writeDemoData(out);
    expect(second.tags).toEqual(first.tags);
    expect(await readFile(path.join(out, "demo/fraud-detection/index.json"), "utf8")).toBe(before);
  });
});
