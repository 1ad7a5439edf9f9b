import { isModelKitReference } from "./parse-model-kit-reference";
import type { KitValidationIssue, KitValidationRule, Kitfile } from "./types";

// kit's Kitfile validation (kitops pkg/artifact, exercised by pkg/artifact/testdata/validation/*.yaml),
// re-created from those cases and their expected messages. Kit refuses to pack or unpack a Kitfile that
// breaks any of these rules; Kitgate still shows such a kit, marked "kit would reject this".

/** kit: `^[\w][\w.-]*$` (Go's `\w` is ASCII), at most 64 characters. */
const PART_TYPE = /^\w[\w.-]*$/;
const PART_TYPE_MAX_LENGTH = 64;
/** Every manifestVersion spelling kit's docs have used: 1.0.0, 1.0 (kitfile.md example), v1.0.0. */
const MANIFEST_VERSION = /^v?1(?:\.0){0,2}$/;
const HTTP_URL = /^https?:\/\//i;
const ANY_URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const S3_URL = /^s3:\/\//;
/** A hostile Kitfile can break a rule once per entry; past this many problems the rest are only counted. */
const MAX_ISSUES = 200;
/** Entries named in one duplicate-path message before the rest are only counted. */
const MAX_NAMED_USERS = 10;

/** Go's path.Clean: `./a/../b/` → `b`, "" → ".". */
export function goCleanPath(p: string): string {
  if (p === "") return ".";
  const rooted = p.startsWith("/");
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(seg);
  }
  const joined = out.join("/");
  if (rooted) return `/${joined}`;
  return joined === "" ? "." : joined;
}

interface LayerPath {
  field: string;
  /** "model part", "dataset", … as kit's "invalid path for …" messages say it */
  kind: string;
  /** "modelpart lora", "dataset layer 0", … as kit's path messages say it */
  label: string;
  path: string;
  /** model.path may name a parent ModelKit */
  allowReference: boolean;
  /** a dataset kept outside the kit (`remotePath`): its path is only where unpack puts it */
  remote: boolean;
  /** only mcpServers: the path must be one .mcpb file */
  mcpb: boolean;
}

function label(kind: string, name: string | undefined, index: number): string {
  return name ? `${kind} ${name}` : `${kind} layer ${index}`;
}

function layerPaths(kf: Kitfile): LayerPath[] {
  const out: LayerPath[] = [];
  const add = (field: string, kind: string, lbl: string, path: string | undefined, extra: Partial<LayerPath> = {}) => {
    out.push({ field, kind, label: lbl, path: path ?? "", allowReference: false, remote: false, mcpb: false, ...extra });
  };
  const model = kf.model;
  // kit packs no model layer for an empty model path, so it is not a layer path.
  if (model && model.path) add("model.path", "model", model.name ? `model ${model.name}` : "model", model.path, { allowReference: true });
  model?.parts?.forEach((p, i) => add(`model.parts[${i}].path`, "model part", label("modelpart", p.name, i), p.path));
  kf.code?.forEach((c, i) => add(`code[${i}].path`, "code", `code layer ${i}`, c.path));
  kf.datasets?.forEach((d, i) => add(`datasets[${i}].path`, "dataset", label("dataset", d.name, i), d.path, { remote: Boolean(d.remotePath) }));
  kf.docs?.forEach((d, i) => add(`docs[${i}].path`, "docs", `docs layer ${i}`, d.path));
  kf.prompts?.forEach((p, i) => add(`prompts[${i}].path`, "prompt", label("prompt", p.name, i), p.path));
  kf.mcpServers?.forEach((m, i) => add(`mcpServers[${i}].path`, "mcpServer", label("mcpServer", m.name, i), m.path, { mcpb: true }));
  return out;
}

/**
 * Checks a Kitfile against kit's validation rules and returns every rule it breaks, in Kitfile order.
 * An empty list means kit would pack and unpack it.
 */
