// Projects written for Kitgate, one per rule of kit's pack/unpack functional tests (testing/testdata/pack-unpack,
// format in testing/testdata/README.md) and ModelKit-reference tests (testing/testdata/modelkit-refs): the
// Kitfile, the files that must end up in the ModelKit and the ones that must not. Each row names the kit case
// whose rule it checks; Kitfiles, file names and ignore files are ours.
import type { Origin } from "./origin";

export interface PackUnpackCase {
  origin: Origin;
  description: string;
  kitfile: string;
  /** the case has a .kitignore (Kitgate's pack fixture does not apply ignore files, so ignored files are left out) */
  kitignore: string | null;
  files: string[];
  ignored: string[];
}

export interface ModelKitRefCase {
  origin: Origin;
  description: string;
  modelkits: { tag: string; kitfile: string; files: string[]; packErrRegexp?: string }[];
}

const o = (path: string, commit: string): Origin => ({ repo: "kitops-ml/kitops", path, commit });
const AC9 = "ac9b7fe80012722e32e6c9a1f8cfb68de0df39bc";
const D1A = "d1afec16362323b4ff7fd1220a6ab134b3580e08";
const FB7 = "fb79248a50bfb49b2c0f31fab908e68ea7e7bc41";

/** The repository every ModelKit of the reference cases is tagged in (kit's tests use one local repository). */
export const REF_REPOSITORY = "churn-base";

