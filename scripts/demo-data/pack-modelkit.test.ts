import { gunzipSync } from "node:zlib";
import { Readable } from "node:stream";
import { Decompress } from "fzstd";
import { extract } from "tar-stream";
import { describe, expect, it } from "vitest";
import { demoKits } from "./demo-content";
import { packModelKit, type PackOptions } from "./pack-modelkit";

interface ReadEntry {
  name: string;
  type: string;
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  mtime: number;
}

async function readTar(bytes: Uint8Array): Promise<ReadEntry[]> {
  const ex = extract();
  const out: ReadEntry[] = [];
  const done = (async () => {
    for await (const entry of ex) {
      const h = entry.header;
      out.push({ name: h.name, type: h.type!, mode: h.mode!, uid: h.uid!, gid: h.gid!, uname: h.uname ?? "", gname: h.gname ?? "", mtime: h.mtime!.getTime() });
      entry.resume();
    }
  })();
  Readable.from([Buffer.from(bytes)]).pipe(ex);
  await done;
  return out;
}

function zstdDecompress(bytes: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  const d = new Decompress((chunk) => chunks.push(chunk));
  d.push(bytes, true);
  return Buffer.concat(chunks);
}

const base: PackOptions = {
  kitfile: {
    manifestVersion: "1.0.0",
    package: { name: "t", version: "1" },
    model: { name: "m", path: "models/deep/model.bin", parameters: { b: 2, a: { z: 1, y: 2 } } },
    code: [{ path: "src" }],
    datasets: [{ name: "d", path: "data/train.csv" }, { name: "remote", path: "data/big", remotePath: "s3://b/k", remoteHash: "abc" }],
    docs: [{ path: "README.md" }],
  },
  files: {
    "models/deep/model.bin": new Uint8Array([1, 2, 3]),
    "src/b.py": "b",
    "src/a-x.py": "ax",
    "src/a/inner.py": "inner",
    "data/train.csv": "x,y\n1,2\n",
    "README.md": "# hi\n",
  },
  style: "kit",
};

