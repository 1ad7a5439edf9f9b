/** `sha256:abcdef…` → `sha256:abcdef123456` (12 hex chars: what `kit list` and docker print). */
export function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.split(":", 2);
  if (!hex) return digest.slice(0, 19);
  return `${algorithm}:${hex.slice(0, 12)}`;
}
