// The whole read path against a real `docker-registry` (htpasswd Basic auth): the demo ModelKits of every shape
// are copied byte for byte into it, then browsed through the data layer exactly as pages and the API do.
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOciContext } from "@/lib/oci/client/create-oci-context";
import type { OciContext } from "@/lib/oci/client/types";
import { pushBlob } from "@/lib/oci/client/push-blob";
import { pushManifest } from "@/lib/oci/client/push-manifest";
import { writeDemoData } from "@/test/support/fixtures/modelkits";
import { copyLayoutToRegistry } from "@/test/support/registry/copy-layout-to-registry";
import { REGISTRY_USERS, startRegistry, type RunningRegistry } from "@/test/support/registry/start-registry";
import { hostileLayers } from "./hostile-layers";

type Actor = import("@/lib/access/actor").Actor;
type Data = {
  actor: Actor;
  listRegistries: typeof import("@/lib/data/list-registries").listRegistries;
  listRepositories: typeof import("@/lib/data/list-repositories").listRepositories;
  listVersions: typeof import("@/lib/data/list-versions").listVersions;
  getModelKit: typeof import("@/lib/data/get-modelkit").getModelKit;
  listLayerFiles: typeof import("@/lib/data/list-layer-files").listLayerFiles;
  getModelKitFile: typeof import("@/lib/data/get-modelkit-file").getModelKitFile;
  getModelKitDiff: typeof import("@/lib/data/get-modelkit-diff").getModelKitDiff;
  getEntryFilesDiff: typeof import("@/lib/data/get-entry-files-diff").getEntryFilesDiff;
  getFileDiff: typeof import("@/lib/data/get-file-diff").getFileDiff;
};

let registry: RunningRegistry;
let dir: string;
let ctx: OciContext;
let data: Data;
let copied: Record<string, string>;
let demoOnly: Actor;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kitgate-browse-"));
  const layout = path.join(dir, "layout");
  await writeDemoData(layout);
  registry = await startRegistry({ mode: "basic" });
  ctx = createOciContext({ url: registry.url, auth: { type: "basic", username: "alice", password: REGISTRY_USERS.alice.password } });
  copied = await copyLayoutToRegistry(layout, ctx);

  await writeFile(
    path.join(dir, "kitgate.yaml"),
    [
      "registries:",
      `  - name: acme`,
      `    url: ${registry.url}`,
      "    auth: { type: basic, usernameEnv: BROWSE_TEST_USER, passwordEnv: BROWSE_TEST_PASS }",
      "  - name: local",
      "    layout: ./layout",
      "cache: { dir: ./cache, maxBytes: 1073741824 }",
      "",
    ].join("\n"),
  );
  Object.assign(process.env, {
    KITGATE_CONFIG: path.join(dir, "kitgate.yaml"),
    DATABASE_URL: `file:${path.join(dir, "test.db")}`,
    BROWSE_TEST_USER: "alice",
    BROWSE_TEST_PASS: REGISTRY_USERS.alice.password,
  });
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "pipe" });

  const { resolveGrants } = await import("@/lib/access/resolve-grants");
  const viewer = (scopes: string[]): Actor => {
    const rules = scopes.map((scope) => ({ group: "readers", role: "viewer" as const, scope }));
    return { id: "t", name: "Test viewer", kind: "user", groups: ["readers"], access: { grants: resolveGrants(rules, { kind: "user", id: "t", groups: ["readers"] }) } };
  };
  demoOnly = viewer(["acme/demo/*", "local/*"]);
  data = {
    actor: viewer(["acme/*", "local/*"]),
    listRegistries: (await import("@/lib/data/list-registries")).listRegistries,
    listRepositories: (await import("@/lib/data/list-repositories")).listRepositories,
    listVersions: (await import("@/lib/data/list-versions")).listVersions,
    getModelKit: (await import("@/lib/data/get-modelkit")).getModelKit,
    listLayerFiles: (await import("@/lib/data/list-layer-files")).listLayerFiles,
    getModelKitFile: (await import("@/lib/data/get-modelkit-file")).getModelKitFile,
    getModelKitDiff: (await import("@/lib/data/get-modelkit-diff")).getModelKitDiff,
    getEntryFilesDiff: (await import("@/lib/data/get-entry-files-diff")).getEntryFilesDiff,
    getFileDiff: (await import("@/lib/data/get-file-diff")).getFileDiff,
  };
}, 120_000);

