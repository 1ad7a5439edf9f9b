/** Bytes inspected: git looks at the first 8000 bytes for a NUL; a little more catches bad UTF-8 too. */
export const SNIFF_BYTES = 8192;

/**
 * True when the first bytes look binary: a NUL byte, invalid UTF-8, or mostly control characters.
 * A multi-byte character cut at the end of the sample is not counted as invalid.
 */
export function sniffBinary(head: Uint8Array): boolean {
  const sample = head.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12 && byte !== 27) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.1) return true;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
  } catch {
    return true;
  }
  return false;
}
