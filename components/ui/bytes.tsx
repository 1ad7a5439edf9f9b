import { formatBytes } from "@/lib/format/format-bytes";

/** Human size, exact byte count on hover. */
export function Bytes({ value }: { value: number }) {
  return <span title={`${value.toLocaleString("en-US")} bytes`}>{formatBytes(value)}</span>;
}
