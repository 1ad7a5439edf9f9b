import { gzipSync } from "node:zlib";
import { MT } from "@/lib/oci/media-types";
import type { Descriptor } from "@/lib/oci/types";
import { createLayoutSource, type LayoutSource } from "@/lib/registry/layout/create-layout-source";
import { demoKits } from "./demo-content";
import { createGoTar } from "./go-tar";
import { packModelKit, sha256, type PackedModelKit } from "./pack-modelkit";

export interface DemoSummary {
  /** `repo:tag` → manifest digest */
  tags: Record<string, string>;
}

const enc = new TextEncoder();

async function store(layout: LayoutSource, repo: string, packed: PackedModelKit, tags: string[]): Promise<Descriptor> {
  await layout.putBlob(repo, packed.config.bytes);
  for (const l of packed.layers) await layout.putBlob(repo, l.bytes);
  let desc!: Descriptor;
  for (const tag of tags) desc = await layout.putManifest(repo, tag, packed.manifest, packed.mediaType);
  return desc;
}

/**
 * Writes the demo registry under `out` (one OCI image layout per repository). Idempotent: content is
 * deterministic, blobs are content-addressed and each tag is replaced, so a rerun changes nothing.
 */
export async function writeDemoData(out: string): Promise<DemoSummary> {
  const layout = createLayoutSource({ name: "demo", root: out });
  const tags: Record<string, string> = {};
  const descs = new Map<string, Descriptor>();
  const kits = new Map<string, PackedModelKit>();

  for (const kit of demoKits()) {
    const packed = await packModelKit(kit.pack);
    const desc = await store(layout, kit.repo, packed, kit.tags);
    for (const tag of kit.tags) {
      tags[`${kit.repo}:${tag}`] = desc.digest;
      descs.set(`${kit.repo}:${tag}`, desc);
      kits.set(`${kit.repo}:${tag}`, packed);
    }
  }

  // `kit index create`: an image index over both support-llm versions, entries annotated with their tags.
  const entries = ["1.0.0", "1.1.0"].map((tag) => {
    const d = descs.get(`demo/support-llm:${tag}`)!;
    const kf = kits.get(`demo/support-llm:${tag}`)!.kitfile;
    return {
      mediaType: MT.ociManifest,
      digest: d.digest,
      size: d.size,
      annotations: { "ml.kitops.modelkit.original-tag": tag },
      artifactType: MT.kitManifestArtifact,
      modelMetadata: { name: kf.package?.name, version: kf.package?.version, format: kf.model?.format, contextLength: (kf.model?.parameters as { context_length?: number }).context_length },
    };
  });
  const index = enc.encode(
    JSON.stringify({ schemaVersion: 2, mediaType: MT.ociIndex, artifactType: MT.kitIndexArtifact, manifests: entries, annotations: { "ml.kitops.modelkit.cli-version": "1.11.0-4f2a9c1" } }),
  );
  tags["demo/support-llm:multi"] = (await layout.putManifest("demo/support-llm", "multi", index, MT.ociIndex)).digest;

  // A plain container image, which the UI must call "not a ModelKit".
  const rootfs = createGoTar([
    { name: "app", type: "dir", mode: 0o755 },
    { name: "app/hello.sh", type: "file", mode: 0o755, content: enc.encode("#!/bin/sh\necho hello from a container\n") },
  ]);
  const layer = new Uint8Array(gzipSync(rootfs));
  const imageConfig = enc.encode(
    JSON.stringify({ architecture: "amd64", os: "linux", config: { Cmd: ["/app/hello.sh"] }, rootfs: { type: "layers", diff_ids: [sha256(rootfs)] } }),
  );
  const img = "demo/not-a-modelkit";
  const cfg = await layout.putBlob(img, imageConfig);
  const lay = await layout.putBlob(img, layer);
  const imageManifest = enc.encode(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MT.ociManifest,
      config: { mediaType: "application/vnd.oci.image.config.v1+json", ...cfg },
      layers: [{ mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", ...lay }],
    }),
  );
  tags[`${img}:latest`] = (await layout.putManifest(img, "latest", imageManifest, MT.ociManifest)).digest;

  // A referrer of fraud-detection 1.1.0 stored the OCI 1.1 fallback way: the artifact by digest plus an
  // index under the `sha256-<hex>` tag. The UI must hide that tag from the version list.
  const repo = "demo/fraud-detection";
  const subject = descs.get(`${repo}:1.1.0`)!;
  const empty = await layout.putBlob(repo, enc.encode("{}"));
  const note = await layout.putBlob(repo, enc.encode("Reviewed by the payments risk board on 2026-01-20: threshold change accepted.\n"));
  const artifactType = "application/vnd.kitgate.demo.review-note.v1";
  const artifact = enc.encode(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MT.ociManifest,
      artifactType,
      config: { mediaType: MT.ociEmpty, ...empty },
      layers: [{ mediaType: "text/plain", ...note, annotations: { "org.opencontainers.image.title": "review.txt" } }],
      subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
      annotations: { "org.opencontainers.image.created": "2026-01-20T09:30:00Z" },
    }),
  );
  const art = await layout.putManifest(repo, sha256(artifact), artifact, MT.ociManifest);
  const fallback = enc.encode(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MT.ociIndex,
      manifests: [{ mediaType: MT.ociManifest, digest: art.digest, size: art.size, annotations: { "org.opencontainers.image.created": "2026-01-20T09:30:00Z" }, artifactType }],
    }),
  );
  const fallbackTag = subject.digest.replace(":", "-");
  tags[`${repo}:${fallbackTag}`] = (await layout.putManifest(repo, fallbackTag, fallback, MT.ociIndex)).digest;
  return { tags };
}
