export type JsonChangeKind = "added" | "removed" | "changed" | "type-changed";

export interface JsonChange {
  /** `$` root, `.key` for identifier keys, `["odd key"]` otherwise, `[3]` for array indexes. */
  path: string;
  kind: JsonChangeKind;
  /** Scalars as they are; containers only when small, else a short description such as "{12 keys}". */
  before?: unknown;
  after?: unknown;
}

export interface JsonDiff {
  changes: JsonChange[];
  /** True when maxChanges was reached and later changes were not reported. */
  truncated: boolean;
}

export interface DiffJsonOptions {
  maxChanges?: number;
}
