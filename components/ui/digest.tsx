import { shortDigest } from "@/lib/format/short-digest";
import { CopyButton } from "./copy-button";

/** A short digest (full on hover) with a copy button for the full value. */
export function Digest({ value, copy = true }: { value: string; copy?: boolean }) {
  return (
    <span className="cell-digest">
      <code title={value}>{shortDigest(value)}</code>
      {copy ? <CopyButton text={value} label={`Copy digest ${value}`} /> : null}
    </span>
  );
}
