import type { Kitfile } from "./types";

// What `json.Marshal(KitFile)` writes (kitops pkg/artifact/kitfile.go): compact, Go struct field order,
// `omitempty` zero values dropped, `package` always present (a struct value), free-form parameters
// with map keys sorted (Go sorts map keys). This is the config blob of a Kit-format ModelKit and the
// `ml.kitops.modelkit.kitfile` annotation of a ModelPack; kit digests these exact bytes.

/** Go's json.Marshal of free-form values: map keys sorted, recursively. */
function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortDeep((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

const FREE_FORM = new Set(["parameters", "metrics"]);

/** Drops `omitempty` zero values: undefined, null, "", empty arrays; `always` keys are written even when empty. */
function pick(o: object, keys: readonly string[], always: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (o as Record<string, unknown>)[k];
    if (always.includes(k)) out[k] = v ?? "";
    else if (v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    else out[k] = FREE_FORM.has(k) ? sortDeep(v) : v;
  }
  return out;
}

export function kitfileToJson(kf: Kitfile): string {
  const obj: Record<string, unknown> = {
    manifestVersion: kf.manifestVersion ?? "",
    package: pick(kf.package ?? {}, ["name", "version", "description", "license", "authors"]),
  };
  if (kf.model) {
    const model = pick(kf.model, ["name", "path", "license", "framework", "format", "version", "description"]);
    if (kf.model.parts?.length) model.parts = kf.model.parts.map((p) => pick(p, ["name", "path", "license", "type", "digest", "diffId"]));
    Object.assign(model, pick(kf.model, ["parameters"]));
    if (kf.model.training) model.training = pick(kf.model.training, ["dataset", "parameters"]);
    if (kf.model.validation) model.validation = pick(kf.model.validation, ["dataset", "metrics"]);
    Object.assign(model, pick(kf.model, ["digest", "diffId"]));
    obj.model = model;
  }
  if (kf.code?.length) obj.code = kf.code.map((c) => pick(c, ["path", "description", "license", "digest", "diffId"]));
  if (kf.datasets?.length) {
    obj.datasets = kf.datasets.map((d) =>
      pick(d, ["name", "path", "description", "license", "preprocessing", "parameters", "remotePath", "remoteHash", "digest", "diffId"]),
    );
  }
  if (kf.docs?.length) obj.docs = kf.docs.map((d) => pick(d, ["path", "description", "digest", "diffId"], ["path"]));
  if (kf.prompts?.length) obj.prompts = kf.prompts.map((p) => pick(p, ["name", "path", "description", "digest", "diffId"]));
  if (kf.mcpServers?.length) obj.mcpServers = kf.mcpServers.map((m) => pick(m, ["name", "path", "description", "digest", "diffId"]));
  return JSON.stringify(obj);
}
