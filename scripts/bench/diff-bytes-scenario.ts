// Registry side of the diff bench: pushes two ModelKit versions to a real `docker-registry` (a large uncompressed
// model layer shared by both, small code and config layers with one changed file and one changed value), puts a
// byte-counting proxy in front, and runs the diff data layer against it as pages and the API do. Shared by
// `npm run bench:diff` (1 GiB layer) and test/bench/diff-bytes.int.test.ts (small layer).
import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createGoTar, type TarEntry } from "@/scripts/demo-data/go-tar";
import { serializeKitfile } from "@/scripts/demo-data/pack-modelkit";
import type { Kitfile } from "@/lib/modelkit/types";
import { MT } from "@/lib/oci/media-types";
import { startRegistry, type RunningRegistry } from "@/test/support/registry/start-registry";
import { startCountingProxy, type CountingProxy, type Counts } from "./counting-proxy";
import { pushStreamedBlob } from "./push-streamed-blob";
import { streamedTarChunks, streamedTarDigest, streamedTarSize, fileName, type StreamedTarSpec } from "./streamed-tar";

const run = promisify(execFile);
const enc = new TextEncoder();
const sha256 = (b: Uint8Array) => `sha256:${createHash("sha256").update(b).digest("hex")}`;
const ROOT = path.resolve(import.meta.dirname, "../..");
const REGISTRY = "bench";
const REPO = "bench/diff-pair";
const CODE_FILES = 8;
const CODE_LINES = 2_000;

export interface ScenarioOptions {
  modelFiles: number;
  modelFileSize: number;
  log?: (line: string) => void;
}

export interface StepCounts {
  step: string;
  counts: Counts;
}

export interface ScenarioResult {
  modelLayerBytes: number;
  modelSecondPush: "uploaded" | "present";
  /** base + head sizes of the layers whose digest differs (code and config) */
  changedLayerBytes: number;
  configBlobBytes: number;
  diffSteps: StepCounts[];
  repeatSteps: StepCounts[];
  listing: { counts: Counts; entries: number; files: number; truncated: boolean };
  /** what the diff reported, so callers can check it is the diff they think */
  observed: { changedCode: string[]; modelStatus: string; codeFileModified: string[]; codeFilePatchHasChange: boolean; configChanges: { path: string; before?: unknown; after?: unknown }[] };
}

export const blobBytes = (c: Counts) => c.blobsFull.bytes + c.blobsRanged.bytes;
export const allBytes = (c: Counts) => c.blobsFull.bytes + c.blobsRanged.bytes + c.manifests.bytes + c.other.bytes;
export function sumCounts(list: Counts[]): Counts {
  const out: Counts = { blobsFull: { requests: 0, bytes: 0 }, blobsRanged: { requests: 0, bytes: 0 }, manifests: { requests: 0, bytes: 0 }, other: { requests: 0, bytes: 0 } };
  for (const c of list) for (const k of Object.keys(out) as (keyof Counts)[]) {
    out[k].requests += c[k].requests;
    out[k].bytes += c[k].bytes;
  }
  return out;
}

function codeFile(i: number, version: 0 | 1): string {
  const lines: string[] = [];
  for (let n = 0; n < CODE_LINES; n++) lines.push(`    value_${i}_${n} = compute(step=${n}, scale=${(n * 7 + i) % 13})  # line ${n}`);
  // the one code change between versions: a single line of the first file
  if (i === 0 && version === 1) lines[CODE_LINES / 2] = "    value_0_1000 = compute(step=1000, scale=42)  # tuned";
  return `def run():\n${lines.join("\n")}\n`;
}

function configFile(version: 0 | 1): string {
  const lines = ["training:", `  learning_rate: ${version === 0 ? "0.001" : "0.0005"}`, "  batch_size: 64", "  epochs: 12", "data:"];
  for (let n = 0; n < 40; n++) lines.push(`  feature_${n}: { weight: ${n / 10}, enabled: true }`);
  return `${lines.join("\n")}\n`;
}

function smallLayer(dir: string, files: Record<string, string>): Uint8Array {
  const entries: TarEntry[] = [{ name: dir, type: "dir", mode: 0o755 }];
  for (const name of Object.keys(files).sort()) entries.push({ name: `${dir}/${name}`, type: "file", mode: 0o644, content: enc.encode(files[name]!) });
  return createGoTar(entries);
}

