export type { RangeReader } from "@/lib/layers/types";

export interface SafetensorsTensor {
  name: string;
  dtype: string;
  shape: number[];
  /** byte range `[begin, end)` relative to the start of the data section (after the header) */
  dataOffsets: [number, number];
  /** product of `shape` (1 for a scalar) */
  parameters: number;
}

export interface SafetensorsHeader {
  /** sorted by data offset, the order of the bytes in the file */
  tensors: SafetensorsTensor[];
  /** the `__metadata__` map (string → string per the format) */
  metadata: Record<string, string>;
  parameterCount: number;
  /** 8-byte length prefix + JSON header; tensor data starts here */
  headerBytes: number;
  /** non-fatal oddities: unknown dtypes, gaps between tensors */
  warnings: string[];
}

export type GgufValueType =
  | "uint8"
  | "int8"
  | "uint16"
  | "int16"
  | "uint32"
  | "int32"
  | "float32"
  | "bool"
  | "string"
  | "array"
  | "uint64"
  | "int64"
  | "float64";

/** 64-bit integers beyond 2^53 are kept exact as decimal strings. */
export type GgufScalar = string | number | boolean;

/** Arrays are summarised: long ones (a tokenizer vocabulary) only by item type and length. */
export interface GgufArraySummary {
  type: "array";
  itemType: GgufValueType;
  length: number;
  /** present when the array is short and of scalars */
  items?: GgufScalar[];
}

export type GgufValue = GgufScalar | GgufArraySummary;

export interface GgufTensor {
  name: string;
  dims: number[];
  /** ggml type name (F32, Q4_K…), or `type_<n>` for a type this table does not know */
  type: string;
  /** offset relative to the (aligned) start of the tensor data */
  offset: number;
  parameters: number;
}

export interface GgufHeader {
  version: number;
  littleEndian: boolean;
  tensorCount: number;
  metadata: Record<string, GgufValue>;
  tensors: GgufTensor[];
  parameterCount: number;
  /** bytes of header (magic to the end of the tensor infos) */
  headerBytes: number;
  /** where tensor data begins: `headerBytes` rounded up to `general.alignment` */
  dataOffset: number;
  warnings: string[];
}
