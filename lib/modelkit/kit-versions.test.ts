// Projects written for each rule of kit's pack/unpack tests, packed the way each kit version lays a ModelKit out (v0.2.5, v1.7, current,
// current --use-model-pack) and read back through Kitgate: every file must be listed at the path `kit
// unpack` writes it to, and nothing else. This is what caught the doubled paths of kit v0.1–v0.4 kits.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { decodeOptionsFor } from "@/lib/data/internal/decode-options-for";
import { listLayerFiles } from "@/lib/layers/list-layer-files";
import { parseManifest } from "@/lib/modelkit/parse-manifest";
import { KIT_INIT_CASES } from "@/test/reference/kitops-kit-init-cases";
import { KIT_MODELKIT_REF_CASES, KIT_PACK_UNPACK_CASES, REF_REPOSITORY } from "@/test/reference/kitops-pack-unpack-cases";
import { originLabel } from "@/test/reference/origin";
import { packModelKit, type PackStyle, type PackedModelKit } from "@/test/support/fixtures/modelkits";
import { buildModelKitView } from "./build-modelkit-view";
import { parseKitfile } from "./parse-kitfile";
import { validateKitfile } from "./validate-kitfile";

const norm = (p: string) => p.replace(/^\.\//, "");

async function viewAndFiles(packed: PackedModelKit) {
  const parsed = parseManifest(packed.manifest, packed.mediaType);
  if (parsed.kind !== "manifest") throw new Error("expected a manifest");
  const view = buildModelKitView({ manifestDigest: packed.manifestDigest, manifest: parsed.manifest, contentType: packed.mediaType, configBytes: packed.config.bytes });
  const files: string[] = [];
  for (const layer of view.layers) {
    const bytes = packed.layers.find((l) => l.digest === layer.digest)!.bytes;
    const listing = await listLayerFiles(Readable.from([Buffer.from(bytes)]), { ...decodeOptionsFor(layer), size: layer.size });
    files.push(...listing.entries.filter((e) => e.type === "file").map((e) => e.path));
  }
  return { view, files: files.sort() };
}

const STYLES: PackStyle[] = ["kit-v0.2.5", "kit-legacy", "kit-v1.7", "kit", "modelpack"];

describe("kit's pack/unpack rules, packed as each kit version and read back", () => {
  // kit v0.2 had no docs layers: cases with docs are packed by the later layouts only.
  const hasDocs = (c: (typeof KIT_PACK_UNPACK_CASES)[number]) => Boolean(parseKitfile(c.kitfile, "yaml").kitfile.docs?.length);
  const rows = KIT_PACK_UNPACK_CASES.flatMap((c) =>
    STYLES.filter((style) => !(hasDocs(c) && (style === "kit-v0.2.5" || style === "kit-legacy"))).map((style) => [`${style}: ${originLabel(c.origin)}`, c, style] as const),
  );
  it.each(rows)("%s", async (_label, c, style) => {
    const { kitfile } = parseKitfile(c.kitfile, "yaml");
    const files: Record<string, string> = {};
    for (const f of c.files) files[norm(f)] = `content of ${f}\n`;
    // Without an ignore file, the ignored files are in the context and kit's layer-path rules keep them out.
    if (c.kitignore === null) for (const f of c.ignored) files[norm(f)] = `ignored ${f}\n`;
    const packed = await packModelKit({ kitfile, files, style });
    const { view, files: listed } = await viewAndFiles(packed);
    const warnings = view.warnings.filter((w) => !/older kit: layers matched by position/.test(w));
    if (style === "modelpack" && packed.layers.length === 0) {
      // kit packs an empty ModelPack with `modelfs.diffIds: []`, which model-spec's schema refuses (minItems 1)
      expect(view.modelCard?.schemaIssues.map((i) => i.pointer)).toEqual(["/modelfs/diffIds"]);
      expect(warnings).toEqual([expect.stringMatching(/does not follow the model-spec schema/)]);
    } else {
      expect(warnings).toEqual([]);
    }
    expect(view.kitRejections).toEqual([]);
    expect(listed).toEqual(c.files.map(norm).sort());
    // no path is listed twice, none doubled the way a whole-path prefix would (`data/train/train/…`)
    expect(new Set(listed).size).toBe(listed.length);
  });
});

describe("Kitfiles kit init writes", () => {
  it.each(KIT_INIT_CASES.map((c) => [originLabel(c.origin), c] as const))("%s", async (_label, c) => {
    const { kitfile, warnings } = parseKitfile(JSON.stringify(c.expectedKitfile), "json");
    expect(warnings).toEqual([]);
    expect(validateKitfile(kitfile)).toEqual([]);
    const files = Object.fromEntries(c.files.map((f) => [norm(f), `content of ${f}\n`]));
    const { view, files: listed } = await viewAndFiles(await packModelKit({ kitfile, files, style: "kit" }));
    expect(view.kitRejections).toEqual([]);
    expect(view.warnings).toEqual([]);
    // every file kit init put in the Kitfile is listed once, at its own path
    const covered = c.files.map(norm).filter((f) => view.layers.some((l) => l.path !== null && (l.path === "." || f === l.path || f.startsWith(`${l.path}/`))));
    expect(listed).toEqual([...new Set(covered)].sort());
  });
});

describe("kit's ModelKit reference rules", () => {
  it.each(KIT_MODELKIT_REF_CASES.map((c) => [originLabel(c.origin), c] as const))("%s", async (_label, c) => {
    for (const mk of c.modelkits) {
      const { kitfile } = parseKitfile(mk.kitfile, "yaml");
      const files = Object.fromEntries(mk.files.map((f) => [norm(f), `content of ${f}\n`]));
      const { view, files: listed } = await viewAndFiles(await packModelKit({ kitfile, files, style: "kit" }));
      const path = kitfile.model?.path ?? "";
      if (path.startsWith(`${REF_REPOSITORY}:`)) {
        // a parent reference: no model layer, the reference parsed as kit parses it
        expect(view.parent).toMatchObject({ reference: path, registry: "localhost", repository: REF_REPOSITORY, tag: path.slice(REF_REPOSITORY.length + 1) });
        expect(view.entries[0]).toMatchObject({ section: "model", external: true, layerDigest: null });
      } else {
        expect(view.parent).toBeNull();
      }
      expect(listed).toEqual(mk.files.map(norm).sort());
      expect(view.kitRejections).toEqual([]);
    }
  });
});

describe("kit v0.2.5 layout, byte for byte", () => {
  it("stores a single-file path under its base name and a directory relative to its parent, uid 0", async () => {
    const packed = await packModelKit({
      kitfile: {
        manifestVersion: "1.0.0",
        package: { name: "scikit" },
        model: { name: "m", path: "models/scikit_model.joblib", training: { dataset: "train", parameters: { epochs: 3 } } },
        code: [{ path: "notebooks" }],
        datasets: [{ name: "train", path: "data/train", preprocessing: "dedup" }],
      },
      files: { "models/scikit_model.joblib": "w", "notebooks/train.ipynb": "{}", "data/train/part-0.csv": "a\n1\n" },
      style: "kit-v0.2.5",
    });
    const manifest = JSON.parse(Buffer.from(packed.manifest).toString());
    expect(Object.keys(manifest)).toEqual(["schemaVersion", "config", "layers", "annotations"]);
    expect(manifest.annotations).toEqual({ "ml.kitops.modelkit.cli-version": "0.2.5-29dbdc4" });
    expect(manifest.layers.map((l: { mediaType: string }) => l.mediaType)).toEqual([
      "application/vnd.kitops.modelkit.model.v1.tar",
      "application/vnd.kitops.modelkit.code.v1.tar",
      "application/vnd.kitops.modelkit.dataset.v1.tar",
    ]);
    expect(Buffer.from(packed.config.bytes).toString()).toBe(
      '{"manifestVersion":"1.0.0","package":{"name":"scikit"},"model":{"name":"m","path":"models/scikit_model.joblib","training":{"dataset":"train","parameters":{"epochs":3}}},' +
        '"code":[{"path":"notebooks"}],"datasets":[{"name":"train","path":"data/train","preprocessing":"dedup"}]}',
    );
    const names = (bytes: Uint8Array) => {
      const out: string[] = [];
      for (let off = 0; off + 512 <= bytes.length; ) {
        const name = Buffer.from(bytes.subarray(off, off + 100)).toString().replace(/\0.*$/s, "");
        if (!name) break;
        const size = parseInt(Buffer.from(bytes.subarray(off + 124, off + 136)).toString(), 8);
        const uid = parseInt(Buffer.from(bytes.subarray(off + 108, off + 116)).toString(), 8);
        out.push(`${name}:${uid}`);
        off += 512 + Math.ceil(size / 512) * 512;
      }
      return out;
    };
    expect(packed.layers.map((l) => names(l.bytes))).toEqual([
      ["scikit_model.joblib:0"],
      ["notebooks:0", "notebooks/train.ipynb:0"],
      ["train:0", "train/part-0.csv:0"],
    ]);
    const { view, files } = await viewAndFiles(packed);
    expect(view.format).toBe("kit-legacy");
    expect(files).toEqual(["data/train/part-0.csv", "models/scikit_model.joblib", "notebooks/train.ipynb"]);
    expect(view.kitfile?.model?.training).toEqual({ dataset: "train", parameters: { epochs: 3 } });
    expect(view.kitfile?.datasets?.[0]?.preprocessing).toBe("dedup");
  });
});