export const KIT_PACK_UNPACK_CASES: PackUnpackCase[] = [
  {
    origin: o("testing/testdata/pack-unpack/test_empty-kitfile.yaml", AC9),
    description: "a Kitfile with only a package packs no file",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: churn-empty\n",
    kitignore: null,
    files: [],
    ignored: ["weights/churn.onnx", "data/train.csv", "src/train.py", "NOTES.txt"],
  },
  {
    origin: o("testing/testdata/pack-unpack/test_pack-basic-model.yaml", AC9),
    description: "model, dataset and code directories",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: churn-basic\nmodel:\n  name: churn\n  path: ./weights\ndatasets:\n  - name: training\n    path: ./data\ncode:\n  - path: ./src\n",
    kitignore: null,
    files: ["./weights/churn.onnx", "./data/train.csv", "./src/train.py"],
    ignored: [],
  },
  {
    origin: o("testing/testdata/pack-unpack/test_pack-ignores-basic.yaml", AC9),
    description: "the whole context as the model, with an ignore file",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: churn-ignores\nmodel:\n  name: churn\n  path: .\n",
    kitignore: "# scratch space\ntmp\n# one experiment\nexperiments/failed\n# a root file\nscratch.txt\n# a file below a directory\nlogs/debug.log\n# one level of wildcard\nruns/*/checkpoint.bin\n# every notebook\n**/*.ipynb\n# every cache directory\n**/__pycache__\n# one character\nsplit-?.csv\n# but keep this one\n!reports/summary.ipynb\n",
    files: ["experiments/kept/metrics.json", "experiments/kept/plots/roc.png", "model.onnx", "logs/train.log", "logs/eval/eval.log", "runs/a/params.yaml", "runs/b/params.yaml", "runs/checkpoint.bin", "reports/summary.ipynb"],
    ignored: ["tmp/a/cache.bin", "tmp/b.bin", "experiments/failed/metrics.json", "scratch.txt", "logs/debug.log", "runs/a/checkpoint.bin", "runs/b/checkpoint.bin", "runs/c/checkpoint.bin", "explore.ipynb", "experiments/kept/explore.ipynb", "logs/eval/notes.ipynb", "src/__pycache__/train.pyc", "src/features/__pycache__/encode.pyc", "split-a.csv", "split-b.csv", "split-1.csv"],
  },
  {
    origin: o("testing/testdata/pack-unpack/test_pack-ignores-intersecting.yaml", D1A),
    description: "nested model, dataset and catch-all code paths, with an ignore file",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: churn-nested-ignores\nmodel:\n  name: churn\n  path: artifacts\ndatasets:\n  - name: holdout\n    path: artifacts/holdout\ncode:\n  - path: .   # the rest of the project\n",
    kitignore: "artifacts/old\nartifacts/onnx/draft.onnx\nartifacts/holdout/leak.csv\nartifacts/holdout/raw\nvenv\n",
    files: ["artifacts/churn.onnx", "artifacts/churn.json", "artifacts/vocab.txt", "artifacts/onnx/churn-int8.onnx", "artifacts/onnx/churn-fp16.onnx", "artifacts/holdout/2025-01.csv", "artifacts/holdout/2025-02.csv", "artifacts/holdout/q1/2025-03.csv", "src/train.py", "src/serve.py", "pyproject.toml", "Makefile"],
    ignored: ["artifacts/old/churn.onnx", "artifacts/onnx/draft.onnx", "artifacts/holdout/leak.csv", "artifacts/holdout/raw/dump.bin", "venv/bin/python"],
  },
  {
    origin: o("testing/testdata/pack-unpack/test_pack-intersecting-paths.yaml", D1A),
    description: "nested model, dataset and catch-all code paths: each file in the innermost layer only",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: churn-nested\nmodel:\n  name: churn\n  path: artifacts\ndatasets:\n  - name: holdout\n    path: artifacts/holdout\ncode:\n  - path: .   # the rest of the project\n",
    kitignore: null,
    files: ["artifacts/churn.onnx", "artifacts/churn.json", "artifacts/vocab.txt", "artifacts/onnx/churn-int8.onnx", "artifacts/onnx/churn-fp16.onnx", "artifacts/holdout/2025-01.csv", "artifacts/holdout/2025-02.csv", "artifacts/holdout/q1/2025-03.csv", "src/train.py", "src/serve.py", "pyproject.toml", "Makefile"],
    ignored: [],
  },
  {
    origin: o("testing/testdata/pack-unpack/test_pack-modelkit-parts-kitignore.yaml", FB7),
    description: "model parts inside and beside the model directory, with an ignore file",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: churn-parts-ignores\nmodel:\n  name: churn\n  path: ./weights\n  parts:\n  - name: encoder\n    path: weights/encoder/\n  - name: head\n    path: weights/head/\n  - name: lora\n    path: adapters/\n",
    kitignore: "**/*.log\n**/head/scratch\n",
    files: ["weights/base.safetensors", "weights/config.json", "weights/encoder/encoder-1.safetensors", "weights/encoder/encoder-2.safetensors", "weights/head/head.safetensors", "weights/head/head.json", "adapters/lora.safetensors"],
    ignored: ["weights/convert.log", "weights/encoder/encoder.log", "weights/head/scratch/tmp.bin", "adapters/train.log"],
  },
  {
    origin: o("testing/testdata/pack-unpack/test_pack-modelkit-parts.yaml", FB7),
    description: "model parts that are single files, spelled with and without ./",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: churn-parts\nmodel:\n  name: churn\n  path: ./weights\n  parts:\n    - name: encoder\n      path: ./weights/encoder.safetensors\n    - name: head\n      path: weights/head.safetensors\n    - name: lora\n      path: ./lora.safetensors\n",
    kitignore: null,
    files: ["weights/base-1.safetensors", "weights/base-2.safetensors", "weights/encoder.safetensors", "weights/head.safetensors", "lora.safetensors"],
    ignored: [],
  },
  {
    origin: o("testing/testdata/pack-unpack/test_pack-path-formats.yaml", AC9),
    description: "dataset paths written every way: ./dir, dir, dir/, a file, a deep directory, nested directories, a repeated name",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: churn-path-formats\ndatasets:\n  - name: dot-prefix\n    path: ./raw\n  - name: bare\n    path: clean\n  - name: trailing-slash\n    path: features/\n  - name: one-file\n    path: labels/labels.csv\n  - name: deep\n    path: archive/2024/q4/\n  - name: nested\n    path: splits/\n  - name: repeated-name\n    path: data/data\n",
    kitignore: null,
    files: ["raw/events-1.json", "raw/events-2.json", "clean/events-1", "clean/events-2", "features/numeric.parquet", "features/categorical.parquet", "labels/labels.csv", "archive/2024/q4/events.json", "splits/train/part-0.parquet", "splits/test/part-0.parquet", "splits/test/part-1.parquet", "splits/index.json", "data/data/data/data/events.json"],
    ignored: ["labels/README.txt", "archive/README.txt", "archive/2023/events.json", "archive/2024/q3/events.json", "scratch/events.json"],
  },
  {
    origin: o("testing/testdata/pack-unpack/test_pack-path-is-context-dir.yaml", AC9),
    description: "the model path is the context directory itself",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: churn-context\nmodel:\n  name: churn\n  path: .\n",
    kitignore: null,
    files: ["churn.onnx", "churn.json", "tokenizer/vocab.txt", "tokenizer/merges/merges.txt", "eval/report.json"],
    ignored: [],
  },
  {
    origin: o("testing/testdata/pack-unpack/test_path-formats.yaml", "9d3d4108d881147c1e137b3b243f2e5d443e9360"),
    description: "docs paths written every way: files and directories, with and without ./ and a trailing slash",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: churn-doc-paths\ndocs:\n  - path: MODEL_CARD.md\n  - path: ./CHANGES.md\n  - path: guides\n  - path: api/\n  - path: ./faq\n  - path: ./howto/\n  - path: legal/LICENSE.txt\n  - path: ./eval/summary.md\n",
    kitignore: null,
    files: ["./MODEL_CARD.md", "./CHANGES.md", "./guides/start.md", "./api/reference.md", "./faq/faq.md", "./howto/deploy.md", "./legal/LICENSE.txt", "./eval/summary.md"],
    ignored: [],
  },
];

