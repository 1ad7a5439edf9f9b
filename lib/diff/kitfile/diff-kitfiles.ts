import type { Kitfile } from "@/lib/modelkit/types";
import type { KitfileChange } from "@/lib/diff/types";
import { matchEntries, type EntryKeyField } from "./match-entries";
import { MAX_JSON_DEPTH, toJsonValue } from "./to-json-value";

type Obj = Record<string, unknown>;

/** Per-entry layer info lives in the layer diff; here it would only repeat every content change. */
const LAYER_INFO_FIELDS = new Set(["digest", "diffId"]);

/**
 * How list entries are matched, never by position: a reordered Kitfile is not a change.
 * Names are unique where kit requires them; paths are unique per Kitfile (kit validation).
 */
const LIST_KEYS: Record<string, EntryKeyField[]> = {
  code: ["path"],
  docs: ["path"],
  datasets: ["name", "path"],
  prompts: ["name", "path"],
  mcpServers: ["name", "path"],
};
const PART_KEYS: EntryKeyField[] = ["name", "path"];

function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function keySegment(key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function join(prefix: string, key: string): string {
  const seg = keySegment(key);
  return prefix === "" ? seg.replace(/^\./, "") : prefix + seg;
}

function deepEqual(x: unknown, y: unknown, depth = 0): boolean {
  if (x === y) return true;
  if (depth > MAX_JSON_DEPTH) return false;
  if (Array.isArray(x) && Array.isArray(y)) {
    return x.length === y.length && x.every((v, i) => deepEqual(v, y[i], depth + 1));
  }
  if (isObject(x) && isObject(y)) {
    const kx = Object.keys(x).filter((k) => x[k] !== undefined);
    const ky = Object.keys(y).filter((k) => y[k] !== undefined);
    return kx.length === ky.length && kx.every((k) => Object.hasOwn(y, k) && deepEqual(x[k], y[k], depth + 1));
  }
  return false;
}

function diffValues(path: string, before: unknown, after: unknown, out: KitfileChange[], depth = 0): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined) { out.push({ path, kind: "added", after: toJsonValue(after) }); return; }
  if (after === undefined) { out.push({ path, kind: "removed", before: toJsonValue(before) }); return; }
  if (depth < MAX_JSON_DEPTH && isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const k of keys) diffValues(join(path, k), before[k], after[k], out, depth + 1);
    return;
  }
  if (depth < MAX_JSON_DEPTH && Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) diffValues(`${path}[${i}]`, before[i], after[i], out, depth + 1);
    return;
  }
  if (!deepEqual(before, after)) out.push({ path, kind: "changed", before: toJsonValue(before), after: toJsonValue(after) });
}

/** Field-level changes between two JSON-like values below `path` (used for the ModelPack model card too). */
export function diffValuesAt(path: string, before: unknown, after: unknown): KitfileChange[] {
  const out: KitfileChange[] = [];
  diffValues(path, before, after, out);
  return out;
}

function withoutLayerInfo(entry: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(entry)) if (!LAYER_INFO_FIELDS.has(k)) out[k] = v;
  return out;
}

function asEntryList(v: unknown): Obj[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

function diffEntryList(section: string, listA: unknown, listB: unknown, fields: EntryKeyField[], out: KitfileChange[]): void {
  if (listA !== undefined && !Array.isArray(listA)) { diffValues(section, listA, listB, out); return; }
  if (listB !== undefined && !Array.isArray(listB)) { diffValues(section, listA, listB, out); return; }
  const changes: { label: string; list: KitfileChange[] }[] = [];
  for (const m of matchEntries(asEntryList(listA), asEntryList(listB), fields, (e, f) => e[f])) {
    const list: KitfileChange[] = [];
    const path = `${section}[${m.label}]`;
    diffValues(path, m.a && withoutLayerInfo(m.a), m.b && withoutLayerInfo(m.b), list);
    changes.push({ label: m.label, list });
  }
  // Order by entry label so the output does not depend on either side's list order.
  changes.sort((x, y) => (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
  for (const c of changes) out.push(...c.list);
}

function diffModel(a: unknown, b: unknown, out: KitfileChange[]): void {
  if (!isObject(a) || !isObject(b)) {
    const strip = (m: unknown) =>
      isObject(m) ? { ...withoutLayerInfo(m), ...(Array.isArray(m.parts) ? { parts: asEntryList(m.parts).map(withoutLayerInfo) } : {}) } : m;
    diffValues("model", strip(a), strip(b), out);
    return;
  }
  const { parts: partsA, ...restA } = withoutLayerInfo(a);
  const { parts: partsB, ...restB } = withoutLayerInfo(b);
  diffValues("model", restA, restB, out);
  diffEntryList("model.parts", partsA, partsB, PART_KEYS, out);
}

/**
 * Field-level Kitfile diff with readable paths (`model.parameters.threshold`, `datasets[train].remoteHash`).
 * The output is bounded by the input: configs are capped at 4 MiB before they are parsed.
 */
export function diffKitfiles(a: Kitfile | null | undefined, b: Kitfile | null | undefined): KitfileChange[] {
  const ka: Obj = isObject(a) ? a : {};
  const kb: Obj = isObject(b) ? b : {};
  const out: KitfileChange[] = [];
  diffValues("manifestVersion", ka.manifestVersion, kb.manifestVersion, out);
  // Kit always writes `"package":{}` in the config but YAML may omit it: both mean "no package fields".
  diffValues("package", ka.package ?? {}, kb.package ?? {}, out);
  diffModel(ka.model, kb.model, out);
  for (const [section, fields] of Object.entries(LIST_KEYS)) diffEntryList(section, ka[section], kb[section], fields, out);
  const known = new Set(["manifestVersion", "package", "model", ...Object.keys(LIST_KEYS)]);
  const others = [...new Set([...Object.keys(ka), ...Object.keys(kb)])].filter((k) => !known.has(k)).sort();
  for (const k of others) diffValues(join("", k), ka[k], kb[k], out);
  return out;
}
