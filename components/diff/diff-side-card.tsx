import Link from "next/link";
import { Digest } from "@/components/ui/digest";
import { FormatBadge } from "@/components/ui/format-badge";
import type { DiffSideDTO } from "@/lib/data/dto";
import { kitHref } from "@/lib/format/kit-href";

/** One side of a comparison: what the reference resolved to, pinned by digest. */
export function DiffSideCard({ label, side }: { label: "Base" | "Head"; side: DiffSideDTO }) {
  return (
    <div className="diff-side" data-side={label.toLowerCase()}>
      <div className="muted">{label}</div>
      <div className="row">
        <Link href={kitHref(side.reference)} className="diff-side-name">
          {side.repository}
          {side.tag ? `:${side.tag}` : ""}
        </Link>
        <FormatBadge format={side.format} />
        {side.packageVersion ? <span className="muted">version {side.packageVersion}</span> : null}
      </div>
      <div className="row muted">
        <span>{side.registry}</span>
        <Digest value={side.digest} />
      </div>
    </div>
  );
}
