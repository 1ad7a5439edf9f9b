// One project — a small sentiment model — packed the way each kit version packs it, into one repository
// (`demo/kit-versions`), so the version page, the list and the diff can be checked against every shape side
// by side: kit v0.2.5, kit v1.7, current kit, current kit `--use-model-pack`, a ModelPack written by a tool
// that does not embed the Kitfile, and two versions kit itself would refuse (a Kitfile and a config that
// break kit's validation and model-spec's schema).
import type { Kitfile } from "@/lib/modelkit/types";
import type { PackOptions } from "./pack-modelkit";

export const KIT_VERSIONS_REPO = "demo/kit-versions";

export interface KitVersionKit {
  tag: string;
  pack: PackOptions;
}

const onnxLike = (seed: number) => new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 31 + seed * 7) % 251));

const FILES: Record<string, string | Uint8Array> = {
  "models/sentiment.joblib": onnxLike(1),
  "notebooks/train.ipynb": `${JSON.stringify({ cells: [{ cell_type: "code", source: ["fit(train)\n"], metadata: {}, outputs: [], execution_count: 1 }], metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`,
  "notebooks/eval.ipynb": `${JSON.stringify({ cells: [{ cell_type: "markdown", source: ["# Eval\n"], metadata: {} }], metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`,
  "data/train/part-0.csv": "id,text,label\n1,great film,1\n2,dull,0\n",
  "data/train/part-1.csv": "id,text,label\n3,loved it,1\n4,awful,0\n",
  "README.md": "# Sentiment\n\nThe same project packed by every kit version Kitgate reads.\n",
  "prompts/system.md": "You label movie reviews as positive or negative.\n",
};

const base = (extra: Partial<Kitfile> = {}): Kitfile => ({
  manifestVersion: "1.0.0",
  package: { name: "sentiment", version: "1.0.0", description: "Movie review sentiment", license: "MIT", authors: ["Review Lab"] },
  model: { name: "sentiment-lr", path: "models/sentiment.joblib", framework: "scikit-learn", license: "MIT" },
  code: [{ path: "notebooks", description: "training notebooks" }],
  datasets: [{ name: "train", path: "data/train", license: "CC-BY-4.0" }],
  ...extra,
});

const MODEL_CARD = {
  descriptor: {
    vendor: "Review Lab",
    family: "sentiment-lr",
    docURL: "https://example.com/sentiment",
    sourceURL: "https://example.com/sentiment/src",
    datasetsURL: ["https://example.com/datasets/reviews"],
    revision: "4f2a9c1",
  },
  config: {
    architecture: "logistic-regression",
    paramSize: "0.1m",
    precision: "float32",
    capabilities: { inputTypes: ["text"], outputTypes: ["text"], knowledgeCutoff: "2025-12-31T00:00:00Z", reasoning: false, toolUsage: false, languages: ["en", "de"] },
  },
};

export function kitVersionKits(): KitVersionKit[] {
  const { docs: _d, prompts: _p, ...v02 } = base();
  return [
    {
      tag: "v0.2.5",
      pack: {
        // kit v0.2's Kitfile: training/validation/preprocessing, no docs
        kitfile: {
          ...v02,
          manifestVersion: "1.0",
          model: { ...base().model!, training: { dataset: "train", parameters: { C: 1, max_iter: 200 } }, validation: { dataset: "train", metrics: { accuracy: 0.91 } } },
          datasets: [{ name: "train", path: "data/train", license: "CC-BY-4.0", preprocessing: "lower-cased, HTML stripped" }],
        },
        files: FILES,
        style: "kit-v0.2.5",
      },
    },
    { tag: "v1.7", pack: { kitfile: base({ docs: [{ path: "README.md" }] }), files: FILES, style: "kit-v1.7" } },
    {
      tag: "current",
      pack: { kitfile: base({ docs: [{ path: "README.md" }], prompts: [{ path: "prompts/system.md", description: "labelling prompt" }] }), files: FILES, style: "kit", cliVersion: "1.11.0-4f2a9c1" },
    },
    {
      tag: "modelpack",
      pack: { kitfile: base({ docs: [{ path: "README.md" }] }), files: FILES, style: "modelpack", rawModel: true, modelCard: MODEL_CARD, cliVersion: "1.11.0-4f2a9c1" },
    },
    {
      tag: "modelpack-nokitfile",
      pack: {
        kitfile: base({ docs: [{ path: "README.md" }] }),
        files: FILES,
        style: "modelpack",
        rawModel: true,
        kitfileAnnotation: false,
        modelCard: { ...MODEL_CARD, config: { ...MODEL_CARD.config, paramSize: "0.2m" } },
        createdAt: "2026-02-01T09:30:00Z",
        cliVersion: "1.11.0-4f2a9c1",
      },
    },
    {
      // Packed by hand or by another tool: kit would refuse both the Kitfile and nothing else.
      tag: "rejected",
      pack: {
        kitfile: base({
          model: { ...base().model!, parts: [{ name: "tokenizer", path: "./notebooks/", type: "text tokenizer" }] },
          docs: [{ path: "README.md" }],
        }),
        files: FILES,
        style: "kit",
        cliVersion: "1.11.0-4f2a9c1",
      },
    },
    {
      // A ModelPack config that breaks model-spec's schema: a createdAt that is not RFC 3339, a 3-letter language.
      tag: "modelpack-invalid-config",
      pack: {
        kitfile: base({ docs: [{ path: "README.md" }] }),
        files: FILES,
        style: "modelpack",
        rawModel: true,
        kitfileAnnotation: false,
        createdAt: "2025/01/01T00:00:00Z",
        modelCard: { descriptor: MODEL_CARD.descriptor, config: { ...MODEL_CARD.config, capabilities: { languages: ["eng"] } } },
        cliVersion: "1.11.0-4f2a9c1",
      },
    },
  ];
}
