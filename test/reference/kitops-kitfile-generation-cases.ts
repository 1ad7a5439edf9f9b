// kit's own ModelPack → Kitfile generation cases (pkg/artifact/testdata/kitfile-generation/*.yaml, run by
// TestGenerateKitfileForModelPack), re-typed as data. Digests are the cases' own placeholders (`sha256:aaa`).
import type { Origin } from "./origin";

export interface KitfileGenerationCase {
  origin: Origin;
  description: string;
  manifest: { schemaVersion: number; mediaType: string; artifactType: string; config: { mediaType: string; size: number; digest: string };
    layers: { mediaType: string; size: number; digest: string; annotations: Record<string, string> }[] };
  config: { modelfs: { type: string; diffIds: string[] } } | null;
  /** the Kitfile kit generates, or null when kit errors */
  kitfile: Record<string, unknown> | null;
  errRegexp: string | null;
}

const o = (name: string, commit: string): Origin => ({ repo: "kitops-ml/kitops", path: `pkg/artifact/testdata/kitfile-generation/${name}.yaml`, commit });

export const KIT_KITFILE_GENERATION_CASES: KitfileGenerationCase[] = [
  {
    origin: o("test-kitfile-for-manifest-and-config", "c0c71672e4808abd9fa97e9f9d84040a6b18b774"),
    description: "Test generating a Kitfile from ModelPack manifest and config",
    manifest: {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "artifactType": "application/vnd.cncf.model.manifest.v1+json", "config": {"mediaType": "application/vnd.cncf.model.config.v1+json", "size": 300, "digest": "sha256:123"}, "layers": [{"mediaType": "application/vnd.cncf.model.weight.v1.raw", "size": 100, "digest": "sha256:aaa", "annotations": {"org.cncf.model.filepath": "test-file.safetensors"}}, {"mediaType": "application/vnd.cncf.model.weight.config.v1.tar", "size": 100, "digest": "sha256:bbb", "annotations": {"org.cncf.model.filepath": "test-config.json"}}, {"mediaType": "application/vnd.cncf.model.weight.config.v1.tar", "size": 100, "digest": "sha256:ccc", "annotations": {"org.cncf.model.filepath": "test-config-2.json"}}, {"mediaType": "application/vnd.cncf.model.doc.v1.tar", "size": 100, "digest": "sha256:ddd", "annotations": {"org.cncf.model.filepath": "README.md"}}, {"mediaType": "application/vnd.cncf.model.doc.v1.tar", "size": 100, "digest": "sha256:eee", "annotations": {"org.cncf.model.filepath": "LICENSE"}}, {"mediaType": "application/vnd.cncf.model.dataset.v1.tar", "size": 100, "digest": "sha256:fff", "annotations": {"org.cncf.model.filepath": "datasets/dataset.parquet"}}, {"mediaType": "application/vnd.cncf.model.code.v1.tar", "size": 100, "digest": "sha256:999", "annotations": {"org.cncf.model.filepath": "src/test.sh"}}]},
    config: {"modelfs": {"type": "layers", "diffIds": ["sha256:aaa1", "sha256:bbb1", "sha256:ccc1", "sha256:ddd1", "sha256:eee1", "sha256:fff1", "sha256:9991"]}},
    kitfile: {"manifestVersion": "1.0.0", "model": {"path": "test-file.safetensors", "digest": "sha256:aaa", "diffId": "sha256:aaa1", "parts": [{"path": "test-config.json", "digest": "sha256:bbb", "diffId": "sha256:bbb1"}, {"path": "test-config-2.json", "digest": "sha256:ccc", "diffId": "sha256:ccc1"}]}, "docs": [{"path": "README.md", "digest": "sha256:ddd", "diffId": "sha256:ddd1"}, {"path": "LICENSE", "digest": "sha256:eee", "diffId": "sha256:eee1"}], "code": [{"path": "src/test.sh", "digest": "sha256:999", "diffId": "sha256:9991"}], "datasets": [{"path": "datasets/dataset.parquet", "digest": "sha256:fff", "diffId": "sha256:fff1"}]},
    errRegexp: null,
  },
  {
    origin: o("test-kitfile-for-manifest-without-config", "c0c71672e4808abd9fa97e9f9d84040a6b18b774"),
    description: "Test generating a Kitfile from ModelPack manifest without a config",
    manifest: {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "artifactType": "application/vnd.cncf.model.manifest.v1+json", "config": {"mediaType": "application/vnd.cncf.model.config.v1+json", "size": 300, "digest": "sha256:123"}, "layers": [{"mediaType": "application/vnd.cncf.model.weight.v1.raw", "size": 100, "digest": "sha256:aaa", "annotations": {"org.cncf.model.filepath": "test-file.safetensors"}}, {"mediaType": "application/vnd.cncf.model.weight.config.v1.tar", "size": 100, "digest": "sha256:bbb", "annotations": {"org.cncf.model.filepath": "test-config.json"}}, {"mediaType": "application/vnd.cncf.model.weight.config.v1.tar", "size": 100, "digest": "sha256:ccc", "annotations": {"org.cncf.model.filepath": "test-config-2.json"}}, {"mediaType": "application/vnd.cncf.model.doc.v1.tar", "size": 100, "digest": "sha256:ddd", "annotations": {"org.cncf.model.filepath": "README.md"}}, {"mediaType": "application/vnd.cncf.model.doc.v1.tar", "size": 100, "digest": "sha256:eee", "annotations": {"org.cncf.model.filepath": "LICENSE"}}, {"mediaType": "application/vnd.cncf.model.dataset.v1.tar", "size": 100, "digest": "sha256:fff", "annotations": {"org.cncf.model.filepath": "datasets/dataset.parquet"}}, {"mediaType": "application/vnd.cncf.model.code.v1.tar", "size": 100, "digest": "sha256:999", "annotations": {"org.cncf.model.filepath": "src/test.sh"}}]},
    config: null,
    kitfile: {"manifestVersion": "1.0.0", "model": {"path": "test-file.safetensors", "digest": "sha256:aaa", "parts": [{"path": "test-config.json", "digest": "sha256:bbb"}, {"path": "test-config-2.json", "digest": "sha256:ccc"}]}, "docs": [{"path": "README.md", "digest": "sha256:ddd"}, {"path": "LICENSE", "digest": "sha256:eee"}], "code": [{"path": "src/test.sh", "digest": "sha256:999"}], "datasets": [{"path": "datasets/dataset.parquet", "digest": "sha256:fff"}]},
    errRegexp: null,
  },
  {
    origin: o("test-manifest-with-multiple-model-weights", "c0c71672e4808abd9fa97e9f9d84040a6b18b774"),
    description: "Additional model weight layers are handled as model parts",
    manifest: {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "artifactType": "application/vnd.cncf.model.manifest.v1+json", "config": {"mediaType": "application/vnd.cncf.model.config.v1+json", "size": 300, "digest": "sha256:123"}, "layers": [{"mediaType": "application/vnd.cncf.model.weight.v1.raw", "size": 100, "digest": "sha256:aaa", "annotations": {"org.cncf.model.filepath": "test-file-01.safetensors"}}, {"mediaType": "application/vnd.cncf.model.weight.config.v1.tar", "size": 100, "digest": "sha256:bbb", "annotations": {"org.cncf.model.filepath": "test-config.json"}}, {"mediaType": "application/vnd.cncf.model.weight.config.v1.tar", "size": 100, "digest": "sha256:ccc", "annotations": {"org.cncf.model.filepath": "test-config-2.json"}}, {"mediaType": "application/vnd.cncf.model.weight.v1.raw", "size": 100, "digest": "sha256:ddd", "annotations": {"org.cncf.model.filepath": "test-file-02.safetensors"}}, {"mediaType": "application/vnd.cncf.model.weight.v1.raw", "size": 100, "digest": "sha256:eee", "annotations": {"org.cncf.model.filepath": "test-file-03.safetensors"}}]},
    config: {"modelfs": {"type": "layers", "diffIds": ["sha256:aaa1", "sha256:bbb1", "sha256:ccc1", "sha256:ddd1", "sha256:eee1"]}},
    kitfile: {"manifestVersion": "1.0.0", "model": {"path": "test-file-01.safetensors", "digest": "sha256:aaa", "diffId": "sha256:aaa1", "parts": [{"path": "test-config.json", "digest": "sha256:bbb", "diffId": "sha256:bbb1"}, {"path": "test-config-2.json", "digest": "sha256:ccc", "diffId": "sha256:ccc1"}, {"path": "test-file-02.safetensors", "digest": "sha256:ddd", "diffId": "sha256:ddd1"}, {"path": "test-file-03.safetensors", "digest": "sha256:eee", "diffId": "sha256:eee1"}]}},
    errRegexp: null,
  },
  {
    origin: o("test-error-invalid-diffid-in-config", "c0c71672e4808abd9fa97e9f9d84040a6b18b774"),
    description: "Error returned when config has invalid DiffIDs",
    manifest: {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "artifactType": "application/vnd.cncf.model.manifest.v1+json", "config": {"mediaType": "application/vnd.cncf.model.config.v1+json", "size": 300, "digest": "sha256:123"}, "layers": [{"mediaType": "application/vnd.cncf.model.weight.v1.raw", "size": 100, "digest": "sha256:aaa", "annotations": {"org.cncf.model.filepath": "test-file.safetensors"}}]},
    config: {"modelfs": {"type": "layers", "diffIds": ["sha256:aaa1", "sha256:bbb1", "sha256:ccc1"]}},
    kitfile: null,
    errRegexp: "invalid ModelPack config",
  },
  {
    origin: o("test-error-invalid-layer-mediatype", "152f045595afe9ddc0e434b3a3619efb456a2672"),
    description: "Error returned on unrecognized mediatype in layers",
    manifest: {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "artifactType": "application/vnd.cncf.model.manifest.v1+json", "config": {"mediaType": "application/vnd.cncf.model.config.v1+json", "size": 300, "digest": "sha256:123"}, "layers": [{"mediaType": "application/vnd.cncf.model.unrecognized.v1.raw", "size": 100, "digest": "sha256:aaa", "annotations": {"org.cncf.model.filepath": "test-file.safetensors"}}]},
    config: null,
    kitfile: null,
    errRegexp: "failed to parse media type",
  },
  {
    origin: o("test-error-invalid-layer-no-filepath-annotation", "152f045595afe9ddc0e434b3a3619efb456a2672"),
    description: "Error returned for layers without filepath annotations",
    manifest: {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "artifactType": "application/vnd.cncf.model.manifest.v1+json", "config": {"mediaType": "application/vnd.cncf.model.config.v1+json", "size": 300, "digest": "sha256:123"}, "layers": [{"mediaType": "application/vnd.cncf.model.weight.v1.raw", "size": 100, "digest": "sha256:aaa", "annotations": {"org.cncf.model.unrecognized": "test-file.safetensors"}}]},
    config: null,
    kitfile: null,
    errRegexp: "unknown file path for layer",
  },
  {
    origin: o("test-error-not-a-modelpack", "152f045595afe9ddc0e434b3a3619efb456a2672"),
    description: "Error returned for non ModelPack artifacts",
    manifest: {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "artifactType": "application/vnd.cncf.model.unrecognized.v1+json", "config": {"mediaType": "application/vnd.cncf.model.unrecognized.v1+json", "size": 300, "digest": "sha256:123"}, "layers": [{"mediaType": "application/vnd.cncf.model.weight.v1.raw", "size": 100, "digest": "sha256:aaa", "annotations": {"org.cncf.model.filepath": "test-file.safetensors"}}]},
    config: null,
    kitfile: null,
    errRegexp: "not a modelpack artifact",
  },
];
