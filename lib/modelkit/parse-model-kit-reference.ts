import type { ModelKitReference } from "./types";

// kit parses references itself (kitops pkg/artifact/util.go ParseReference), then checks the parts with
// oras-go's registry.Reference validators. Re-created here rule by rule, because kit's answer decides
// whether a Kitfile path is a ModelKit reference (a parent kit) or a local path.

/**
 * oras-go's repository grammar (registry/reference.go) is `[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*` per
 * path component. Written literally, `[-]*` can match nothing, so a JS engine backtracks exponentially on
 * `aaaa…!` (a hostile Kitfile path). This is the same language with one way to match each character:
 * alphanumerics, and `.`, `_`, `__` or a run of `-` only when an alphanumeric follows.
 */
const PATH_COMPONENT = /^[a-z0-9](?:[a-z0-9]|[._](?=[a-z0-9])|__(?=[a-z0-9])|-+(?=[a-z0-9]))*$/;
/** oras-go tag grammar; Go's `\w` is ASCII-only, like this one. */
const TAG = /^\w[\w.-]{0,127}$/;
/** kit's own sanity check, unanchored in kit (`MatchString` finds it anywhere), so kept unanchored. */
const START_END_ALPHANUMERIC = /[a-z0-9](.*[a-z0-9])?/;
/** go-digest: the algorithms compiled into kit, each with its hex length. */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
/** Characters Go's url.Parse accepts in a host (net/url shouldEscape in encodeHost mode), plus non-ASCII. */
const HOST_CHAR = /^[A-Za-z0-9\-_.~!$&'()*+,;=:[\]<>"\u0080-\uffff]$/;
/** kit resolves references without a registry against its local store, named `localhost`. */
const DEFAULT_REGISTRY = "localhost";
/** kit's placeholder repository for a bare digest. */
const DEFAULT_REPOSITORY = "_";
/** No reference anyone types is longer; bounds the work done on hostile Kitfile values. */
const MAX_REFERENCE_LENGTH = 4096;

/** go-digest `Parse`: `algorithm:hex` with an algorithm kit knows and the right hex length. */
export function isKitDigest(value: string): boolean {
  const colon = value.indexOf(":");
  if (colon <= 0) return false;
  const length = DIGEST_HEX_LENGTH[value.slice(0, colon)];
  if (length === undefined) return false;
  const hex = value.slice(colon + 1);
  return hex.length === length && /^[a-f0-9]+$/.test(hex);
}

/**
 * oras-go `ValidateRegistry`: `url.ParseRequestURI("dummy://" + registry)` must give back the same host.
 * That excludes userinfo (`@`), paths, queries, escapes and bad ports, and accepts anything else Go
 * accepts as a host — including `.` (so `./models/x:champion` names registry `.`).
 */
function isValidRegistry(registry: string): boolean {
  if (registry === "") return false;
  for (const ch of registry) if (!HOST_CHAR.test(ch)) return false;
  if (registry.startsWith("[")) {
    const end = registry.indexOf("]");
    if (end === -1) return false;
    const rest = registry.slice(end + 1);
    return rest === "" || /^:\d*$/.test(rest);
  }
  const colon = registry.lastIndexOf(":");
  return colon === -1 || /^:\d*$/.test(registry.slice(colon));
}

/**
 * Parses a reference as kit does: extra tags after `,` are split off (`repo:tag,extra` tags twice); a
 * first segment without `.` or `:` belongs to the repository and the registry is `localhost`; with a
 * digest, a tag before it is ignored; a bare digest names repository `_`. Returns null where kit errors.
 */
export function parseModelKitReference(ref: string): ModelKitReference | null {
  if (typeof ref !== "string" || ref.length === 0 || ref.length > MAX_REFERENCE_LENGTH) return null;
  if (isKitDigest(ref)) {
    return { registry: DEFAULT_REGISTRY, repository: DEFAULT_REPOSITORY, tag: null, digest: ref, extraTags: [] };
  }

  const [first = "", ...extraTags] = ref.split(",");
  let unprocessed = first;
  let registry = DEFAULT_REGISTRY;
  const slash = unprocessed.indexOf("/");
  if (slash !== -1) {
    const head = unprocessed.slice(0, slash);
    if (head.includes(":") || head.includes(".")) {
      registry = head;
      unprocessed = unprocessed.slice(slash + 1);
    }
  }

  let repository: string;
  let tag: string | null = null;
  let digest: string | null = null;
  const at = unprocessed.indexOf("@");
  const colon = unprocessed.indexOf(":");
  if (at !== -1) {
    repository = unprocessed.slice(0, at);
    digest = unprocessed.slice(at + 1);
    const tagColon = repository.indexOf(":");
    if (tagColon !== -1) repository = repository.slice(0, tagColon);
  } else if (colon !== -1) {
    repository = unprocessed.slice(0, colon);
    tag = unprocessed.slice(colon + 1);
  } else {
    repository = unprocessed;
  }

  if (repository.toLowerCase() !== repository || !START_END_ALPHANUMERIC.test(repository)) return null;
  if (!isValidRegistry(registry) || !repository.split("/").every((c) => PATH_COMPONENT.test(c))) return null;
  if (tag !== null && !TAG.test(tag)) return null;
  if (digest !== null && !isKitDigest(digest)) return null;
  return { registry, repository, tag, digest, extraTags };
}

/** kit's IsModelKitReference: a `:` or `@` and a reference kit can parse. Everything else is a local path. */
export function isModelKitReference(value: string): boolean {
  return (value.includes(":") || value.includes("@")) && parseModelKitReference(value) !== null;
}
