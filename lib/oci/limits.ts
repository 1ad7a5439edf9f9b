// Budgets for everything read from a registry. Registry content is hostile until verified, so every
// body read into memory has a cap; each constant says why it has the value it has.

/** Manifests: the distribution spec lets registries refuse manifests over 4 MiB, so nothing legitimate is larger. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** Token responses are a JWT plus a few fields; 4 MiB is already generous and stops a hostile realm from filling memory. */
export const MAX_TOKEN_BYTES = 4 * 1024 * 1024;

/** Error bodies are only read to extract `errors[]` codes; a storage backend may send a huge HTML page instead. */
export const MAX_ERROR_BODY_BYTES = 4 * 1024 * 1024;

/** Catalog / tags / referrers JSON pages: ~100k tags of 40 chars fit in 4 MiB, more than any real repository holds. */
export const MAX_LIST_BYTES = 4 * 1024 * 1024;

/** Registries that ignore `n` return everything at once; beyond this we refuse rather than sort unbounded input. */
export const MAX_LIST_ITEMS = 100_000;

/** Link-header pages followed in one call: a registry looping its `next` link must not keep us busy forever. */
export const MAX_LIST_PAGES = 1_000;

/** Blob GETs are redirected to storage once (S3, GCS, CDN); a few hops cover signed-URL chains without loops. */
export const MAX_REDIRECTS = 5;

/** A `Retry-After` above this is treated as this: a hostile or confused registry must not park a request for hours. */
export const MAX_RETRY_AFTER_MS = 30_000;

/** Default time to wait for response headers (and for small bodies); matches common proxy timeouts. */
export const DEFAULT_TIMEOUT_MS = 30_000;
