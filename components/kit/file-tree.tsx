import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatBytes } from "@/lib/format/format-bytes";
import { formatMode } from "@/lib/format/format-mode";
import type { FileTreeRow } from "@/lib/format/build-file-tree";

const UNSAFE_LABEL = { traversal: "path traversal", absolute: "absolute path", link: "link, not followed" } as const;

/**
 * The layer's files. Only regular, safe files are links (they open in the viewer); directories, links and
 * hostile names are plain text with a label, so nothing in a registry can point the browser elsewhere.
 */
export function FileTree({ rows, selected, hrefFor }: { rows: FileTreeRow[]; selected: string | null; hrefFor: (path: string) => string }) {
  return (
    <ul className="file-tree" aria-label="Files in layer">
      {rows.map((r) => {
        const e = r.entry;
        const openable = !!e && e.type === "file" && !e.unsafe;
        const indent = { paddingLeft: `${r.depth * 14}px` };
        return (
          <li key={`${r.path}\u0000${r.name}`} aria-current={selected === r.path ? "true" : undefined}>
            <span className="name" style={indent}>
              <span aria-hidden="true">{r.isDirectory ? "▸ " : "  "}</span>
              {openable ? (
                <Link href={hrefFor(r.path)} scroll={false}>
                  {r.name}
                </Link>
              ) : (
                <span>
                  {r.name}
                  {r.isDirectory ? "/" : ""}
                </span>
              )}
              {e?.linkTarget ? <span className="muted"> → {e.linkTarget}</span> : null}
              {e?.unsafe ? (
                <>
                  {" "}
                  <Badge tone="error">{UNSAFE_LABEL[e.unsafe]}</Badge>
                </>
              ) : null}
            </span>
            <span className="size">{e && !r.isDirectory ? formatBytes(e.size) : ""}</span>
            <span className="mode" title={e ? `mode ${e.mode.toString(8)}` : undefined}>
              {e ? formatMode(e.mode) : ""}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
