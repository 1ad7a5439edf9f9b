import { parse, parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import type { Kitfile } from "@/lib/modelkit/types";
import { deploySnippets } from "./deploy-snippets";

const digest = `sha256:${"ab".repeat(32)}`;
const reference = "registry.example.com/team/fraud";
const pinned = `${reference}@${digest}`;

type Obj = Record<string, unknown>;
const at = (v: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((acc, k) => (acc as Obj | unknown[] | undefined)?.[k as never], v);

describe("deploySnippets", () => {
  const kitfile: Kitfile = { package: { name: "Fraud Detector" }, model: { path: "model.onnx", framework: "ONNX" } };
  const snippets = deploySnippets({ reference, digest, kitfile });
  const byId = Object.fromEntries(snippets.map((s) => [s.id, s]));

  it("pins every snippet to the digest", () => {
    expect(snippets.map((s) => s.id)).toEqual(["kit-pull", "kit-unpack", "kit-unpack-model", "kubernetes-init-container", "kserve-inference-service"]);
    for (const s of snippets) expect(s.text).toContain(pinned);
    expect(byId["kit-pull"]?.text).toBe(`kit pull ${pinned}\n`);
    expect(byId["kit-unpack"]?.text).toBe(`kit unpack ${pinned} -d ./model\n`);
    expect(byId["kit-unpack-model"]?.text).toBe(`kit unpack ${pinned} -d ./model --filter=model\n`);
  });

  it("builds a Deployment whose init container unpacks the model into a shared emptyDir", () => {
    const doc = parse(byId["kubernetes-init-container"]!.text) as Obj;
    expect(doc.kind).toBe("Deployment");
    expect(at(doc, "metadata", "name")).toBe("fraud-detector");
    const init = at(doc, "spec", "template", "spec", "initContainers", 0) as Obj;
    expect(init.image).toMatch(/^ghcr\.io\/kitops-ml\/kitops-init/);
    expect(init.env).toEqual([
      { name: "MODELKIT_REF", value: pinned },
      { name: "UNPACK_PATH", value: "/modelkit" },
      { name: "UNPACK_FILTER", value: "model" },
    ]);
    expect(at(doc, "spec", "template", "spec", "volumes")).toEqual([{ name: "modelkit", emptyDir: {} }]);
    expect(at(doc, "spec", "template", "spec", "containers", 0, "volumeMounts", 0, "name")).toBe("modelkit");
  });

  it("builds a KServe InferenceService with a kit:// storageUri and the framework's model format", () => {
    const doc = parse(byId["kserve-inference-service"]!.text) as Obj;
    expect(doc.kind).toBe("InferenceService");
    expect(at(doc, "spec", "predictor", "model", "storageUri")).toBe(`kit://${pinned}`);
    expect(at(doc, "spec", "predictor", "model", "modelFormat", "name")).toBe("onnx");
  });

  it("leaves out the model filter when the kit has no model, and marks an unknown format for the user", () => {
    const out = deploySnippets({ reference, digest, kitfile: { datasets: [{ path: "d" }] } });
    expect(out.map((s) => s.id)).not.toContain("kit-unpack-model");
    const dep = parse(out.find((s) => s.id === "kubernetes-init-container")!.text) as Obj;
    expect((at(dep, "spec", "template", "spec", "initContainers", 0, "env") as Obj[]).map((e) => e.name)).toEqual(["MODELKIT_REF", "UNPACK_PATH"]);
    const ks = parse(out.find((s) => s.id === "kserve-inference-service")!.text) as Obj;
    expect(at(ks, "spec", "predictor", "model", "modelFormat", "name")).toMatch(/REPLACE/);
  });

  it("keeps hostile names as quoted data in YAML and shell", () => {
    const hostile = 'evil"; rm -rf /\nkind: Secret\n- injected: true';
    const out = deploySnippets({ reference: "reg.example.com/a'b", digest, kitfile: { package: { name: hostile }, model: { path: "m", framework: hostile } } });
    for (const s of out.filter((x) => x.language === "yaml")) {
      const docs = parseAllDocuments(s.text);
      expect(docs).toHaveLength(1);
      const doc = docs[0]!.toJS() as Obj;
      expect(at(doc, "metadata", "annotations", "kitops.org/package")).toBe(hostile);
      expect(doc.kind).not.toBe("Secret");
      expect(at(doc, "metadata", "name")).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    }
    expect(out.find((s) => s.id === "kit-pull")!.text).toBe(`kit pull 'reg.example.com/a'\\''b@${digest}'\n`);
  });

  it("refuses a digest that is not a digest", () => {
    expect(() => deploySnippets({ reference, digest: "latest", kitfile: null })).toThrow(TypeError);
  });
});
