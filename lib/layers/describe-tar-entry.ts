import { normaliseEntryPath } from "@/lib/layers/normalise-entry-path";
import type { EntryType, FileEntry } from "@/lib/layers/types";

/** A tar header as both listers see it (tar-stream's names for types). */
export interface RawTarHeader {
  name: string;
  type: string;
  size: number;
  mode: number;
  linkname?: string | null;
  dataOffset?: number;
}

const ENTRY_TYPES: Record<string, EntryType> = {
  file: "file",
  "contiguous-file": "file",
  directory: "directory",
  symlink: "symlink",
  link: "hardlink",
};

/** Turns a header into a listed entry, labelling (never resolving) traversal, absolute names and links. */
export function describeTarEntry(header: RawTarHeader, pathPrefix?: string): FileEntry {
  const type = ENTRY_TYPES[header.type] ?? "other";
  const path = normaliseEntryPath(header.name, pathPrefix);
  const entry: FileEntry = {
    path,
    type,
    size: type === "file" ? header.size : 0,
    mode: header.mode,
  };
  if (header.name !== path) entry.rawName = header.name;
  if (type === "symlink" || type === "hardlink") entry.linkTarget = header.linkname ?? "";
  if (path.split("/").includes("..")) entry.unsafe = "traversal";
  else if (path.startsWith("/")) entry.unsafe = "absolute";
  else if (type === "symlink" || type === "hardlink") entry.unsafe = "link";
  if (header.dataOffset !== undefined) entry.dataOffset = header.dataOffset;
  return entry;
}
