// Tags that cosign and the OCI referrers fallback create next to a subject (`sha256-<hex>` index,
// cosign `.sig`/`.att`/`.sbom`): they are metadata about a version, never a version themselves.
const REFERRER_TAG = /^(?:sha256-[a-f0-9]{64}|sha512-[a-f0-9]{128})(?:\.(?:att|sig|sbom))?$/;

export function isReferrerTag(tag: string): boolean {
  return REFERRER_TAG.test(tag);
}