export function validateKitfile(kf: Kitfile): KitValidationIssue[] {
  const issues: KitValidationIssue[] = [];
  const report = (rule: KitValidationRule, field: string, message: string) => issues.push({ rule, field, message });

  const version = kf.manifestVersion;
  if (version !== undefined && !MANIFEST_VERSION.test(version)) {
    report("manifest-version", "manifestVersion", `invalid manifestVersion ${JSON.stringify(version)}: kit reads manifestVersion 1.0.0`);
  }

  const paths = layerPaths(kf);
  /** local layer paths that kit will pack, cleaned, for the duplicate and collision checks */
  const local: (LayerPath & { clean: string })[] = [];
  for (const lp of paths) {
    const { path } = lp;
    if (HTTP_URL.test(path)) {
      report("http-path", lp.field, `invalid path for ${lp.kind} (${path}): HTTP urls are not supported in paths`);
      continue;
    }
    if (ANY_URL.test(path)) {
      const allowed = lp.allowReference ? "only local paths and ModelKit references are permitted" : "only local paths are permitted";
      report("remote-path-in-local-field", lp.field, `invalid path for ${lp.kind} (${path}): ${allowed}`);
      continue;
    }
    if (isModelKitReference(path)) {
      if (!lp.allowReference) {
        report("modelkit-reference-not-allowed", lp.field, `invalid path for ${lp.kind} (${path}): only local paths are permitted; a ModelKit reference is allowed only in model.path`);
      }
      continue;
    }
    if (path.startsWith("/")) {
      report("absolute-path", lp.field, `absolute paths are not supported in a Kitfile (path ${path} in ${lp.label})`);
      continue;
    }
    const clean = goCleanPath(path);
    if (clean === ".." || clean.startsWith("../")) {
      report("path-outside-context", lp.field, `paths outside the context directory are not supported in a Kitfile (path ${clean} in ${lp.label})`);
      continue;
    }
    if (lp.mcpb && !clean.toLowerCase().endsWith(".mcpb")) {
      report("mcp-server-not-mcpb", lp.field, `invalid path for mcpServer (${path}): path must point to a single .mcpb file`);
    }
    local.push({ ...lp, clean });
  }

  // Duplicate paths: two layers would unpack to the same place. Remote datasets have their own rule below.
  const byPath = new Map<string, (LayerPath & { clean: string })[]>();
  for (const lp of local) {
    if (lp.remote) continue;
    const list = byPath.get(lp.clean);
    if (list) list.push(lp);
    else byPath.set(lp.clean, [lp]);
  }
  for (const [path, users] of byPath) {
    if (users.length < 2) continue;
    // A hostile Kitfile may repeat one path thousands of times: name a few users, count the rest.
    const names = users.slice(0, MAX_NAMED_USERS).map((u) => u.label);
    const last = users.length > MAX_NAMED_USERS ? `${users.length - MAX_NAMED_USERS} more` : names.pop()!;
    report("duplicate-path", users[users.length - 1]!.field, `${names.join(", ")} and ${last} use the same path ${path}`);
  }

  kf.model?.parts?.forEach((part, i) => {
    const type = part.type;
    if (type === undefined || type === "") return;
    const who = part.name ? `modelpart ${part.name}` : `modelpart layer ${i}`;
    if (!PART_TYPE.test(type)) {
      report("part-type-pattern", `model.parts[${i}].type`, `${who} has invalid type (must be alphanumeric with dots, dashes, and underscores)`);
    }
    if (type.length > PART_TYPE_MAX_LENGTH) {
      report("part-type-length", `model.parts[${i}].type`, `${who} type is too long (must be fewer than ${PART_TYPE_MAX_LENGTH} characters)`);
    }
  });

  const seenNames = new Set<string>();
  const reportedNames = new Set<string>();
  kf.mcpServers?.forEach((server, i) => {
    const name = server.name ?? "";
    if (name === "") {
      report("mcp-server-name-missing", `mcpServers[${i}].name`, `mcpServer with path ${server.path ?? ""} must have a name`);
      return;
    }
    if (seenNames.has(name) && !reportedNames.has(name)) {
      reportedNames.add(name);
      report("mcp-server-name-duplicate", `mcpServers[${i}].name`, `duplicate mcpServer name ${name}`);
    }
    seenNames.add(name);
  });

  let omitted = 0;
  const localByField = new Map(local.map((lp) => [lp.field, lp]));
  const sortedLocal = [...local].sort((x, y) => (x.clean < y.clean ? -1 : x.clean > y.clean ? 1 : 0));
  kf.datasets?.forEach((dataset, i) => {
    const remotePath = dataset.remotePath;
    if (!remotePath) return;
    const who = dataset.name ? `dataset ${dataset.name}` : `dataset layer ${i}`;
    // A ModelKit reference brings its own datasets; an S3 object is pinned by its ETag (PR #1085).
    if (!isModelKitReference(remotePath)) {
      if (!S3_URL.test(remotePath)) {
        report("remote-dataset-not-s3", `datasets[${i}].remotePath`, `only S3 URLs are supported for remote dataset paths (${who}: ${remotePath})`);
      } else if (!dataset.remoteHash) {
        report("remote-hash-missing", `datasets[${i}].remoteHash`, `remoteHash is required when remote dataset paths are used (${who})`);
      }
    }
    const root = localByField.get(`datasets[${i}].path`);
    if (!root) return;
    // Paths within the root are the root itself and one contiguous block of `root/…` in sorted order: two
    // binary searches, never a scan of every entry (a hostile config can hold 100k remote datasets).
    const prefix = root.clean === "." ? "" : `${root.clean}/`;
    const ranges: [number, number][] = [[lowerBound(sortedLocal, prefix), upperBound(sortedLocal, prefix)]];
    if (prefix !== "") ranges.push([lowerBound(sortedLocal, root.clean), upperBound(sortedLocal, root.clean, true)]);
    for (const [from, to] of ranges) {
      for (let k = from; k < to; k++) {
        const other = sortedLocal[k]!;
        if (other === root) continue;
        if (issues.length >= MAX_ISSUES) {
          omitted += to - k;
          break;
        }
        report(
          "remote-dataset-collision",
          other.field,
          `${other.label} uses a path (${other.clean}) that is within the path for a remote dataset (${root.clean} in ${who})`,
        );
      }
    }
  });

  if (issues.length > MAX_ISSUES) {
    omitted += issues.length - MAX_ISSUES;
    issues.length = MAX_ISSUES;
  }
  if (omitted > 0) issues.push({ rule: issues[issues.length - 1]!.rule, field: "(more)", message: `and ${omitted} more problems of this Kitfile` });
  return issues;
}

/** One past the last index whose path starts with `prefix` (or equals it, with `exact`), in a sorted list. */
function upperBound(sorted: { clean: string }[], prefix: string, exact = false): number {
  let lo = lowerBound(sorted, prefix);
  let hi = sorted.length;
  const inside = (p: string) => (exact ? p === prefix : p.startsWith(prefix));
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (inside(sorted[mid]!.clean)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose path is ≥ `path` in a list sorted by path. */
function lowerBound(sorted: { clean: string }[], path: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.clean < path) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
