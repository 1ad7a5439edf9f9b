import type { EntrySection, KitEntry, KitLayer, ModelKitView } from "@/lib/modelkit/types";
import type { DiffSection, EntriesDiff, EntryDiff, EntrySide } from "@/lib/diff/types";
import { matchEntries, type EntryKeyField } from "@/lib/diff/kitfile/match-entries";

/** Same matching as the Kitfile diff, so an entry has one key across the whole diff page. */
const SECTION_KEYS: Record<EntrySection, EntryKeyField[]> = {
  model: ["name", "path"],
  parts: ["name", "path"],
  code: ["path"],
  docs: ["path"],
  datasets: ["name", "path"],
  prompts: ["name", "path"],
  mcpServers: ["name", "path"],
};
const ENTRY_SECTIONS = Object.keys(SECTION_KEYS) as EntrySection[];

function entrySide(entry: KitEntry, layers: Map<string, KitLayer>): EntrySide {
  const layer = entry.layerDigest === null ? undefined : layers.get(entry.layerDigest);
  return {
    path: entry.path,
    ...(entry.name !== undefined ? { name: entry.name } : {}),
    digest: entry.layerDigest,
    size: layer?.size ?? null,
    mediaType: layer?.mediaType ?? null,
    diffId: layer?.diffId ?? null,
    external: entry.external,
    ...(entry.remotePath !== undefined ? { remotePath: entry.remotePath } : {}),
    ...(entry.remoteHash !== undefined ? { remoteHash: entry.remoteHash } : {}),
  };
}

function compareSides(before: EntrySide, after: EntrySide): Pick<EntryDiff, "status" | "recompressed"> {
  if (before.external || after.external) {
    // External data has no layer: its identity is the remote object's hash (S3 ETag), PR #1085.
    const same = before.external === after.external && before.remoteHash === after.remoteHash
      && before.remotePath === after.remotePath && before.digest === after.digest;
    return { status: same ? "unchanged" : "changed", recompressed: false };
  }
  if (before.digest === after.digest) return { status: "unchanged", recompressed: false };
  const recompressed = before.diffId !== null && before.diffId === after.diffId;
  return { status: "changed", recompressed };
}

function packageSide(view: ModelKitView): EntrySide | undefined {
  if (view.kitfile === null && view.config === null) return undefined;
  return {
    path: "Kitfile",
    ...(view.kitfile?.package?.name !== undefined ? { name: view.kitfile.package.name } : {}),
    digest: view.config?.digest ?? null,
    size: view.config?.size ?? null,
    mediaType: view.config?.mediaType ?? null,
    diffId: null,
    external: false,
  };
}

function samePackage(a: ModelKitView, b: ModelKitView): boolean {
  return JSON.stringify([a.kitfile?.manifestVersion, a.kitfile?.package ?? {}])
    === JSON.stringify([b.kitfile?.manifestVersion, b.kitfile?.package ?? {}]);
}

/**
 * Per-section entry diff. `package` is the Kitfile itself (config blob digest and size); it counts as
 * changed when package fields or the manifest version differ, since the config digest changes with
 * any layer anyway. Other entries are changed when their layer digest differs, or for external
 * datasets when the remote hash differs; a different digest with an equal diffId is flagged recompressed.
 */
export function diffEntries(a: ModelKitView, b: ModelKitView): EntriesDiff {
  const result = {} as EntriesDiff;
  const pkgA = packageSide(a);
  const pkgB = packageSide(b);
  const pkg: EntryDiff[] = [];
  if (pkgA || pkgB) {
    pkg.push({
      section: "package",
      key: pkgB?.name ?? pkgA?.name ?? "package",
      status: !pkgA ? "added" : !pkgB ? "removed" : samePackage(a, b) ? "unchanged" : "changed",
      ...(pkgA ? { before: pkgA } : {}),
      ...(pkgB ? { after: pkgB } : {}),
      recompressed: false,
    });
  }
  result.package = pkg;

  const layersA = new Map(a.layers.map((l) => [l.digest, l]));
  const layersB = new Map(b.layers.map((l) => [l.digest, l]));
  for (const section of ENTRY_SECTIONS) {
    const listA = a.entries.filter((e) => e.section === section);
    const listB = b.entries.filter((e) => e.section === section);
    // There is at most one model: it is the same entry whatever its name or path became.
    const fields: EntryKeyField[] = section === "model" && listA.length === 1 && listB.length === 1 ? [] : SECTION_KEYS[section];
    const matches = fields.length === 0
      ? [{ a: listA[0], b: listB[0], label: listB[0]!.name ?? listB[0]!.path }]
      : matchEntries(listA, listB, fields, (e, f) => e[f]);
    const diffs: EntryDiff[] = matches.map((m) => {
      const before = m.a && entrySide(m.a, layersA);
      const after = m.b && entrySide(m.b, layersB);
      const base = { section: section as DiffSection, key: m.label };
      if (!before) return { ...base, status: "added", after, recompressed: false };
      if (!after) return { ...base, status: "removed", before, recompressed: false };
      return { ...base, before, after, ...compareSides(before, after) };
    });
    diffs.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    result[section] = diffs;
  }
  return result;
}
