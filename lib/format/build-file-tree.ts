import type { FileEntry } from "@/lib/layers/types";

export interface FileTreeRow {
  /** full path, the key used to open the file */
  path: string;
  /** last segment, or the whole raw name for unsafe entries */
  name: string;
  depth: number;
  isDirectory: boolean;
  /** null for directories implied by deeper paths but absent from the tar */
  entry: FileEntry | null;
}

interface Node {
  name: string;
  path: string;
  entry: FileEntry | null;
  children: Map<string, Node>;
}

const byDirThenName = (a: Node, b: Node) => {
  const ad = a.children.size > 0 || a.entry?.type === "directory";
  const bd = b.children.size > 0 || b.entry?.type === "directory";
  if (ad !== bd) return ad ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
};

/**
 * Tar listings are flat and may omit parent directories; this nests them into display rows (directories
 * first). Unsafe names (`..`, absolute) are not nested under anything: they stay top-level rows showing
 * the raw name, so a hostile `../../etc/x` can never pose as a file inside a real folder.
 */
export function buildFileTree(entries: FileEntry[]): FileTreeRow[] {
  const root: Node = { name: "", path: "", entry: null, children: new Map() };
  const unsafe: FileTreeRow[] = [];
  for (const entry of entries) {
    if (entry.unsafe === "traversal" || entry.unsafe === "absolute") {
      unsafe.push({ path: entry.path, name: entry.rawName ?? entry.path, depth: 0, isDirectory: false, entry });
      continue;
    }
    const segments = entry.path.split("/").filter((s) => s !== "" && s !== ".");
    let node = root;
    let path = "";
    for (const segment of segments) {
      path = path ? `${path}/${segment}` : segment;
      let child = node.children.get(segment);
      if (!child) {
        child = { name: segment, path, entry: null, children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    if (node !== root) node.entry = entry;
  }
  const rows: FileTreeRow[] = [];
  const walk = (node: Node, depth: number) => {
    for (const child of [...node.children.values()].sort(byDirThenName)) {
      const isDirectory = child.children.size > 0 || child.entry?.type === "directory";
      rows.push({ path: child.entry?.path ?? child.path, name: child.name, depth, isDirectory, entry: child.entry });
      walk(child, depth + 1);
    }
  };
  walk(root, 0);
  return [...rows, ...unsafe];
}
