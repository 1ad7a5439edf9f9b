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
/** Above this size (either side) JSON is diffed as tokens with the line engine instead of parsed whole. */
export const TOKEN_DIFF_MIN_BYTES = 512 * 1024;
/** Containers this small are one diff token: a typical record, so tokens stay few and edits stay local. */
export const COLLAPSE_CONTAINER_BYTES = 256;
/** A changed container up to this size is parsed and diffed in full; larger ones only by their changed members. */
export const MAX_PARSED_CHANGE_BYTES = 4 * 1024 * 1024;
/** Added/removed containers up to this size are parsed for the inline preview; larger ones are counted. */
export const MAX_PREVIEW_PARSE_BYTES = 64 * 1024;
/** Slides tried per inserted/deleted block to line it up with whole values (git's compaction, bounded). */
export const MAX_SLIDE_STEPS = 256;
/** Deeper documents take the parse path: token paths are built per level, hostile nesting would make them quadratic. */
export const MAX_TOKEN_DIFF_DEPTH = 256;
