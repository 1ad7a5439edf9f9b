/** A token holds one member/element, or opens or closes a container too large to be one token. */
export const TOKEN_MEMBER = 0;
export const TOKEN_OPENER = 1;
export const TOKEN_CLOSER = 2;

/**
 * A JSON text cut into pseudo-lines at structural boundaries, for the byte line-diff engine.
 * Token t covers bytes [starts[t], starts[t + 1]); a trailing "," and whitespace outside strings are
 * not part of its identity (hashes[t]), so appending a member or re-indenting does not change a token.
 */
export interface JsonTokens {
  count: number;
  starts: Uint32Array;
  hashes: Int32Array;
  kinds: Uint8Array;
  /** Deepest container nesting seen. */
  maxDepth: number;
}