afterAll(async () => {
  await registry?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const kit = (ref: string) => data.getModelKit(data.actor, { ref: `acme/${ref}` });

describe("browsing a real registry", () => {
  it("lists the registry without exposing its credentials", async () => {
    const regs = await data.listRegistries(data.actor);
    expect(regs.map((r) => r.name)).toEqual(["acme", "local"]);
    expect(JSON.stringify(regs)).not.toContain(REGISTRY_USERS.alice.password);
    expect(regs[0]).toMatchObject({ kind: "remote", location: registry.url, capabilities: { catalog: true } });
  });

  it("lists repositories from _catalog, filtered and paged", async () => {
    const all = await data.listRepositories(data.actor, { registry: "acme" });
    expect(all.items.map((r) => r.name)).toEqual(
      expect.arrayContaining(["demo/fraud-detection", "demo/support-llm", "demo/churn-model", "demo/legacy-sentiment", "demo/modelpack-vision", "demo/not-a-modelkit"]),
    );
    const fraud = await data.listRepositories(data.actor, { registry: "acme", q: "fraud" });
    expect(fraud.items.map((r) => r.name)).toEqual(["demo/fraud-detection", "demo/fraud-detection-finetune"]);
    const first = await data.listRepositories(data.actor, { registry: "acme", limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await data.listRepositories(data.actor, { registry: "acme", limit: 2, cursor: first.next });
    expect(second.items[0]!.name > first.items[1]!.name).toBe(true);
  });

  it("groups tags by digest, hides referrer tags and pages versions itself", async () => {
    const v = await data.listVersions(data.actor, { registry: "acme", repository: "demo/support-llm" });
    const byTag = Object.fromEntries(v.items.flatMap((i) => i.tags.map((t) => [t, i])));
    expect(byTag["latest"]!.digest).toBe(byTag["1.1.0"]!.digest);
    expect(byTag["1.1.0"]).toMatchObject({ format: "kit", packageName: "support-llm" });
    expect(byTag["multi"]!.format).toBe("index");

    const fraud = await data.listVersions(data.actor, { registry: "acme", repository: "demo/fraud-detection" });
    expect(fraud.items.flatMap((i) => i.tags)).toEqual(["1.1.0", "1.0.0"]);
    expect(fraud.hiddenTags).toBe(1);

    const page1 = await data.listVersions(data.actor, { registry: "acme", repository: "demo/support-llm", limit: 2 });
    const page2 = await data.listVersions(data.actor, { registry: "acme", repository: "demo/support-llm", limit: 2, cursor: page1.next });
    expect([...page1.items, ...page2.items].flatMap((i) => i.tags).sort()).toEqual(["1.0.0", "1.1.0", "latest", "multi"]);
    expect(page2.next).toBeNull();
  });

  it("reads every ModelKit shape", async () => {
    const older = await kit("demo/fraud-detection:1.0.0");
    expect(older.view.format).toBe("kit");
    expect(older.digest).toBe(copied["demo/fraud-detection:1.0.0"]);
    expect(older.view.entries.filter((e) => e.layerDigest).length).toBeGreaterThanOrEqual(4);
    expect(older.snippets.map((s) => s.text).join("\n")).toContain(`@${older.digest}`);

    const legacy = await kit("demo/legacy-sentiment:v0.1");
    expect(legacy.view.format).toBe("kit-legacy");
    // kit v0.2 fields are kept, not dropped as unknown keys
    expect(legacy.view.kitfile?.model?.training).toMatchObject({ dataset: "reviews" });
    expect(legacy.view.warnings.join(" ")).not.toMatch(/unknown Kitfile key/);

    const mp = await kit("demo/modelpack-vision:1.0.0");
    expect(mp.view).toMatchObject({ format: "modelpack", kitfileSource: "annotation" });
    const mpSynth = await kit("demo/modelpack-vision:1.0.0-nokitfile");
    expect(mpSynth.view).toMatchObject({ format: "modelpack", kitfileSource: "synthesised" });
    expect(mpSynth.view.kitfile?.model?.path).toBe("weights/vision.safetensors");

    const llm = await kit("demo/support-llm:1.1.0");
    expect(llm.view.entries.filter((e) => e.section === "prompts").map((e) => e.path)).toEqual(["prompts/system.md", "prompts/escalation.md"]);
    expect(llm.view.layers.some((l) => l.kind === "prompt")).toBe(true);

    const churn = await kit("demo/churn-model:1.0.0");
    expect(churn.view.layers.some((l) => l.compression === "zstd")).toBe(true);
    expect(churn.view.entries.find((e) => e.name === "events-archive")).toMatchObject({ external: true, layerDigest: null, remotePath: expect.stringMatching(/^s3:\/\//) });

    const index = await kit("demo/support-llm:multi");
    expect(index.view.format).toBe("index");
    expect(index.view.indexEntries.map((e) => e.tag).sort()).toEqual(["1.0.0", "1.1.0"]);

    const image = await kit("demo/not-a-modelkit:latest");
    expect(image.view.format).toBe("image");
    expect(image.snippets).toEqual([]);
  });

  it("resolves a parent reference to the digest it names now", async () => {
    const child = await kit("demo/fraud-detection-finetune:1.0.0");
    expect(child.parent?.reference).toBe("local/demo/fraud-detection:1.1.0");
    expect(child.parent?.digest).toBe(copied["demo/fraud-detection:1.1.0"]);
    expect(child.parent?.href).toContain(encodeURIComponent(`local/demo/fraud-detection@${child.parent?.digest}`));
  });

  it("lists files of gzip (old, relative paths), zstd and raw layers", async () => {
    const legacy = await kit("demo/legacy-sentiment:v0.1");
    const code = legacy.view.layers.find((l) => l.kind === "code")!;
    const legacyFiles = await data.listLayerFiles(data.actor, { ref: "acme/demo/legacy-sentiment:v0.1", layer: code.digest });
    expect(legacyFiles.listing.entries.length).toBeGreaterThan(0);
    expect(legacyFiles.listing.entries.every((e) => e.path === "src" || e.path.startsWith("src/"))).toBe(true);
    // kit v0.2 stored `data/reviews.csv` as `reviews.csv`: listed where kit unpack writes it, never doubled
    const dataset = legacy.view.layers.find((l) => l.kind === "dataset")!;
    const datasetFiles = await data.listLayerFiles(data.actor, { ref: "acme/demo/legacy-sentiment:v0.1", layer: dataset.digest });
    expect(datasetFiles.listing.entries.map((e) => e.path)).toEqual(["data/reviews.csv"]);

    const churn = await kit("demo/churn-model:1.0.0");
    const zstd = churn.view.layers.find((l) => l.compression === "zstd" && l.kind === "code")!;
    const zstdFiles = await data.listLayerFiles(data.actor, { ref: "acme/demo/churn-model:1.0.0", layer: zstd.digest });
    expect(zstdFiles.listing.entries.some((e) => e.type === "file")).toBe(true);

    const mp = await kit("demo/modelpack-vision:1.0.0");
    const raw = mp.view.layers.find((l) => l.format === "raw")!;
    const rawFiles = await data.listLayerFiles(data.actor, { ref: "acme/demo/modelpack-vision:1.0.0", layer: raw.digest });
    expect(rawFiles.listing.entries).toHaveLength(1);
    expect(rawFiles.listing.entries[0]!.path).toBe(raw.path);
  });

  it("shows text, Markdown and tensor headers", async () => {
    const serve = await data.getModelKitFile(data.actor, { ref: "acme/demo/fraud-detection:1.1.0", path: "src/serve.py" });
    expect(serve).toMatchObject({ kind: "text", language: "python", truncated: false });
    expect(serve.text).toContain("THRESHOLD = 0.45");

    const readme = await data.getModelKitFile(data.actor, { ref: "acme/demo/fraud-detection:1.0.0", path: "README.md" });
    expect(readme.kind).toBe("markdown");
    expect(readme.text).toContain("# Fraud detection 1.0.0");

    const st = await data.getModelKitFile(data.actor, { ref: "acme/demo/fraud-detection:1.1.0", path: "model/model.safetensors" });
    expect(st.kind).toBe("tensors");
    expect(st.tensors?.tensors.map((t) => t.name)).toContain("bn.running_mean");
    expect(st.tensors?.parameterCount).toBeGreaterThan(0);

    const gguf = await data.getModelKitFile(data.actor, { ref: "acme/demo/support-llm:1.1.0", path: "model/support-llm.gguf" });
    expect(gguf.tensors?.kind).toBe("gguf");
  });

  it("answers missing versions, layers and files with NOT_FOUND", async () => {
    await expect(kit("demo/fraud-detection:9.9.9")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(data.getModelKitFile(data.actor, { ref: "acme/demo/fraud-detection:1.1.0", path: "nope.txt" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      data.listLayerFiles(data.actor, { ref: "acme/demo/fraud-detection:1.1.0", layer: `sha256:${"0".repeat(64)}` }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(data.listVersions(data.actor, { registry: "nope", repository: "demo/x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("labels hostile layer entries, refuses a gzip bomb and keeps a malformed config on its own version", async () => {
    const { tarLayer, bombLayer, badConfig } = await hostileLayers();
    const cfg = await pushBlob(ctx, "hostile/kit", badConfig, { mediaType: "application/vnd.kitops.modelkit.config.v1+json" });
    const tar = await pushBlob(ctx, "hostile/kit", tarLayer);
    const bomb = await pushBlob(ctx, "hostile/kit", bombLayer);
    const manifest = {
      schemaVersion: 2,
      config: { ...cfg, mediaType: "application/vnd.kitops.modelkit.config.v1+json" },
      layers: [
        { ...tar, mediaType: "application/vnd.kitops.modelkit.code.v1.tar" },
        { ...bomb, mediaType: "application/vnd.kitops.modelkit.dataset.v1.tar+gzip" },
      ],
    };
    await pushManifest(ctx, "hostile/kit", "1.0.0", new TextEncoder().encode(JSON.stringify(manifest)), "application/vnd.oci.image.manifest.v1+json");

    const view = await kit("hostile/kit:1.0.0");
    expect(view.view.kitfile).toBeNull();
    expect(view.view.warnings.join(" ")).toMatch(/config/i);

    const files = await data.listLayerFiles(data.actor, { ref: "acme/hostile/kit:1.0.0", layer: tar.digest });
    const unsafe = Object.fromEntries(files.listing.entries.map((e) => [e.rawName ?? e.path, e.unsafe]));
    expect(unsafe["../../etc/passwd"]).toBe("traversal");
    expect(unsafe["/abs/path"]).toBe("absolute");
    expect(unsafe["link-to-shadow"]).toBe("link");
    await expect(data.getModelKitFile(data.actor, { ref: "acme/hostile/kit:1.0.0", path: "link-to-shadow" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    // A gzip bomb stops at the byte or time budget (whichever a loaded machine hits first) with a clear reason instead of taking memory or the server.
    const bombed = await data.listLayerFiles(data.actor, { ref: "acme/hostile/kit:1.0.0", layer: bomb.digest });
    expect(bombed.listing).toMatchObject({ truncated: true, reason: expect.stringMatching(/decompresses to more than|longer than its .* budget/) });
    // Outside the actor's scope the same version reads exactly like a missing one, and is not listed.
    await expect(data.getModelKit(demoOnly, { ref: "acme/hostile/kit:1.0.0" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const visible = await data.listRepositories(demoOnly, { registry: "acme" });
    expect(visible.items.map((r) => r.name)).not.toContain("hostile/kit");
    expect((await data.listRepositories(data.actor, { registry: "acme" })).items.map((r) => r.name)).toContain("hostile/kit");
    // The server is still fine afterwards: the next read works.
    expect((await kit("demo/fraud-detection:1.1.0")).view.format).toBe("kit");
  });
});

describe("diffing two versions on a real registry", () => {
  const base = "acme/demo/fraud-detection:1.0.0";
  const head = "acme/demo/fraud-detection:1.1.0";

  it("summarises Kitfile fields, entries and layers", async () => {
    const { diff } = await data.getModelKitDiff(data.actor, { base, head });
    expect(diff.summary.identical).toBe(false);
    expect(diff.kitfile).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: "model.parameters.threshold", kind: "changed", before: 0.5, after: 0.45 }),
      expect.objectContaining({ path: "package.version", before: "1.0.0", after: "1.1.0" }),
    ]));
    expect(diff.entries.code.find((e) => e.key === "src")?.status).toBe("changed");
    expect(diff.entries.docs.find((e) => e.key === "README.md")?.status).toBe("changed");
    const same = await data.getModelKitDiff(data.actor, { base: head, head: "acme/demo/support-llm:latest" });
    expect(same.diff.summary.identical).toBe(false);
    const identical = await data.getModelKitDiff(data.actor, { base: "acme/demo/support-llm:1.1.0", head: "acme/demo/support-llm:latest" });
    expect(identical.diff.summary.identical).toBe(true);
  });

  it("lists the files that changed inside an entry", async () => {
    const files = await data.getEntryFilesDiff(data.actor, { base, head, section: "code", key: "src" });
    expect(files.tree.changes.map((c) => c.path)).toEqual(expect.arrayContaining(["src/serve.py", "src/config.yaml"]));
  });

  it("diffs code line by line, configs by path, CSV by rows and weights by tensor headers", async () => {
    const code = await data.getFileDiff(data.actor, { base, head, path: "src/serve.py" });
    expect(code.kind).toBe("text");
    if (code.kind !== "text") return;
    expect(code.text.patch).toContain("-THRESHOLD = 0.5");
    expect(code.text.patch).toContain("+THRESHOLD = 0.45");

    const cfg = await data.getFileDiff(data.actor, { base, head, path: "model/config.json" });
    expect(cfg.kind).toBe("json");
    if (cfg.kind === "json") expect(cfg.semantic.changes.map((c) => c.path)).toContain("$.activation");

    const csv = await data.getFileDiff(data.actor, { base, head, path: "data/transactions.csv" });
    expect(csv.kind).toBe("csv");
    if (csv.kind === "csv") expect(csv.csv.counts.added + csv.csv.counts.removed + csv.csv.counts.changed).toBeGreaterThan(0);

    const weights = await data.getFileDiff(data.actor, { base, head, path: "model/model.safetensors" });
    expect(weights.kind).toBe("tensors");
    if (weights.kind === "tensors") {
      expect(weights.tensors.changes).toEqual(expect.arrayContaining([expect.objectContaining({ name: "bn.running_mean", kind: "added" })]));
    }
  });
});
