// Directories written for Kitgate, one per rule of `kit init` (testing/kitfile-generation_test.go over
// testing/testdata/kitfile-generation/*.yaml): the files in the directory and the Kitfile kit init writes for
// them by those rules (directories by what they hold, the first model file as the model and the rest as parts,
// metadata beside models or datasets, README/LICENSE descriptions, .mcpb as MCP servers, prompt files). Kitgate
// does not generate Kitfiles; it must read such Kitfiles cleanly, find nothing kit would reject, and list their
// files after packing. Each row names the kit case whose rule it follows; directories and names are ours.
import type { Origin } from "./origin";

export interface KitInitCase {
  origin: Origin;
  description: string;
  files: string[];
  expectedKitfile: Record<string, unknown> | null;
}

const o = (name: string, commit: string): Origin => ({ repo: "kitops-ml/kitops", path: `testing/testdata/kitfile-generation/${name}.yaml`, commit });
const AE3 = "ae305fc389df233a808b2bf59811d1419ae24092";
const pkg = (name: string, description: string) => ({ manifestVersion: "1.0.0", package: { name, description } });
const paths = (...p: string[]) => p.map((path) => ({ path }));

export const KIT_INIT_CASES: KitInitCase[] = [
  {
    origin: o("test_directory-handling", AE3),
    description: "directories: code, docs, a model directory, a dataset directory and a mixed one",
    files: ["app/serve.sh", "tools/lint.sh", "vendor/helper.sh", "ci/build.sh", "docs/guide", "checkpoints/churn-a.gguf", "checkpoints/churn-b.gguf", "checkpoints/z-metadata.json", "records/part-001.zip", "records/part-002.zip", "records/part-003.zip", "records/z-metadata.json", "handbook/intro.md", "handbook/usage.md", "handbook/slides.pdf", "misc/notes.md", "misc/sample.csv", "misc/meta.json"],
    expectedKitfile: {
      ...pkg("churn-directories", "directories: code, docs, a model directory, a dataset directory and a mixed one"),
      model: { path: "checkpoints/churn-a.gguf", parts: paths("checkpoints/churn-b.gguf", "checkpoints/z-metadata.json") },
      datasets: paths("records"),
      docs: paths("docs", "handbook"),
      code: paths("app", "ci", "tools", "vendor", "misc"),
    },
  },
  {
    origin: o("test_empty-directory", AE3),
    description: "an empty directory",
    files: [],
    expectedKitfile: pkg("churn-empty", "an empty directory"),
  },
  {
    origin: o("test_existing-Kitfile", AE3),
    description: "Kitfiles already in the directory are not packed",
    files: ["churn.npy", "Kitfile", "kitfile", ".kitfile"],
    expectedKitfile: { ...pkg("churn-existing-kitfile", "Kitfiles already in the directory are not packed"), model: { name: "churn", path: "churn.npy" } },
  },
  {
    origin: o("test_metadata-files-dataset", AE3),
    description: "metadata files go with the datasets when there is no model",
    files: ["events.tar", "labels.csv", "sessions.zip", "t-metadata.json", "u-metadata.yaml", "v-metadata.xml"],
    expectedKitfile: {
      ...pkg("churn-dataset-metadata", "metadata files go with the datasets when there is no model"),
      datasets: paths("events.tar", "labels.csv", "sessions.zip", "t-metadata.json", "u-metadata.yaml", "v-metadata.xml"),
    },
  },
  {
    origin: o("test_metadata-files-model", AE3),
    description: "metadata files become model parts when there is a model",
    files: ["a-churn.gguf", "b-churn.safetensors", "c-churn.pkl", "d-churn.pb", "events.tar", "labels.csv", "sessions.zip", "t-metadata.json", "u-metadata.yaml", "v-metadata.xml"],
    expectedKitfile: {
      ...pkg("churn-model-metadata", "metadata files become model parts when there is a model"),
      model: { path: "a-churn.gguf", parts: paths("b-churn.safetensors", "c-churn.pkl", "d-churn.pb", "t-metadata.json", "u-metadata.yaml", "v-metadata.xml") },
      datasets: paths("events.tar", "labels.csv", "sessions.zip"),
    },
  },
  {
    origin: o("test_model-and-adaptor", AE3),
    description: "the largest model file is the model, smaller ones (adapters) are parts",
    files: ["adapter-eu.gguf", "adapter-us.gguf", "zz-churn-base-much-larger-than-the-adapters.gguf"],
    expectedKitfile: {
      ...pkg("churn-model-and-adapters", "the largest model file is the model, smaller ones (adapters) are parts"),
      model: { name: "zz-churn-base-much-larger-than-the-adapters", path: "zz-churn-base-much-larger-than-the-adapters.gguf", parts: paths("adapter-eu.gguf", "adapter-us.gguf") },
    },
  },
  {
    origin: o("test_multi-part-models", AE3),
    description: "a sharded model: the first shard is the model, the rest are parts in order",
    files: ["churn-shard-4.safetensors", "churn-shard-3.safetensors", "churn-shard-2.safetensors", "churn-shard-1.safetensors"],
    expectedKitfile: {
      ...pkg("churn-shards", "a sharded model: the first shard is the model, the rest are parts in order"),
      model: { path: "churn-shard-1.safetensors", parts: paths("churn-shard-2.safetensors", "churn-shard-3.safetensors", "churn-shard-4.safetensors") },
    },
  },
  {
    origin: o("test_type-detect", AE3),
    description: "file types by extension; README and LICENSE get descriptions; scripts make the root code",
    files: ["a-churn.gguf", "b-churn.safetensors", "c-churn.pkl", "d-churn.pb", "events.tar", "labels.csv", "sessions.zip", "design.md", "runbook.adoc", "audit.pdf", "README.md", "LICENSE", "train.sh", "serve.sh"],
    expectedKitfile: {
      ...pkg("churn-type-detect", "file types by extension; README and LICENSE get descriptions; scripts make the root code"),
      model: { path: "a-churn.gguf", parts: paths("b-churn.safetensors", "c-churn.pkl", "d-churn.pb") },
      datasets: paths("events.tar", "labels.csv", "sessions.zip"),
      docs: [{ path: "LICENSE", description: "License file" }, { path: "README.md", description: "Readme file" }, ...paths("audit.pdf", "design.md", "runbook.adoc")],
      code: paths("."),
    },
  },
  {
    origin: o("test_mcp-server-detection", "bf4b9bc74fa0e9dca616f7ef10632849ce4e310a"),
    description: ".mcpb bundles become MCP servers named by their path",
    files: ["calendar.mcpb", "tickets.mcpb", "tools/search.mcpb", "README.md"],
    expectedKitfile: {
      ...pkg("churn-mcp-servers", ".mcpb bundles become MCP servers named by their path"),
      docs: [{ path: "README.md", description: "Readme file" }],
      mcpServers: [{ name: "calendar", path: "calendar.mcpb" }, { name: "tickets", path: "tickets.mcpb" }, { name: "tools/search", path: "tools/search.mcpb" }],
    },
  },
  {
    origin: o("test_prompt-handling", "22c4f83c89234d14f47aa2b25759e29b47800a49"),
    description: "agent files and *.prompt* files are prompts; a directory of prompts is one entry",
    files: ["AGENTS.md", "CLAUDE.md", "SKILL.md", "triage.prompt.md", "summary.prompt.pdf", "system.prompt", "support-prompts/refund.prompt.one", "support-prompts/escalate.prompt.two", "playground/draft.prompt.x", "playground/ideas.md", "playground/page.html", "prompting.md", "notes.md", "README.md"],
    expectedKitfile: {
      ...pkg("churn-prompts", "agent files and *.prompt* files are prompts; a directory of prompts is one entry"),
      prompts: paths("AGENTS.md", "CLAUDE.md", "SKILL.md", "summary.prompt.pdf", "system.prompt", "triage.prompt.md", "support-prompts"),
      docs: [{ path: "README.md", description: "Readme file" }, ...paths("notes.md", "prompting.md")],
      code: paths("playground"),
    },
  },
];
