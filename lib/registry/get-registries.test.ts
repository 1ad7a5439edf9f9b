import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config/load-config";
import { MT } from "@/lib/oci/media-types";
import { getRegistries } from "./get-registries";
import { createLayoutSource } from "./layout/create-layout-source";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kitgate-registries-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  delete process.env.KG_REG_TOKEN;
});

describe("getRegistries", () => {
  it("builds every configured registry once per config, layout ones reading the configured directory", async () => {
    process.env.KG_REG_TOKEN = "t0ken";
    const file = path.join(dir, "kitgate.yaml");
    await writeFile(
      file,
      [
        "registries:",
        "  - name: local",
        "    layout: ./registry",
        "  - name: ghcr",
        "    url: https://ghcr.example",
        "    auth: { type: token, tokenEnv: KG_REG_TOKEN }",
        "    repositories: [org/model]",
        "cache: { dir: ./cache, maxBytes: 10MiB }",
      ].join("\n"),
    );
    const writer = createLayoutSource({ name: "w", root: path.join(dir, "registry") });
    const layer = await writer.putBlob("demo/x", new TextEncoder().encode("layer"));
    const config = await writer.putBlob("demo/x", new TextEncoder().encode("{}"));
    const manifest = JSON.stringify({ schemaVersion: 2, config: { mediaType: MT.kitConfig, ...config }, layers: [{ mediaType: "application/vnd.kitops.modelkit.code.v1.tar", ...layer }] });
    await writer.putManifest("demo/x", "1.0.0", new TextEncoder().encode(manifest), MT.ociManifest);

    const cfg = await loadConfig(file);
    const registries = await getRegistries(cfg);
    expect([...registries.keys()]).toEqual(["local", "ghcr"]);
    expect(registries.get("ghcr")?.kind).toBe("remote");
    expect(await getRegistries(cfg)).toBe(registries);

    const local = registries.get("local")!;
    expect(local.kind).toBe("oci-layout");
    expect((await local.listRepositories()).items).toEqual(["demo/x"]);
    const resolved = await local.resolve("demo/x", "1.0.0");
    await local.getManifest("demo/x", resolved.digest);
    const again = await local.getManifest("demo/x", resolved.digest);
    expect(Buffer.from(again.bytes).toString()).toBe(manifest);
  });
});
