import { describe, expect, it } from "vitest";
import { describeModel } from "./describe-model";
import { kit } from "./test-fixtures";

describe("describeModel: what counts as an LLM", () => {
  it.each([
    ["gguf model format", { model: { format: "GGUF", path: "model/x.bin" } }, true, /format is gguf/],
    ["a .gguf weight file", { model: { path: "model/support.Q4_K_M.gguf" } }, true, /GGUF/],
    ["an LLM-only runtime", { model: { framework: "vLLM", path: "m" } }, true, /framework vllm/],
    ["parameters.task", { model: { path: "m", parameters: { task: "text-generation" } } }, true, /task is text-generation/],
    ["parameters with a context length", { model: { path: "m", parameters: { context_length: 4096 } } }, true, /context_length/],
    ["a family name as a word", { model: { name: "llama3-8b-instruct", path: "m" } }, true, /llama3/],
    ["package name says llm", { package: { name: "support-llm" }, model: { path: "m" } }, true, /package name/],
    ["onnx classifier", { package: { name: "fraud-detection" }, model: { name: "fraud-classifier", framework: "onnx", path: "m" } }, false, /no LLM/],
    ["'gpt' inside a longer word is not a hint", { model: { name: "egptian-classifier", path: "m" } }, false, /no LLM/],
    ["no Kitfile", null, false, /no LLM/],
  ])("%s", (_label, kitfile, llm, reason) => {
    const facts = describeModel(kit({ kitfile: kitfile as never }));
    expect(facts.llm).toBe(llm);
    expect(facts.llmReason).toMatch(reason);
  });

  it("reads a parameter count from the Kitfile when the caller has none", () => {
    expect(describeModel(kit({ kitfile: { model: { path: "m", parameters: { num_parameters: 7e9 } } } })).parameterCount).toBe(7e9);
    expect(describeModel(kit({ parameterCount: 42, kitfile: { model: { path: "m", parameters: { num_parameters: 7e9 } } } })).parameterCount).toBe(42);
    expect(describeModel(kit()).parameterCount).toBeNull();
  });
});