const ref = (name: string) => `${REF_REPOSITORY}:${name}`;
/** A chain of `length` ModelKits, each naming the previous one as its model. */
const chain = (length: number) =>
  Array.from({ length }, (_, i) => ({
    tag: ref(`v${i + 1}`),
    kitfile: i === 0 ? "manifestVersion: 1.0.0\nmodel:\n  path: base.onnx\n" : `manifestVersion: 1.0.0\nmodel:\n  path: ${ref(`v${i}`)}\n`,
    files: i === 0 ? ["base.onnx"] : [],
  }));

export const KIT_MODELKIT_REF_CASES: ModelKitRefCase[] = [
  {
    origin: o("testing/testdata/modelkit-refs/test_reference-basic.yaml", "dd0edb6e8f64a89ca5d7c4a35940029fe7f2ffb6"),
    description: "ModelKits built on a parent ModelKit, adding parts",
    modelkits: [
      {
        tag: ref("base"),
        kitfile: "manifestVersion: 1.0.0\npackage:\n  name: churn-base\nmodel:\n  name: churn-base\n  path: weights/\n  parts:\n  - name: tokenizer\n    path: extras/tokenizer.json\n  - name: calibration\n    path: calibration.json\n",
        files: ["weights/base-1.safetensors", "weights/base-2.safetensors", "weights/shards/base-3.safetensors", "extras/tokenizer.json", "calibration.json"],
      },
      {
        tag: ref("finetuned"),
        kitfile: `manifestVersion: 1.0.0\npackage:\n  name: churn-finetuned\nmodel:\n  name: churn-finetuned\n  path: ${ref("base")}\n  parts:\n  - name: lora\n    path: weights/lora\n  - name: extra-vocab\n    path: extras/vocab-extra.txt\n  - name: thresholds\n    path: thresholds.json\n`,
        files: ["weights/lora/adapter-a.safetensors", "weights/lora/adapter-b.safetensors", "extras/vocab-extra.txt", "thresholds.json"],
      },
      {
        tag: ref("regional"),
        kitfile: `manifestVersion: 1.0.0\npackage:\n  name: churn-regional\nmodel:\n  name: churn-regional\n  path: ${ref("finetuned")}\n  parts:\n  - name: eu-adapter\n    path: weights/lora/eu.safetensors\n  - name: eu-head\n    path: weights/eu-head.safetensors\n  - name: eu-vocab\n    path: extras/eu-vocab.txt\n  - name: eu-thresholds\n    path: eu-thresholds.json\n`,
        files: ["weights/lora/eu.safetensors", "weights/eu-head.safetensors", "extras/eu-vocab.txt", "eu-thresholds.json"],
      },
    ],
  },
  {
    origin: o("testing/testdata/modelkit-refs/test_reference-long-chain.yaml", "84c842bde64d3391c3538280797d4782d373f698"),
    description: "a chain of parent references longer than kit allows fails to pack",
    modelkits: [...chain(11), { tag: ref("v12"), kitfile: `manifestVersion: 1.0.0\nmodel:\n  path: ${ref("v11")}\n`, files: [], packErrRegexp: "reached maximum number of model references" }],
  },
  {
    origin: o("testing/testdata/modelkit-refs/test_reference-loop.yaml", "dd0edb6e8f64a89ca5d7c4a35940029fe7f2ffb6"),
    description: "parent references that form a loop fail to pack",
    modelkits: [
      { tag: ref("a"), kitfile: "manifestVersion: 1.0.0\npackage:\n  name: churn-a\nmodel:\n  name: churn-a\n  path: churn.onnx\n", files: ["churn.onnx"] },
      { tag: ref("b"), kitfile: `manifestVersion: 1.0.0\npackage:\n  name: churn-b\nmodel:\n  name: churn-b\n  path: ${ref("a")}\n`, files: [] },
      { tag: ref("c"), kitfile: `manifestVersion: 1.0.0\npackage:\n  name: churn-c\nmodel:\n  name: churn-c\n  path: ${ref("b")}\n`, files: [] },
      { tag: ref("a"), kitfile: `manifestVersion: 1.0.0\npackage:\n  name: churn-a\nmodel:\n  name: churn-a\n  path: ${ref("c")}\n`, files: [], packErrRegexp: "Found cycle in modelkit references" },
    ],
  },
];
