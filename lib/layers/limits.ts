// Budgets of the layer readers (DESIGN.md "Budgets"). Constants only; each says why it has its value.

/** Decompressed bytes one request may read: a full file view or diff never needs more, and a bomb stops here. */
export const MAX_DECOMPRESSED_BYTES = 2 * 1024 ** 3;

/** Tar entries listed per layer (DESIGN.md): a listing stays small enough to send to a browser. */
export const MAX_LAYER_ENTRIES = 100_000;

/** Wall-clock budget of one listing: a page waits no longer; the listing says it is incomplete instead. */
export const LISTING_TIME_BUDGET_MS = 20_000;

/**
 * Largest zstd window accepted. zstd levels ≤ 19 and Go encoders use ≤ 8 MiB and `--ultra -22` uses 32 MiB;
 * fzstd allocates the whole window up front and shifts it once per block, so `--long` (128 MiB+) windows
 * would cost memory and quadratic time. zstd itself refuses windows > 128 MiB without `--memory`.
 */
export const MAX_ZSTD_WINDOW_BYTES = 32 * 1024 ** 2;

/** PAX and GNU long-name records are a few hundred bytes; tar-stream allows 4 MiB, one is plenty. */
export const MAX_TAR_META_BYTES = 1024 ** 2;

/** Range reads of tar headers fetch this much at once while entries are small, so tiny files cost no request each. */
export const TAR_RANGE_WINDOW_BYTES = 64 * 1024;

/** Above this data size an entry's header is fetched alone (plus room for a PAX record), not with a window. */
export const TAR_RANGE_SMALL_ENTRY_BYTES = 32 * 1024;