describe("packModelKit", () => {
  it("writes tar entries relative to the context with every ancestor directory, in kit's walk order", async () => {
    const packed = await packModelKit(base);
    const model = await readTar(packed.layers[0]!.bytes);
    expect(model.map((e) => [e.name, e.type])).toEqual([
      ["models", "directory"],
      ["models/deep", "directory"],
      ["models/deep/model.bin", "file"],
    ]);
    const code = await readTar(packed.layers[1]!.bytes);
    // depth-first, names sorted within each directory (Go filepath.Walk), not a flat string sort
    expect(code.map((e) => e.name)).toEqual(["src", "src/a", "src/a/inner.py", "src/a-x.py", "src/b.py"]);
  });

  it("normalises tar headers the way kit's sanitizeTarHeader does", async () => {
    const packed = await packModelKit({ ...base, modes: { "src/b.py": 0o755 } });
    const entries = (await Promise.all(packed.layers.map((l) => readTar(l.bytes)))).flat();
    for (const e of entries) {
      expect(e).toMatchObject({ uid: 1000, gid: 0, uname: "", gname: "", mtime: 0 });
      expect(e.name.startsWith("./") || e.name.endsWith("/")).toBe(false);
      expect(e.mode).toBe(e.type === "directory" ? 0o755 : e.name === "src/b.py" ? 0o755 : 0o644);
    }
    // raw header bytes: directory names are stored without the trailing slash tar-stream would add
    expect(Buffer.from(packed.layers[1]!.bytes.subarray(0, 4)).toString()).toBe("src\0");
  });

  it("is deterministic: the same input gives the same layer, config and manifest digests", async () => {
    const [a, b] = [await packModelKit(base), await packModelKit(structuredClone(base))];
    expect(b.layers.map((l) => l.digest)).toEqual(a.layers.map((l) => l.digest));
    expect(b.manifestDigest).toBe(a.manifestDigest);
    const changed = await packModelKit({ ...base, files: { ...base.files, "src/b.py": "b2" } });
    expect(changed.layers[1]!.digest).not.toBe(a.layers[1]!.digest);
    expect(changed.layers[0]!.digest).toBe(a.layers[0]!.digest);
  });

  it("writes the config as compact JSON in Kitfile struct order with per-entry digests", async () => {
    const packed = await packModelKit(base);
    const text = Buffer.from(packed.config.bytes).toString();
    const config = JSON.parse(text);
    expect(Object.keys(config)).toEqual(["manifestVersion", "package", "model", "code", "datasets", "docs"]);
    expect(Object.keys(config.model)).toEqual(["name", "path", "parameters", "digest", "diffId"]);
    expect(JSON.stringify(config.model.parameters)).toBe('{"a":{"y":2,"z":1},"b":2}');
    expect(config.datasets[1]).toEqual({ name: "remote", path: "data/big", remotePath: "s3://b/k", remoteHash: "abc" });
    expect(config.code[0].digest).toBe(packed.layers[1]!.digest);
    expect(text).toBe(JSON.stringify(config));
    // the remote dataset has no layer; order is model, code, datasets, docs
    expect(packed.layers.map((l) => l.kind)).toEqual(["model", "code", "dataset", "docs"]);
  });

  it("gives each style its manifest shape", async () => {
    // current kit (local-storage.go createManifest): mediaType, artifactType, filepath on every layer, created time
    const kit = JSON.parse(Buffer.from((await packModelKit(base)).manifest).toString());
    expect(Object.keys(kit)).toEqual(["schemaVersion", "mediaType", "artifactType", "config", "layers", "annotations"]);
    expect(kit.mediaType).toBe("application/vnd.oci.image.manifest.v1+json");
    expect(kit.artifactType).toBe("application/vnd.kitops.modelkit.manifest.v1+json");
    expect(kit.layers[0].annotations).toEqual({ "org.cncf.model.filepath": "models/deep/model.bin" });
    expect(Object.keys(kit.annotations)).toEqual(["ml.kitops.modelkit.cli-version", "org.opencontainers.image.created"]);

    const old = JSON.parse(Buffer.from((await packModelKit({ ...base, style: "kit-v1.7" })).manifest).toString());
    expect(old.artifactType).toBeUndefined();
    expect(old.mediaType).toBeUndefined();
    expect(Object.keys(old.annotations)).toEqual(["ml.kitops.modelkit.cli-version"]);
    expect(old.layers.every((l: { annotations?: unknown }) => l.annotations === undefined)).toBe(true);

    // kit v0.2.x: no docs layers, entries relative to the parent of each path, uid 0
    const { docs: _docs, ...v02Kitfile } = base.kitfile;
    const legacy = await packModelKit({ ...base, kitfile: v02Kitfile, style: "kit-legacy" });
    expect(legacy.layers[0]!.mediaType).toBe("application/vnd.kitops.modelkit.model.v1.tar+gzip");
    expect(JSON.parse(Buffer.from(legacy.config.bytes).toString()).model.digest).toBeUndefined();
    const legacyModel = await readTar(gunzipSync(legacy.layers[0]!.bytes));
    expect(legacyModel.map((e) => [e.name, e.uid])).toEqual([["model.bin", 0]]);
    const legacyCode = await readTar(gunzipSync(legacy.layers[1]!.bytes));
    expect(legacyCode.map((e) => e.name)).toEqual(["src", "src/a", "src/a/inner.py", "src/a-x.py", "src/b.py"]);
    expect(legacy.layers[1]!.diffId).not.toBe(legacy.layers[1]!.digest);
    await expect(packModelKit({ ...base, style: "kit-v0.2.5" })).rejects.toThrow(/no docs/);

    const mp = await packModelKit({ ...base, style: "modelpack", rawModel: true });
    const mpManifest = JSON.parse(Buffer.from(mp.manifest).toString());
    expect(mpManifest.mediaType).toBe("application/vnd.oci.image.manifest.v1+json");
    expect(mpManifest.layers[0].mediaType).toBe("application/vnd.cncf.model.weight.v1.raw");
    expect(JSON.parse(mpManifest.layers[0].annotations["org.cncf.model.file.metadata+json"])).toMatchObject({ name: "model.bin", size: 3, mode: 0o644, typeflag: 0 });
    // model-spec's Model struct order: descriptor, modelfs, config
    expect(Object.keys(JSON.parse(Buffer.from(mp.config.bytes).toString()))).toEqual(["descriptor", "modelfs", "config"]);
    expect(JSON.parse(mpManifest.annotations["ml.kitops.modelkit.kitfile"]).model.path).toBe("models/deep/model.bin");
    expect(JSON.parse(Buffer.from(mp.config.bytes).toString()).modelfs.diffIds).toEqual(mp.layers.map((l) => l.diffId));
  });

  it("compresses with zstd when asked, keeping diffId as the digest of the tar", async () => {
    const packed = await packModelKit({ ...base, compression: "zstd" });
    const layer = packed.layers[1]!;
    expect(layer.mediaType).toBe("application/vnd.kitops.modelkit.code.v1.tar+zstd");
    expect((await readTar(zstdDecompress(layer.bytes))).map((e) => e.name)).toContain("src/b.py");
  });

  it("packs every demo kit with valid safetensors and GGUF weights", async () => {
    for (const kit of demoKits()) await packModelKit(kit.pack);
    const support = demoKits().find((k) => k.repo === "demo/support-llm")!;
    const gguf = support.pack.files["model/support-llm.gguf"] as Uint8Array;
    const view = new DataView(gguf.buffer, gguf.byteOffset);
    expect(Buffer.from(gguf.subarray(0, 4)).toString()).toBe("GGUF");
    expect(view.getUint32(4, true)).toBe(3);
    const fraud = demoKits().filter((k) => k.repo === "demo/fraud-detection");
    const shapes = fraud.map((k) => {
      const st = k.pack.files["model/model.safetensors"] as Uint8Array;
      const n = Number(new DataView(st.buffer, st.byteOffset).getBigUint64(0, true));
      const header = JSON.parse(Buffer.from(st.subarray(8, 8 + n)).toString());
      const last = Math.max(...Object.values(header).flatMap((t) => (t as { data_offsets?: number[] }).data_offsets ?? [0]));
      expect(8 + n + last).toBe(st.length);
      return header["fc1.weight"].shape;
    });
    expect(shapes[0]).not.toEqual(shapes[1]);
  });
});
