import { describe, expect, it } from "vitest";
import { fileQuery, kitPageSearch, layerFilesQuery } from "./modelkit-query";
import { versionsApiQuery, versionsPageParams } from "./versions-query";
import { repositoriesQuery } from "./repositories-query";

const DIGEST = `sha256:${"ab".repeat(32)}`;

describe("request schemas", () => {
  it("splits REGISTRY/REPO for the versions API", () => {
    const q = versionsApiQuery.parse({ repository: "local/demo/fraud-detection", limit: "10" });
    expect(q.repository).toEqual({ registry: "local", repository: "demo/fraud-detection" });
    expect(q.limit).toBe(10);
    expect(versionsApiQuery.safeParse({ repository: "fraud-detection" }).success).toBe(false);
    expect(versionsApiQuery.safeParse({ repository: "local/Demo/../x" }).success).toBe(false);
  });

  it("joins catch-all repository segments from the page URL", () => {
    expect(versionsPageParams.parse({ registry: "local", repository: ["demo", "support-llm"] }).repository).toBe("demo/support-llm");
  });

  it("rejects layers that are not digests and bounds page sizes", () => {
    expect(layerFilesQuery.safeParse({ ref: "local/demo/x:1", layer: "../../etc" }).success).toBe(false);
    expect(layerFilesQuery.parse({ ref: "local/demo/x:1", layer: DIGEST }).layer).toBe(DIGEST);
    expect(repositoriesQuery.safeParse({ registry: "local", limit: "100000" }).success).toBe(false);
  });

  it("treats empty filter/cursor values from a GET form as absent", () => {
    expect(repositoriesQuery.parse({ registry: "local", q: "", cursor: "" })).toEqual({ registry: "local" });
  });

  it("defaults the kit page to the overview tab and refuses unknown tabs", () => {
    expect(kitPageSearch.parse({ ref: "local/demo/x:1" })).toMatchObject({ tab: "overview", full: false });
    expect(kitPageSearch.safeParse({ ref: "local/demo/x:1", tab: "admin" }).success).toBe(false);
    expect(fileQuery.parse({ ref: "local/demo/x:1", path: "README.md", full: "1" }).full).toBe(true);
  });
});
