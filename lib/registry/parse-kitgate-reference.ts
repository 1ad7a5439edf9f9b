import { AppError } from "@/lib/errors";

export interface KitgateReference {
  /** configured registry name or host as written */
  registry: string;
  repository: string;
  tag: string | null;
  digest: string | null;
}

// Distribution spec grammar (distribution/reference): lower-case path components separated by / . _ __ -
const REPOSITORY = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const MAX_REFERENCE_LENGTH = 1024; // far above any real reference; bounds regex work on hostile input

/**
 * Parses `REGISTRY/REPO[:TAG][@DIGEST]` as written in Kitgate URLs and the REST API. REGISTRY is the first
 * path segment: a configured registry name (`local`) or a host (`registry.acme.example:5000`).
 */
export function parseKitgateReference(input: string): KitgateReference {
  const ref = input.trim();
  if (!ref || ref.length > MAX_REFERENCE_LENGTH) throw new AppError("BAD_REQUEST", "Reference is empty or too long");
  const slash = ref.indexOf("/");
  if (slash <= 0) throw new AppError("BAD_REQUEST", `Reference "${ref}" must start with a registry: REGISTRY/REPOSITORY:TAG`);
  const registry = ref.slice(0, slash);
  let rest = ref.slice(slash + 1);

  let digest: string | null = null;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new AppError("BAD_REQUEST", `Invalid digest in reference "${ref}"`);
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw new AppError("BAD_REQUEST", `Invalid tag in reference "${ref}"`);
  }
  if (!REPOSITORY.test(rest)) throw new AppError("BAD_REQUEST", `Invalid repository name in reference "${ref}"`);
  if (!tag && !digest) throw new AppError("BAD_REQUEST", `Reference "${ref}" needs a tag or a digest`);
  return { registry, repository: rest, tag, digest };
}
