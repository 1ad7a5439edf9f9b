/** Changes reported per file; a reviewer reads tens, and a bulk rewrite is better shown as a summary. */
export const DEFAULT_MAX_JSON_CHANGES = 1_000;
/** Parsed per side; JSON.parse needs ≈5–10× the text in heap, so 20 MB stays within the diff RSS budget. */
export const MAX_JSON_TEXT_BYTES = 20 * 1024 * 1024;
/** Containers up to this many nodes are included verbatim in before/after; bigger ones are described. */
export const MAX_INLINE_VALUE_NODES = 50;
/** Arrays of scalars up to this length are aligned with an LCS (O(n·m) cells); longer ones by index. */
export const MAX_LCS_ARRAY_LENGTH = 500;
/** YAML alias expansions allowed per document: stops "billion laughs" expansion of hostile configs. */
export const MAX_YAML_ALIAS_COUNT = 100;
