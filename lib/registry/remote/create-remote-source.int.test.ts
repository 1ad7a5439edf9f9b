import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOciContext } from "@/lib/oci/client/create-oci-context";
import { deleteManifest } from "@/lib/oci/client/delete-manifest";
import { pushBlob } from "@/lib/oci/client/push-blob";
import { pushManifest } from "@/lib/oci/client/push-manifest";
import type { RegistryAuth } from "@/lib/oci/client/types";
import { computeDigest } from "@/lib/oci/digest/compute-digest";
import { MT } from "@/lib/oci/media-types";
import type { Descriptor } from "@/lib/oci/types";
import { createRemoteSource } from "@/lib/registry/remote/create-remote-source";
import type { RegistrySource } from "@/lib/registry/types";
import { pushTestArtifact, type PushedArtifact } from "@/test/support/registry/push-test-artifact";
import { REGISTRY_USERS, startRegistry, type RegistryMode, type RunningRegistry } from "@/test/support/registry/start-registry";

const REPOS = ["team/fraud", "team/churn", "ops/llama"];
const TAGS = ["v1", "v2", "latest"];

async function collect(fetchPage: (cursor: string | null) => Promise<{ items: string[]; next: string | null }>) {
  const all: string[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page = await fetchPage(cursor);
    all.push(...page.items);
    sizes.push(page.items.length);
    if (!page.next) break;
    cursor = page.next;
  }
  return { all, sizes };
}

/** Pushes the fixtures (3 repos, 3 tags, a referrer via the `sha256-<hex>` fallback index). */
async function seed(url: string, auth: RegistryAuth | undefined, realmHosts: string[] = []) {
  const ctx = createOciContext({ url, auth, realmHosts });
  const pushed: Record<string, PushedArtifact> = {};
  for (const repo of REPOS) pushed[repo] = await pushTestArtifact(ctx, repo, "v1");
  for (const tag of TAGS.slice(1)) await pushTestArtifact(ctx, "team/fraud", tag, { modelBytes: new TextEncoder().encode(`model ${tag}`) });
  const subject = pushed["team/fraud"]!.manifest;
  const attestationBytes = new TextEncoder().encode(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MT.ociManifest,
      artifactType: "application/vnd.kitgate.test.attestation",
      config: pushed["team/fraud"]!.config,
      layers: [pushed["team/fraud"]!.layer],
      subject,
    }),
  );
  const attestation = await pushManifest(ctx, "team/fraud", computeDigest(attestationBytes), attestationBytes, MT.ociManifest);
  const referrer: Descriptor = { ...attestation, artifactType: "application/vnd.kitgate.test.attestation" };
  const indexBytes = new TextEncoder().encode(JSON.stringify({ schemaVersion: 2, mediaType: MT.ociIndex, manifests: [referrer] }));
  await pushManifest(ctx, "team/fraud", `sha256-${subject.digest.slice(7)}`, indexBytes, MT.ociIndex);
  return { pushed, referrer };
}

