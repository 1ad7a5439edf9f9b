// The registry-bytes properties of `npm run bench:diff` at a CI-friendly scale (a 64 MiB uncompressed model layer
// instead of 1 GiB): the diff pulls only the changed layers, a repeated diff pulls no blob bytes, and listing the
// big layer walks tar headers with Range reads.
import { beforeAll, describe, expect, it } from "vitest";
import { allBytes, blobBytes, runDiffBytesScenario, sumCounts, type ScenarioResult } from "@/scripts/bench/diff-bytes-scenario";

let r: ScenarioResult;

beforeAll(async () => {
  r = await runDiffBytesScenario({ modelFiles: 16, modelFileSize: 4 * 1024 * 1024 });
}, 240_000);

const step = (steps: ScenarioResult["diffSteps"], name: string) => steps.find((s) => s.step.startsWith(name))!.counts;

describe("bytes a ModelKit diff pulls from a real registry", () => {
  it("finds the one changed code file and config value, and the shared model layer unchanged", () => {
    expect(r.modelSecondPush).toBe("present");
    expect(r.observed.changedCode.sort()).toEqual(["config", "src"]);
    expect(r.observed.modelStatus).toBe("shards:unchanged");
    expect(r.observed.codeFileModified).toEqual(["src/module_0.py"]);
    expect(r.observed.codeFilePatchHasChange).toBe(true);
    expect(r.observed.configChanges).toHaveLength(1);
    expect(r.observed.configChanges[0]!.path).toMatch(/training\.learning_rate$/);
    expect(r.observed.configChanges[0]).toMatchObject({ before: 0.001, after: 0.0005 });
  });

  it("fetches only the changed layers (≤ 1.05× their bytes, manifests and configs included)", () => {
    const diff = sumCounts(r.diffSteps.map((s) => s.counts));
    expect(allBytes(diff)).toBeLessThanOrEqual(1.05 * r.changedLayerBytes);
    expect(blobBytes(diff)).toBeGreaterThanOrEqual(r.changedLayerBytes);
    expect(blobBytes(step(r.diffSteps, "getEntryFilesDiff model"))).toBe(0);
  });

  it("fetches no blob bytes when the same diff is asked again", () => {
    expect(blobBytes(sumCounts(r.repeatSteps.map((s) => s.counts)))).toBe(0);
  });

  it("lists the large uncompressed layer from its tar headers with Range reads (< 1% of it)", () => {
    const c = r.listing.counts;
    expect(r.listing.files).toBe(16);
    expect(r.listing.truncated).toBe(false);
    expect(c.blobsFull.bytes).toBe(0);
    expect(c.blobsRanged.requests).toBeGreaterThan(0);
    expect(allBytes(c)).toBeLessThan(0.01 * r.modelLayerBytes);
  });
});