async function putManifest(url: string, tag: string, bytes: Uint8Array): Promise<void> {
  const res = await fetch(`${url}/v2/${REPO}/manifests/${tag}`, { method: "PUT", headers: { "content-type": MT.ociManifest }, body: Buffer.from(bytes) });
  await res.body?.cancel();
  if (res.status !== 201) throw new Error(`manifest push ${tag}: ${res.status}`);
}

async function pushVersions(registry: RunningRegistry, spec: StreamedTarSpec, log: (s: string) => void) {
  const modelSize = streamedTarSize(spec);
  log(`hashing the ${(modelSize / 2 ** 20).toFixed(0)} MiB model layer (streamed)…`);
  const modelDigest = streamedTarDigest(spec);
  const model = { digest: modelDigest, size: modelSize, chunks: () => streamedTarChunks(spec) };
  const pushes: ("uploaded" | "present")[] = [];
  let changedLayerBytes = 0;
  let configBlobBytes = 0;
  for (const [version, tag] of [[0, "1.0.0"], [1, "1.1.0"]] as const) {
    log(`pushing ${REPO}:${tag}…`);
    pushes.push(await pushStreamedBlob(registry.url, REPO, model));
    const src = smallLayer("src", Object.fromEntries(Array.from({ length: CODE_FILES }, (_, i) => [`module_${i}.py`, codeFile(i, version)])));
    const cfg = smallLayer("config", { "train.yaml": configFile(version) });
    for (const bytes of [src, cfg]) {
      await pushStreamedBlob(registry.url, REPO, { digest: sha256(bytes), size: bytes.length, chunks: () => [bytes] });
      changedLayerBytes += bytes.length;
    }
    const kitfile: Kitfile = {
      manifestVersion: "1.0.0",
      package: { name: "diff-pair", version: tag, description: "bench pair: one code line and one config value change" },
      model: { name: "shards", path: "model", framework: "none", digest: modelDigest, diffId: modelDigest },
      code: [
        { path: "src", description: "training code", digest: sha256(src), diffId: sha256(src) },
        { path: "config", description: "training config", digest: sha256(cfg), diffId: sha256(cfg) },
      ],
    } as Kitfile;
    const config = enc.encode(serializeKitfile(kitfile));
    configBlobBytes += config.length;
    await pushStreamedBlob(registry.url, REPO, { digest: sha256(config), size: config.length, chunks: () => [config] });
    const layer = (mediaType: string, bytes: { digest: string; size: number }, filepath: string) => ({
      mediaType, digest: bytes.digest, size: bytes.size, annotations: { "org.cncf.model.filepath": filepath },
    });
    const manifest = enc.encode(
      JSON.stringify({
        schemaVersion: 2,
        artifactType: MT.kitManifestArtifact,
        config: { mediaType: MT.kitConfig, digest: sha256(config), size: config.length },
        layers: [
          layer("application/vnd.kitops.modelkit.model.v1.tar", model, "model"),
          layer("application/vnd.kitops.modelkit.code.v1.tar", { digest: sha256(src), size: src.length }, "src"),
          layer("application/vnd.kitops.modelkit.code.v1.tar", { digest: sha256(cfg), size: cfg.length }, "config"),
        ],
        annotations: { "ml.kitops.modelkit.cli-version": "1.11.0-bench" },
      }),
    );
    await putManifest(registry.url, tag, manifest);
  }
  return { modelDigest, modelSize, modelSecondPush: pushes[1]!, changedLayerBytes, configBlobBytes };
}

