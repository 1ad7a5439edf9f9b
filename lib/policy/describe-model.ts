import type { PolicyKitInput } from "./types";

export interface ModelFacts {
  llm: boolean;
  /** why it is (or is not) an LLM, for the tier explanation */
  llmReason: string;
  parameterCount: number | null;
  format: string | null;
  framework: string | null;
}

// Runtimes that only serve language models.
const LLM_FRAMEWORKS = new Set(["llama.cpp", "llamacpp", "vllm", "ollama", "mlx-lm", "tgi", "text-generation-inference", "exllamav2"]);
// Weight formats made for language models (llama.cpp's).
const LLM_FORMATS = new Set(["gguf", "ggml", "ggjt"]);
// Model families and the word itself, as whole words in the Kitfile's model or package name.
const LLM_NAME = /(^|[^a-z0-9])(llm|llama\d*|mistral|mixtral|gpt|gemma\d*|qwen\d*|phi-?\d|falcon|deepseek|chatglm)([^a-z0-9]|$)/i;
// Keys a Kitfile's `model.parameters` carries only for language models.
const LLM_PARAMETER_KEYS = ["context_length", "contextLength", "max_position_embeddings", "n_ctx", "vocab_size", "max_tokens"];
const LLM_TASKS = new Set(["llm", "text-generation", "text2text-generation", "chat", "conversational"]);
const PARAMETER_COUNT_KEYS = ["parameterCount", "parameter_count", "num_parameters", "n_params", "paramCount"];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The facts tier rules look at. A model is an LLM when, in this order:
 * 1. Kitfile `model.format` is gguf/ggml, or a model path ends in `.gguf`;
 * 2. Kitfile `model.framework` is an LLM-only runtime (llama.cpp, vLLM, Ollama, …);
 * 3. `model.parameters` says so: `type`/`task` is llm/text-generation/chat, or it has a context length or vocab size;
 * 4. the model or package name names an LLM family as a whole word (llm, llama, mistral, gpt, gemma, qwen, phi-3…).
 * Size alone is not a signal: large vision models exist.
 */
export function describeModel(kit: PolicyKitInput): ModelFacts {
  const model = kit.kitfile?.model;
  const format = model?.format?.trim().toLowerCase() || null;
  const framework = model?.framework?.trim().toLowerCase() || null;
  const params = isObject(model?.parameters) ? model.parameters : {};
  const facts = { parameterCount: kit.parameterCount ?? parameterCountFrom(params), format, framework };

  if (format && LLM_FORMATS.has(format)) return { ...facts, llm: true, llmReason: `model format is ${format}` };
  const ggufPath = [model?.path, ...(model?.parts ?? []).map((p) => p.path), ...(kit.layerPaths ?? [])].find(
    (p) => typeof p === "string" && p.toLowerCase().endsWith(".gguf"),
  );
  if (ggufPath) return { ...facts, llm: true, llmReason: `model file ${ggufPath} is GGUF` };
  if (framework && LLM_FRAMEWORKS.has(framework)) return { ...facts, llm: true, llmReason: `framework ${framework} serves language models` };
  for (const key of ["type", "task"]) {
    const v = params[key];
    if (typeof v === "string" && LLM_TASKS.has(v.toLowerCase())) return { ...facts, llm: true, llmReason: `model.parameters.${key} is ${v}` };
  }
  const key = LLM_PARAMETER_KEYS.find((k) => k in params);
  if (key) return { ...facts, llm: true, llmReason: `model.parameters has ${key}` };
  for (const [label, name] of [["model name", model?.name], ["package name", kit.kitfile?.package?.name]] as const) {
    const m = typeof name === "string" ? LLM_NAME.exec(name) : null;
    if (m) return { ...facts, llm: true, llmReason: `${label} "${name}" names an LLM (${m[2]})` };
  }
  return { ...facts, llm: false, llmReason: "no LLM format, runtime, parameters or name" };
}

function parameterCountFrom(params: Record<string, unknown>): number | null {
  for (const k of PARAMETER_COUNT_KEYS) {
    const v = params[k];
    if (typeof v === "number" && Number.isFinite(v) && v >= 0) return v;
  }
  return null;
}
