import { stringify } from "yaml";
import { isValidDigest } from "@/lib/modelkit/is-valid-digest";
import type { Kitfile } from "@/lib/modelkit/types";

export interface DeploySnippet {
  id: string;
  title: string;
  language: "shell" | "yaml";
  text: string;
}

export interface DeploySnippetsInput {
  /** `registry-host/repository`, without tag or digest */
  reference: string;
  /** the manifest digest every snippet is pinned to */
  digest: string;
  kitfile: Kitfile | null;
}

const INIT_IMAGE = "ghcr.io/kitops-ml/kitops-init:latest";
const UNPACK_PATH = "/modelkit";
/** Kubernetes object names are DNS-1123 labels: at most 63 characters. */
const MAX_K8S_NAME = 63;

// KServe's built-in runtimes (kserve docs, "Supported model formats") keyed by common framework names.
const KSERVE_FORMATS: Record<string, string> = {
  sklearn: "sklearn",
  "scikit-learn": "sklearn",
  scikitlearn: "sklearn",
  xgboost: "xgboost",
  lightgbm: "lightgbm",
  pytorch: "pytorch",
  torch: "pytorch",
  tensorflow: "tensorflow",
  tf: "tensorflow",
  keras: "tensorflow",
  onnx: "onnx",
  huggingface: "huggingface",
  transformers: "huggingface",
  "hugging face": "huggingface",
  pmml: "pmml",
  paddle: "paddle",
  paddlepaddle: "paddle",
  triton: "triton",
};

/**
 * POSIX single-quoting, hand-written because it is three lines and the rule is fixed: everything
 * between single quotes is literal; a single quote itself is closed, escaped and reopened.
 */
function shellQuote(value: string): string {
  if (/^[A-Za-z0-9._/:@=-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function k8sName(packageName: string | undefined): string {
  const base = (packageName ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_K8S_NAME)
    .replace(/-+$/g, "");
  return base || "modelkit";
}

function kserveFormat(kitfile: Kitfile | null): string | null {
  const framework = kitfile?.model?.framework?.trim().toLowerCase();
  if (!framework) return null;
  return KSERVE_FORMATS[framework] ?? null;
}

/**
 * Copy-paste deploy snippets for one ModelKit version, all pinned by digest so what is deployed is
 * what was reviewed. Registry-supplied strings only reach YAML through the `yaml` serializer and
 * shell text through `shellQuote`.
 */
export function deploySnippets(input: DeploySnippetsInput): DeploySnippet[] {
  const { reference, digest, kitfile } = input;
  if (typeof reference !== "string" || reference.length === 0 || reference.includes("@")) {
    throw new TypeError("deploySnippets: reference must be registry/repository without a digest");
  }
  if (!isValidDigest(digest)) throw new TypeError("deploySnippets: digest must be a valid OCI digest");

  const pinned = `${reference}@${digest}`;
  const hasModel = Boolean(kitfile?.model);
  const name = k8sName(kitfile?.package?.name);
  const packageName = kitfile?.package?.name;
  const annotations: Record<string, string> = { "kitops.org/modelkit": pinned };
  if (packageName) annotations["kitops.org/package"] = packageName;

  const snippets: DeploySnippet[] = [
    { id: "kit-pull", title: "Pull with kit", language: "shell", text: `kit pull ${shellQuote(pinned)}\n` },
    { id: "kit-unpack", title: "Unpack everything", language: "shell", text: `kit unpack ${shellQuote(pinned)} -d ./model\n` },
  ];
  if (hasModel) {
    snippets.push({
      id: "kit-unpack-model",
      title: "Unpack only the model",
      language: "shell",
      text: `kit unpack ${shellQuote(pinned)} -d ./model --filter=model\n`,
    });
  }

  const env: { name: string; value: string }[] = [
    { name: "MODELKIT_REF", value: pinned },
    { name: "UNPACK_PATH", value: UNPACK_PATH },
  ];
  if (hasModel) env.push({ name: "UNPACK_FILTER", value: "model" });
  const deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, annotations },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          initContainers: [
            { name: "kitops-init", image: INIT_IMAGE, env, volumeMounts: [{ name: "modelkit", mountPath: UNPACK_PATH }] },
          ],
          containers: [
            {
              name: "model-server",
              image: "REPLACE-with-your-serving-image",
              volumeMounts: [{ name: "modelkit", mountPath: UNPACK_PATH, readOnly: true }],
            },
          ],
          volumes: [{ name: "modelkit", emptyDir: {} }],
        },
      },
    },
  };
  snippets.push({
    id: "kubernetes-init-container",
    title: "Kubernetes Deployment with the kitops init container",
    language: "yaml",
    text: stringify(deployment, { lineWidth: 0 }),
  });

  const modelFormat = kserveFormat(kitfile);
  const model: Record<string, unknown> = {};
  model.modelFormat = { name: modelFormat ?? "REPLACE-with-model-format" };
  model.storageUri = `kit://${pinned}`;
  const inferenceService = {
    apiVersion: "serving.kserve.io/v1beta1",
    kind: "InferenceService",
    metadata: { name, annotations },
    spec: { predictor: { model } },
  };
  snippets.push({
    id: "kserve-inference-service",
    title: "KServe InferenceService (needs the kitops ClusterStorageContainer)",
    language: "yaml",
    text: stringify(inferenceService, { lineWidth: 0 }),
  });
  return snippets;
}