export async function runDiffBytesScenario(opts: ScenarioOptions): Promise<ScenarioResult> {
  const log = opts.log ?? (() => {});
  const spec: StreamedTarSpec = { dir: "model", files: opts.modelFiles, fileSize: opts.modelFileSize, seed: 0x5eed };
  const dir = await mkdtemp(path.join(tmpdir(), "kitgate-bench-registry-"));
  let registry: RunningRegistry | undefined;
  let proxy: CountingProxy | undefined;
  try {
    registry = await startRegistry({ mode: "anonymous" });
    const pushed = await pushVersions(registry, spec, log);
    proxy = await startCountingProxy(registry.url);

    await writeFile(
      path.join(dir, "kitgate.yaml"),
      [
        "registries:",
        `  - name: ${REGISTRY}`,
        `    url: ${proxy.url}`,
        "cache: { dir: ./cache, maxBytes: 268435456 }",
        "",
      ].join("\n"),
    );
    Object.assign(process.env, { KITGATE_CONFIG: path.join(dir, "kitgate.yaml"), DATABASE_URL: `file:${path.join(dir, "bench.db")}` });
    execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env: process.env, stdio: "pipe" });

    const { resolveGrants } = await import("@/lib/access/resolve-grants");
    const { getModelKitDiff } = await import("@/lib/data/get-modelkit-diff");
    const { getEntryFilesDiff } = await import("@/lib/data/get-entry-files-diff");
    const { getFileDiff } = await import("@/lib/data/get-file-diff");
    type Actor = import("@/lib/access/actor").Actor;
    const scope = `${REGISTRY}/*`;
    const rules = [{ group: "readers", role: "viewer" as const, scope }];
    const actor: Actor = {
      id: "bench", name: "Bench viewer", kind: "user", groups: ["readers"],
      access: { grants: resolveGrants(rules, { kind: "user", id: "bench", groups: ["readers"] }) },
    };
    const base = `${REGISTRY}/${REPO}:1.0.0`;
    const head = `${REGISTRY}/${REPO}:1.1.0`;

    const observed: ScenarioResult["observed"] = { changedCode: [], modelStatus: "", codeFileModified: [], codeFilePatchHasChange: false, configChanges: [] };
    const steps = async (record: boolean): Promise<StepCounts[]> => {
      const out: StepCounts[] = [];
      const step = async (name: string, fn: () => Promise<void>) => {
        proxy!.reset();
        await fn();
        out.push({ step: name, counts: proxy!.counts() });
      };
      await step("getModelKitDiff (summary)", async () => {
        const d = await getModelKitDiff(actor, { base, head });
        if (record) {
          observed.changedCode = d.diff.entries.code.filter((e) => e.status === "changed").map((e) => e.key);
          observed.modelStatus = d.diff.entries.model.map((e) => `${e.key}:${e.status}`).join(",");
        }
      });
      await step("getEntryFilesDiff code src", async () => {
        const d = await getEntryFilesDiff(actor, { base, head, section: "code", key: "src" });
        if (record) observed.codeFileModified = d.tree.changes.filter((c) => c.kind === "modified").map((c) => c.path);
      });
      await step("getEntryFilesDiff code config", async () => {
        await getEntryFilesDiff(actor, { base, head, section: "code", key: "config" });
      });
      await step("getEntryFilesDiff model (shared)", async () => {
        await getEntryFilesDiff(actor, { base, head, section: "model", key: "shards" });
      });
      await step("getFileDiff src/module_0.py", async () => {
        const d = await getFileDiff(actor, { base, head, path: "src/module_0.py" });
        if (record && d.kind === "text") observed.codeFilePatchHasChange = d.text.patch.includes("+    value_0_1000 = compute(step=1000, scale=42)  # tuned");
      });
      await step("getFileDiff config/train.yaml", async () => {
        const d = await getFileDiff(actor, { base, head, path: "config/train.yaml" });
        if (record && d.kind === "json") observed.configChanges = d.semantic.changes.map((c) => ({ path: c.path, before: c.before, after: c.after }));
      });
      return out;
    };
    log("diffing (cold cache)…");
    const diffSteps = await steps(true);
    log("diffing again (warm digest cache)…");
    const repeatSteps = await steps(false);

    log("listing the model layer in a fresh process…");
    proxy.reset();
    const { stdout } = await run(
      path.join(ROOT, "node_modules/.bin/tsx"),
      ["--conditions=react-server", path.join(ROOT, "scripts/bench/list-layer-child.ts"), base, pushed.modelDigest, scope],
      { cwd: ROOT, env: process.env, maxBuffer: 1 << 20 },
    );
    const child = JSON.parse(stdout.trim().split("\n").pop()!) as { entries: number; files: number; truncated: boolean; firstFile: string | null };
    if (child.files > 0 && child.firstFile !== fileName(spec, 0)) throw new Error(`unexpected first file ${child.firstFile}`);
    return {
      modelLayerBytes: pushed.modelSize,
      modelSecondPush: pushed.modelSecondPush,
      changedLayerBytes: pushed.changedLayerBytes,
      configBlobBytes: pushed.configBlobBytes,
      diffSteps,
      repeatSteps,
      listing: { counts: proxy.counts(), entries: child.entries, files: child.files, truncated: child.truncated },
      observed,
    };
  } finally {
    await proxy?.stop();
    await registry?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
