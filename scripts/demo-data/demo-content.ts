// Deterministic demo content: every byte comes from code and a seeded PRNG, so reruns produce the same
// digests. Versions differ the way real projects do (params tuned, rows added/removed, tensors reshaped).
import type { Kitfile } from "@/lib/modelkit/types";
import { makeGguf } from "./gguf";
import { KIT_VERSIONS_REPO, kitVersionKits } from "./kit-version-kits";
import type { PackOptions } from "./pack-modelkit";
import { makeSafetensors } from "./safetensors";

export interface DemoKit {
  repo: string;
  tags: string[];
  pack: PackOptions;
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const wave = (seed: number) => (i: number) => Math.sin(i * 0.37 + seed) * 0.5;

// ---------------------------------------------------------------- fraud-detection
const MERCHANTS = ["grocer", "fuel", "travel", "electronics", "pharmacy", "online-games", "restaurant", "jewelry"];
const COUNTRIES = ["DE", "FR", "US", "GB", "NL", "BR", "IN", "NG"];

function transactionsCsv(version: "1.0.0" | "1.1.0"): string {
  const rnd = prng(42);
  const rows: string[] = [];
  for (let id = 1; id <= 1500; id++) {
    const amount = (rnd() * 900 + 5).toFixed(2);
    const merchant = MERCHANTS[Math.floor(rnd() * MERCHANTS.length)]!;
    const country = COUNTRIES[Math.floor(rnd() * COUNTRIES.length)]!;
    const hour = Math.floor(rnd() * 24);
    let fraud = rnd() < 0.04 ? 1 : 0;
    if (version === "1.1.0") {
      if (id % 97 === 0) continue; // duplicates found by the data team, removed
      if (id % 131 === 0) fraud = 1 - fraud; // relabelled after chargeback review
    }
    rows.push(`${id},${amount},${merchant},${country},${hour},${fraud}`);
  }
  if (version === "1.1.0") {
    const extra = prng(7);
    for (let id = 1501; id <= 1620; id++) {
      rows.push(`${id},${(extra() * 1200 + 5).toFixed(2)},online-games,${COUNTRIES[id % 8]},${Math.floor(extra() * 24)},${extra() < 0.2 ? 1 : 0}`);
    }
  }
  return `transaction_id,amount,merchant_category,country,hour,is_fraud\n${rows.join("\n")}\n`;
}

function fraudKit(version: "1.0.0" | "1.1.0"): DemoKit {
  const v11 = version === "1.1.0";
  const hidden = v11 ? 32 : 16;
  const kitfile: Kitfile = {
    manifestVersion: "1.0.0",
    package: {
      name: "fraud-detection",
      version,
      description: "Card-transaction fraud classifier (gradient-boosted features + small MLP head)",
      license: "Apache-2.0",
      authors: ["Payments Risk Team"],
    },
    model: {
      name: "fraud-classifier",
      path: "model",
      license: "Apache-2.0",
      framework: "onnx",
      version,
      description: "MLP head over engineered transaction features",
      parameters: { threshold: v11 ? 0.45 : 0.5, max_depth: v11 ? 8 : 6, features: ["amount", "merchant_category", "country", "hour"], calibration: v11 ? "isotonic" : "platt" },
    },
    code: [{ path: "src", description: "Feature engineering, training and serving code", license: "Apache-2.0" }],
    datasets: [{ name: "transactions", path: "data/transactions.csv", description: "Labelled card transactions (synthetic)", license: "CC-BY-4.0" }],
    docs: [{ path: "README.md", description: "Model card" }],
  };
  const tensors = [
    { name: "fc1.weight", shape: [hidden, 8], fill: wave(1) },
    { name: "fc1.bias", shape: [hidden], fill: wave(2) },
    { name: "fc2.weight", shape: [1, hidden], fill: wave(3) },
    { name: "fc2.bias", shape: [1], fill: () => 0.1 },
    ...(v11 ? [{ name: "bn.running_mean", shape: [8], fill: wave(4) }] : []),
  ];
  const files: Record<string, string | Uint8Array> = {
    "model/model.safetensors": makeSafetensors(tensors, { format: "pt", version }),
    "model/config.json": `${JSON.stringify({ architecture: "mlp", hidden_size: hidden, input_features: 8, activation: v11 ? "gelu" : "relu", dropout: 0.1 }, null, 2)}\n`,
    "src/features.py": `import numpy as np\n\nMERCHANT_RISK = {${MERCHANTS.map((m, i) => `"${m}": ${(i * 0.1).toFixed(1)}`).join(", ")}}\n\n\ndef featurize(tx):\n    """Turn one transaction into the model's input vector."""\n    return np.array([\n        np.log1p(tx["amount"]),\n        MERCHANT_RISK.get(tx["merchant_category"], 0.5),\n        ${v11 ? 'float(tx["hour"] < 6 or tx["hour"] > 22),' : 'tx["hour"] / 23.0,'}\n    ])\n`,
    "src/train.py": `import yaml\nfrom features import featurize\n\n\ndef main():\n    cfg = yaml.safe_load(open("src/config.yaml"))\n    print("training with", cfg)\n${v11 ? '    if cfg["calibration"] == "isotonic":\n        print("calibrating with isotonic regression")\n' : ""}\n\nif __name__ == "__main__":\n    main()\n`,
    "src/serve.py": `THRESHOLD = ${v11 ? 0.45 : 0.5}\n\n\ndef decide(score: float) -> str:\n    return "block" if score >= THRESHOLD else "allow"\n`,
    "src/config.yaml": `model:\n  hidden_size: ${hidden}\n  activation: ${v11 ? "gelu" : "relu"}\ntraining:\n  epochs: ${v11 ? 30 : 20}\n  learning_rate: ${v11 ? 0.0005 : 0.001}\n  batch_size: 256\nthreshold: ${v11 ? 0.45 : 0.5}\ncalibration: ${v11 ? "isotonic" : "platt"}\n`,
    "data/transactions.csv": transactionsCsv(version),
    "README.md": `# Fraud detection ${version}\n\nBinary classifier flagging card transactions for review.\n\n| metric | value |\n|---|---|\n| AUC | ${v11 ? "0.947" : "0.931"} |\n| recall@threshold | ${v11 ? "0.88" : "0.83"} |\n\n${v11 ? "Lowered the decision threshold to 0.45 after the Q4 chargeback review.\n" : ""}`,
  };
  // 1.0.0 was packed by kit 1.7 (no artifactType, no layer annotations), 1.1.0 by a current kit.
  return {
    repo: "demo/fraud-detection",
    tags: [version],
    pack: { kitfile, files, style: v11 ? "kit" : "kit-v1.7", cliVersion: v11 ? "1.11.0-4f2a9c1" : "1.7.0-a1b2c3d" },
  };
}

// ---------------------------------------------------------------- support-llm
function supportKit(version: "1.0.0" | "1.1.0"): DemoKit {
  const v11 = version === "1.1.0";
  const dim = v11 ? 48 : 32;
  const kitfile: Kitfile = {
    manifestVersion: "1.0.0",
    package: { name: "support-llm", version, description: "Customer-support assistant (tiny llama-style demo model)", license: "MIT", authors: ["Support AI Team", "ML Platform"] },
    model: {
      name: "support-llm",
      path: "model/support-llm.gguf",
      license: "MIT",
      framework: "llama.cpp",
      format: "gguf",
      version,
      description: "Quantisation-free F32 demo weights",
      parts: [{ name: "support-lora", path: "adapters/support-lora.safetensors", license: "MIT", type: "lora" }],
      parameters: { context_length: v11 ? 4096 : 2048, temperature: v11 ? 0.2 : 0.3, top_p: 0.9 },
    },
    code: [{ path: "src", description: "Serving wrapper" }],
    datasets: [{ name: "eval", path: "data/eval.jsonl", description: "Held-out support conversations" }],
    docs: [{ path: "README.md", description: "Usage and evaluation" }],
    prompts: [
      { name: "system", path: "prompts/system.md", description: "System prompt" },
      ...(v11 ? [{ name: "escalation", path: "prompts/escalation.md", description: "Hand-off to a human agent" }] : []),
    ],
  };
  const evalRows = (v11 ? 60 : 40);
  const rnd = prng(99);
  const topics = ["refund", "shipping", "password reset", "invoice", "cancellation"];
  const evalData = Array.from({ length: evalRows }, (_, i) => JSON.stringify({ id: i + 1, topic: topics[Math.floor(rnd() * topics.length)], question: `Customer question #${i + 1}`, expected: "polite, correct, cites policy" })).join("\n") + "\n";
  const files: Record<string, string | Uint8Array> = {
    "model/support-llm.gguf": makeGguf(
      {
        "general.architecture": "llama",
        "general.name": `support-llm-${version}`,
        "general.alignment": { u32: 32 },
        "llama.context_length": { u32: v11 ? 4096 : 2048 },
        "llama.embedding_length": { u32: dim },
        "llama.block_count": { u32: 1 },
        "tokenizer.ggml.model": "llama",
        "tokenizer.ggml.tokens": ["<unk>", "<s>", "</s>", "refund", "order", "help", ...(v11 ? ["escalate"] : [])],
      },
      [
        { name: "token_embd.weight", dims: [dim, 64], fill: wave(5) },
        { name: "blk.0.attn_q.weight", dims: [dim, dim], fill: wave(6) },
        { name: "output_norm.weight", dims: [dim], fill: () => 1 },
      ],
    ),
    "adapters/support-lora.safetensors": makeSafetensors(
      [
        { name: "base_model.layers.0.attn.q_proj.lora_A.weight", shape: [v11 ? 8 : 4, dim], fill: wave(7) },
        { name: "base_model.layers.0.attn.q_proj.lora_B.weight", shape: [dim, v11 ? 8 : 4], fill: wave(8) },
      ],
      { rank: v11 ? "8" : "4", alpha: "16" },
    ),
    "src/server.py": `from llama_cpp import Llama\n\nllm = Llama(model_path="model/support-llm.gguf", n_ctx=${v11 ? 4096 : 2048})\nSYSTEM = open("prompts/system.md").read()\n\n\ndef answer(question: str) -> str:\n    out = llm.create_chat_completion(messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}], temperature=${v11 ? 0.2 : 0.3})\n    return out["choices"][0]["message"]["content"]\n`,
    "prompts/system.md": `You are a support assistant for ACME.\n\n- Answer in at most ${v11 ? "four" : "five"} sentences.\n- Never promise refunds above the policy limit.\n${v11 ? "- If the customer is upset twice, follow the escalation prompt.\n" : ""}`,
    ...(v11 ? { "prompts/escalation.md": "Tell the customer a human agent will reply within 4 business hours, and summarise the case in one line for the agent.\n" } : {}),
    "data/eval.jsonl": evalData,
    "README.md": `# support-llm ${version}\n\nA tiny llama-architecture model used to demo Kitgate.\n\n| eval set | rows | pass rate |\n|---|---:|---:|\n| support-eval | ${evalRows} | ${v11 ? "91%" : "86%"} |\n\n## Run it\n\n\`\`\`bash\nkit unpack local/demo/support-llm:${version} -d ./support-llm\npython src/server.py\n\`\`\`\n\n> The LoRA adapter is rank ${v11 ? 8 : 4}.\n`,
  };
  return {
    repo: "demo/support-llm",
    tags: v11 ? [version, "latest"] : [version],
    pack: { kitfile, files, style: "kit", cliVersion: "1.11.0-4f2a9c1" },
  };
}

// ---------------------------------------------------------------- churn-model (zstd)
function churnKit(version: "0.9.0" | "1.0.0"): DemoKit {
  const v1 = version === "1.0.0";
  const rnd = prng(2024);
  const rows: string[] = [];
  for (let i = 1; i <= (v1 ? 900 : 800); i++) {
    const tenure = Math.floor(rnd() * 72);
    const plan = ["basic", "plus", "pro"][Math.floor(rnd() * 3)];
    const monthly = (rnd() * 80 + 10).toFixed(2);
    const churned = rnd() < (tenure < 12 ? 0.35 : 0.1) ? 1 : 0;
    rows.push(v1 ? `${i},${tenure},${plan},${monthly},${Math.floor(rnd() * 10)},${churned}` : `${i},${tenure},${plan},${monthly},${churned}`);
  }
  const header = v1 ? "customer_id,tenure_months,plan,monthly_charges,support_tickets,churned" : "customer_id,tenure_months,plan,monthly_charges,churned";
  const notebook = {
    cells: [
      { cell_type: "markdown", metadata: {}, source: [`# Churn analysis ${version}\n`, "Exploring tenure vs churn."] },
      { cell_type: "code", execution_count: 1, metadata: {}, outputs: [], source: ["import pandas as pd\n", "df = pd.read_csv('data/customers.csv')\n", "df.groupby('plan').churned.mean()"] },
      ...(v1 ? [{ cell_type: "code", execution_count: 2, metadata: {}, outputs: [{ output_type: "stream", name: "stdout", text: ["support_tickets is the strongest new feature\n"] }], source: ["df.corr()['churned']"] }] : []),
    ],
    metadata: { kernelspec: { display_name: "Python 3", language: "python", name: "python3" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  const modelBytes = new Uint8Array(4096 + (v1 ? 1024 : 0));
  const mr = prng(v1 ? 11 : 10);
  modelBytes.set([0x80, 0x04, 0x95]); // pickle protocol 4 header, as joblib files start
  for (let i = 3; i < modelBytes.length; i++) modelBytes[i] = Math.floor(mr() * 256);
  const kitfile: Kitfile = {
    manifestVersion: "1.0.0",
    package: { name: "churn-model", version, description: "Subscription churn predictor", license: "Apache-2.0", authors: ["Growth Analytics"] },
    model: { name: "churn-gbm", path: "model/churn.joblib", framework: "scikit-learn", version, parameters: { n_estimators: v1 ? 400 : 200, learning_rate: 0.05, class_weight: v1 ? "balanced" : null } },
    code: [{ path: "notebooks", description: "Exploration notebooks" }, { path: "src", description: "Training pipeline" }],
    datasets: [
      { name: "customers", path: "data/customers.csv", description: "Customer snapshot (synthetic)" },
      { name: "events-archive", path: "data/events", description: "Raw click events kept in S3", remotePath: `s3://acme-churn-data/events/${v1 ? "2026-02" : "2026-01"}.parquet`, remoteHash: v1 ? "5d41402abc4b2a76b9719d911017c592" : "7d793037a0760186574b0282f2f435e7" },
    ],
    docs: [{ path: "docs", description: "Model card and data sheet" }],
  };
  const files: Record<string, string | Uint8Array> = {
    "model/churn.joblib": modelBytes,
    "notebooks/analysis.ipynb": `${JSON.stringify(notebook, null, 1)}\n`,
    "src/pipeline.py": `from sklearn.ensemble import GradientBoostingClassifier\n\nFEATURES = ["tenure_months", "monthly_charges"${v1 ? ', "support_tickets"' : ""}]\n\n\ndef train(df):\n    clf = GradientBoostingClassifier(n_estimators=${v1 ? 400 : 200}, learning_rate=0.05)\n    return clf.fit(df[FEATURES], df["churned"])\n`,
    "data/customers.csv": `${header}\n${rows.join("\n")}\n`,
    "docs/README.md": `# Churn model ${version}\n\nPredicts 90-day churn. Events live in S3 and are not packed.\n`,
    "docs/datasheet.yaml": `dataset: customers\nrows: ${rows.length}\ncollected: ${v1 ? "2026-02" : "2026-01"}\npii: false\n`,
  };
  return { repo: "demo/churn-model", tags: [version], pack: { kitfile, files, style: "kit", compression: "zstd", cliVersion: "1.11.0-4f2a9c1" } };
}

// ---------------------------------------------------------------- legacy, parent ref, ModelPack
function legacyKit(): DemoKit {
  const rnd = prng(3);
  const labels = ["positive", "negative", "neutral"];
  const reviews = Array.from({ length: 200 }, (_, i) => `${i + 1},"review text ${i + 1}",${labels[Math.floor(rnd() * 3)]}`).join("\n");
  const onnx = new Uint8Array(2048);
  for (let i = 0; i < onnx.length; i++) onnx[i] = Math.floor(rnd() * 256);
  return {
    repo: "demo/legacy-sentiment",
    tags: ["v0.1"],
    pack: {
      // As kit v0.2.5 packed it with `--compression gzip`: the v0.2 Kitfile struct (training, validation,
      // preprocessing; no docs), entries relative to each path's parent, no per-entry digests.
      kitfile: {
        manifestVersion: "1.0",
        package: { name: "legacy-sentiment", version: "0.1", authors: ["Early Adopter"] },
        model: {
          name: "sentiment",
          path: "model",
          framework: "onnx",
          description: "Packed with kit 0.2.5",
          training: { dataset: "reviews", parameters: { epochs: 4, learning_rate: 0.01 } },
          validation: { dataset: "reviews", metrics: { accuracy: 0.87 } },
        },
        code: [{ path: "src" }, { path: "README.md" }],
        datasets: [{ name: "reviews", path: "data/reviews.csv", preprocessing: "lower-cased, HTML stripped" }],
      },
      files: {
        "model/sentiment.onnx": onnx,
        "model/vocab.txt": "the\na\ngood\nbad\n",
        "src/predict.py": "def predict(text):\n    return 'positive'\n",
        "data/reviews.csv": `id,text,label\n${reviews}\n`,
        "README.md": "# Legacy sentiment\n\nPacked by kit 0.2.5 with gzip layers: no per-entry digests, entries stored relative to each path's parent directory.\n",
      },
      style: "kit-v0.2.5",
      compression: "gzip",
      cliVersion: "0.2.5-29dbdc4",
    },
  };
}

function finetuneKit(): DemoKit {
  return {
    repo: "demo/fraud-detection-finetune",
    tags: ["1.0.0"],
    pack: {
      kitfile: {
        manifestVersion: "1.0.0",
        package: { name: "fraud-detection-finetune", version: "1.0.0", description: "Merchant-specific adapter on top of fraud-detection 1.1.0", authors: ["Payments Risk Team"] },
        model: {
          name: "fraud-classifier-merchant",
          path: "local/demo/fraud-detection:1.1.0",
          parts: [{ name: "merchant-lora", path: "adapters/merchant-lora.safetensors", type: "lora" }],
          parameters: { base: "local/demo/fraud-detection:1.1.0", lora_rank: 4 },
        },
        datasets: [{ name: "merchant-sample", path: "data/merchant-sample.csv" }],
        docs: [{ path: "README.md" }],
      },
      files: {
        "adapters/merchant-lora.safetensors": makeSafetensors([
          { name: "fc1.lora_A", shape: [4, 8], fill: wave(9) },
          { name: "fc1.lora_B", shape: [32, 4], fill: wave(10) },
        ]),
        "data/merchant-sample.csv": "transaction_id,amount,merchant_category,is_fraud\n1,12.50,online-games,0\n2,499.00,online-games,1\n3,7.99,online-games,0\n",
        "README.md": "# Merchant fine-tune\n\nThe base model is referenced, not copied: `model.path` is `local/demo/fraud-detection:1.1.0`.\n",
      },
      style: "kit",
      cliVersion: "1.11.0-4f2a9c1",
    },
  };
}

function modelPackKit(withKitfile: boolean): DemoKit {
  return {
    repo: "demo/modelpack-vision",
    tags: [withKitfile ? "1.0.0" : "1.0.0-nokitfile"],
    pack: {
      kitfile: {
        manifestVersion: "1.0.0",
        package: { name: "modelpack-vision", version: "1.0.0", description: "Image classifier packed as a CNCF ModelPack", license: "Apache-2.0", authors: ["Vision Team"] },
        model: {
          name: "vision-tiny",
          path: "weights/vision.safetensors",
          license: "Apache-2.0",
          format: "safetensors",
          parts: [{ name: "preprocessor", path: "weights/preprocessor.json", type: "config" }],
        },
        code: [{ path: "src", license: "Apache-2.0" }],
        docs: [{ path: "README.md" }],
      },
      files: {
        "weights/vision.safetensors": makeSafetensors([
          { name: "conv1.weight", shape: [8, 3, 3, 3], fill: wave(11) },
          { name: "head.weight", shape: [10, 8], fill: wave(12) },
        ]),
        "weights/preprocessor.json": `${JSON.stringify({ image_size: 64, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] }, null, 2)}\n`,
        "src/infer.py": "import safetensors\n\n\ndef classify(image):\n    ...\n",
        "README.md": `# Vision tiny (ModelPack)\n\n${withKitfile ? "Packed with `kit pack --use-model-pack`." : "Packed by a ModelPack tool that does not embed a Kitfile."}\n`,
      },
      style: "modelpack",
      rawModel: true,
      kitfileAnnotation: withKitfile,
      createdAt: "2026-01-15T10:00:00Z",
      cliVersion: "1.11.0-4f2a9c1",
    },
  };
}

/** Every demo ModelKit, in the order they are written (parents before the kits that reference them). */
export function demoKits(): DemoKit[] {
  return [
    fraudKit("1.0.0"),
    fraudKit("1.1.0"),
    supportKit("1.0.0"),
    supportKit("1.1.0"),
    churnKit("0.9.0"),
    churnKit("1.0.0"),
    legacyKit(),
    finetuneKit(),
    modelPackKit(true),
    modelPackKit(false),
    ...kitVersionKits().map((k) => ({ repo: KIT_VERSIONS_REPO, tags: [k.tag], pack: k.pack })),
  ];
}
