/**
 * OCI digest grammar (image-spec descriptor.md): algorithm ":" encoded. sha256/sha512 are held to
 * their registered lowercase-hex lengths; other algorithms only to the general grammar.
 */
const DIGEST_RE = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const SHA256_RE = /^sha256:[a-f0-9]{64}$/;
const SHA512_RE = /^sha512:[a-f0-9]{128}$/;
/** Longest digest we accept; sha512 hex is 135 characters, the rest is slack for other algorithms. */
const MAX_DIGEST_LENGTH = 256;

export function isValidDigest(value: string): boolean {
  if (value.length > MAX_DIGEST_LENGTH || !DIGEST_RE.test(value)) return false;
  if (value.startsWith("sha256:")) return SHA256_RE.test(value);
  if (value.startsWith("sha512:")) return SHA512_RE.test(value);
  return true;
}
