import { describe, expect, it } from "vitest";
import { createRemoteSource } from "@/lib/registry/remote/create-remote-source";
import { fakeFetcher, json } from "@/test/support/registry/fake-fetcher";

describe("createRemoteSource", () => {
  it.each([
    [{ name: "", url: "https://r.example" }],
    [{ name: "r", url: "ftp://r.example" }],
    [{ name: "r", url: "https://r.example/v2/" }],
    [{ name: "r", url: "https://user:pw@r.example" }],
    [{ name: "r", url: "https://r.example", auth: { type: "basic", username: "u" } }],
    [{ name: "r", url: "https://r.example", auth: { type: "bearer", username: "u" } }],
    [{ name: "r", url: "https://r.example", auth: { type: "token", token: "" } }],
    [{ name: "r", url: "https://r.example", auth: { type: "oauth" } }],
    [{ name: "r", url: "https://r.example", repositories: ["Bad Name"] }],
    [{ name: "r", url: "https://r.example", timeoutMs: 0 }],
  ])("refuses misuse at construction with TypeError: %j", (options) => {
    expect(() => createRemoteSource(options as never)).toThrow(TypeError);
  });

  it("lists configured repositories when _catalog is missing, and stops asking", async () => {
    const f = fakeFetcher(() => json({ errors: [{ code: "UNSUPPORTED" }] }, { status: 404 }));
    const source = createRemoteSource({ name: "ghcr", url: "https://r.example", fetch: f.fetch, repositories: ["b/x", "a/y", "c/z"] });
    expect(await source.listRepositories(null, 2)).toEqual({ items: ["a/y", "b/x"], next: "b/x" });
    expect(await source.listRepositories("b/x", 2)).toEqual({ items: ["c/z"], next: null });
    expect(source.capabilities.catalog).toBe(false);
    expect(f.count(/_catalog/)).toBe(1);
  });

  it("surfaces a _catalog refusal when no repositories are configured", async () => {
    const f = fakeFetcher(() => json({ errors: [{ code: "DENIED" }] }, { status: 403 }));
    const source = createRemoteSource({ name: "r", url: "https://r.example", fetch: f.fetch });
    await expect(source.listRepositories()).rejects.toMatchObject({ code: "FORBIDDEN", registryCodes: ["DENIED"] });
  });

  it("pages a catalog that ignores n on the client, cursor = last repository", async () => {
    const f = fakeFetcher(() => json({ repositories: ["c", "a", "b"] }));
    const source = createRemoteSource({ name: "r", url: "https://r.example", fetch: f.fetch });
    expect(await source.listRepositories(null, 2)).toEqual({ items: ["a", "b"], next: "b" });
    expect(await source.listRepositories("b", 2)).toEqual({ items: ["c"], next: null });
  });
});