function readPathTests(get: () => { source: RegistrySource; pushed: Record<string, PushedArtifact>; referrer: Descriptor }) {
  it("lists repositories through _catalog, one per page via Link", async () => {
    const { source } = get();
    const { all, sizes } = await collect((c) => source.listRepositories(c, 1));
    expect(all.sort()).toEqual([...REPOS].sort());
    expect(sizes.every((n) => n <= 1)).toBe(true);
    expect(source.capabilities.catalog).toBe(true);
  });

  it("lists tags paged client-side (the registry ignores n)", async () => {
    const { source } = get();
    const { all, sizes } = await collect((c) => source.listTags("team/fraud", c, 1));
    expect(all).toEqual([...TAGS, `sha256-${get().pushed["team/fraud"]!.manifest.digest.slice(7)}`].sort());
    expect(sizes.every((n) => n === 1)).toBe(true);
    expect(source.capabilities.tagPagination).toBe(false);
  });

  it("resolves a tag and returns the identical manifest bytes, verified", async () => {
    const { source, pushed } = get();
    const p = pushed["team/fraud"]!;
    const desc = await source.resolve("team/fraud", "v1");
    expect(desc).toMatchObject({ digest: p.manifest.digest, size: p.manifestBytes.byteLength, mediaType: MT.ociManifest });
    const m = await source.getManifest("team/fraud", desc.digest);
    expect(Buffer.from(m.bytes).equals(Buffer.from(p.manifestBytes))).toBe(true);
    expect(m.descriptor.digest).toBe(p.manifest.digest);
  });

  it("streams a verified blob and reads a Range of it", async () => {
    const { source, pushed } = get();
    const p = pushed["team/churn"]!;
    expect((await buffer(await source.getBlob("team/churn", p.layer))).equals(Buffer.from(p.layerBytes))).toBe(true);
    const part = await buffer(await source.getBlob("team/churn", p.layer, { start: 512, end: 600 }));
    expect(part.equals(Buffer.from(p.layerBytes.subarray(512, 601)))).toBe(true);
  });

  it("finds referrers through the sha256-<hex> fallback index when the API is absent", async () => {
    const { source, pushed, referrer } = get();
    const subject = pushed["team/fraud"]!.manifest.digest;
    expect(await source.listReferrers("team/fraud", subject)).toEqual([referrer]);
    expect(await source.listReferrers("team/fraud", subject, "application/other")).toEqual([]);
    expect(source.capabilities.referrersApi).toBe(false);
  });

  it("reports a missing manifest as NOT_FOUND", async () => {
    await expect(get().source.resolve("team/fraud", "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
}

const MODES: Array<{ mode: RegistryMode; auth?: RegistryAuth }> = [
  { mode: "anonymous" },
  { mode: "basic", auth: { type: "basic", username: "alice", password: REGISTRY_USERS.alice.password } },
  { mode: "token", auth: { type: "bearer", username: "alice", password: REGISTRY_USERS.alice.password } },
];

describe.each(MODES)("remote source against docker-registry ($mode)", ({ mode, auth }) => {
  let registry: RunningRegistry;
  let state: { source: RegistrySource; pushed: Record<string, PushedArtifact>; referrer: Descriptor };

  beforeAll(async () => {
    registry = await startRegistry({ mode });
    const seeded = await seed(registry.url, auth, registry.realmHosts);
    state = { source: createRemoteSource({ name: mode, url: registry.url, auth, realmHosts: registry.realmHosts }), ...seeded };
  });
  afterAll(async () => {
    await registry?.stop();
  });

  readPathTests(() => state);

  it("mounts a blob across repositories and deletes a manifest by digest", async () => {
    const ctx = createOciContext({ url: registry.url, auth, realmHosts: registry.realmHosts });
    const p = state.pushed["ops/llama"]!;
    const mounted = await pushBlob(ctx, "ops/llama-copy", p.layerBytes, { mountFrom: "ops/llama" });
    expect(mounted.digest).toBe(p.layer.digest);
    expect((await buffer(await state.source.getBlob("ops/llama-copy", p.layer))).equals(Buffer.from(p.layerBytes))).toBe(true);
    const doomed = await pushTestArtifact(ctx, "ops/llama-copy", "doomed", { modelBytes: new TextEncoder().encode("bye") });
    await deleteManifest(ctx, "ops/llama-copy", doomed.manifest.digest);
    await expect(state.source.resolve("ops/llama-copy", "doomed")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  if (mode === "anonymous") {
    it("works without any credentials configured", async () => {
      const source = createRemoteSource({ name: "anon", url: registry.url, realmHosts: registry.realmHosts });
      expect((await source.resolve("ops/llama", "v1")).digest).toBe(state.pushed["ops/llama"]!.manifest.digest);
    });
  }

  if (mode !== "anonymous") {
    it("reports a wrong password as UNAUTHENTICATED", async () => {
      const source = createRemoteSource({ name: "bad", url: registry.url, realmHosts: registry.realmHosts, auth: { type: mode === "basic" ? "basic" : "bearer", username: "alice", password: "wrong" } });
      await expect(source.listTags("team/fraud")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    });

    it("falls back to the configured repositories when _catalog refuses", async () => {
      const source = createRemoteSource({ name: "nocreds", url: registry.url, realmHosts: registry.realmHosts, repositories: ["team/fraud"] });
      expect(await source.listRepositories(null, 10)).toEqual({ items: ["team/fraud"], next: null });
      expect(source.capabilities.catalog).toBe(false);
    });
  }

  if (mode === "token") {
    it("lets a pull-only user read but not push", async () => {
      const bob = createRemoteSource({ name: "bob", url: registry.url, realmHosts: registry.realmHosts, auth: { type: "bearer", username: "bob", password: REGISTRY_USERS.bob.password } });
      const p = state.pushed["team/fraud"]!;
      expect((await bob.resolve("team/fraud", "v1")).digest).toBe(p.manifest.digest);
      const err = await bob.putManifest("team/fraud", "bob-was-here", p.manifestBytes, MT.ociManifest).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: expect.stringMatching(/^(FORBIDDEN|UNAUTHENTICATED)$/) });
      await expect(bob.resolve("team/fraud", "bob-was-here")).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    it("reuses tokens: many reads cost few token requests", async () => {
      const before = registry.tokenServer!.requests;
      const source = createRemoteSource({ name: "reuse", url: registry.url, auth, realmHosts: registry.realmHosts });
      for (let i = 0; i < 5; i++) await source.resolve("team/fraud", "v1");
      expect(registry.tokenServer!.requests - before).toBe(1);
    });
  }
});
