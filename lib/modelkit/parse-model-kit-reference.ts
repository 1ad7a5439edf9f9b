import { isValidDigest } from "./is-valid-digest";
import type { ModelKitReference } from "./types";

// Grammar from the distribution spec (docs/spec.md "Pulling manifests") and distribution/reference.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]{1,5})?$/;
/** distribution/reference caps a full name at 255 characters. */
const MAX_NAME_LENGTH = 255;
/** kit resolves references without a registry against its local store, named `localhost`. */
const DEFAULT_REGISTRY = "localhost";

/**
 * Parses a ModelKit reference the way kit does (pkg/artifact ParseReference): a first segment
 * without `.` or `:` (other than `localhost`) is part of the repository and the registry is
 * `localhost`; a bare digest names repository `_`. Returns null for anything that is not a
 * reference (plain file paths, whitespace, bad grammar).
 */
export function parseModelKitReference(ref: string): ModelKitReference | null {
  if (typeof ref !== "string" || ref.length === 0 || ref.length > 1024 || /\s/.test(ref)) return null;

  // Only registered algorithms count as a bare digest: `test-ref:model-1` also fits the general
  // digest grammar but is a repository and tag.
  if (/^sha(?:256|512):/.test(ref) && isValidDigest(ref)) {
    return { registry: DEFAULT_REGISTRY, repository: "_", tag: null, digest: ref };
  }

  let name = ref;
  let digest: string | null = null;
  const at = ref.indexOf("@");
  if (at !== -1) {
    digest = ref.slice(at + 1);
    name = ref.slice(0, at);
    if (!isValidDigest(digest)) return null;
  }

  let tag: string | null = null;
  const lastSlash = name.lastIndexOf("/");
  const colon = name.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
    if (!TAG.test(tag)) return null;
  }

  const segments = name.split("/");
  const first = segments[0] ?? "";
  let registry = DEFAULT_REGISTRY;
  if (segments.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost")) {
    if (!HOST.test(first)) return null;
    registry = first.toLowerCase();
    segments.shift();
  }
  if (segments.length === 0 || !segments.every((s) => PATH_COMPONENT.test(s))) return null;
  const repository = segments.join("/");
  if (`${registry}/${repository}`.length > MAX_NAME_LENGTH) return null;
  return { registry, repository, tag, digest };
}
