import { describe, expect, it } from "vitest";
import { cleanScopes } from "@/lib/oci/transport/clean-scopes";

describe("cleanScopes", () => {
  it("merges actions of one resource, deduplicated and sorted", () => {
    expect(cleanScopes(["repository:a:push", "repository:a:pull", "repository:a:pull"])).toEqual(["repository:a:pull,push"]);
  });

  it("sorts scopes so equal sets give equal keys regardless of order", () => {
    const one = cleanScopes(["repository:b:pull", "repository:a:push,pull"]);
    const two = cleanScopes(["repository:a:pull", "repository:b:pull", "repository:a:push"]);
    expect(one).toEqual(two);
    expect(one).toEqual(["repository:a:pull,push", "repository:b:pull"]);
  });

  it("lets '*' absorb other actions and splits space-separated scope strings", () => {
    expect(cleanScopes(["registry:catalog:* repository:x:pull", "registry:catalog:search"])).toEqual([
      "registry:catalog:*",
      "repository:x:pull",
    ]);
  });

  it("keeps resource names that contain a colon (host:port style) intact", () => {
    expect(cleanScopes(["repository:localhost:5000/a:pull", "repository:localhost:5000/a:push"])).toEqual([
      "repository:localhost:5000/a:pull,push",
    ]);
  });
});
