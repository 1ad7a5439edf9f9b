// Minimal GGUF v3 writer (ggml docs/gguf.md): header, metadata key/values, tensor infos, aligned data.
// Hand-written because the npm GGUF packages only read; a demo needs a small valid file, not a model.

export type GgufValue = string | number | boolean | { u32: number } | string[];

export interface GgufTensor {
  name: string;
  /** ggml order: innermost dimension first */
  dims: number[];
  fill: (i: number) => number;
}

const ALIGNMENT = 32;
const T = { UINT32: 4, FLOAT32: 6, BOOL: 7, STRING: 8, ARRAY: 9 } as const;
const GGML_TYPE_F32 = 0;

class Writer {
  private chunks: Uint8Array[] = [];
  length = 0;
  bytes(b: Uint8Array) {
    this.chunks.push(b);
    this.length += b.length;
  }
  u32(v: number) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v, true);
    this.bytes(b);
  }
  u64(v: number | bigint) {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt(v), true);
    this.bytes(b);
  }
  f32(v: number) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    this.bytes(b);
  }
  str(s: string) {
    const b = new TextEncoder().encode(s);
    this.u64(b.length);
    this.bytes(b);
  }
  pad(to: number) {
    const n = (to - (this.length % to)) % to;
    if (n) this.bytes(new Uint8Array(n));
  }
  done(): Uint8Array {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}

export function makeGguf(metadata: Record<string, GgufValue>, tensors: GgufTensor[]): Uint8Array {
  const w = new Writer();
  w.bytes(new TextEncoder().encode("GGUF"));
  w.u32(3);
  w.u64(tensors.length);
  w.u64(Object.keys(metadata).length);
  for (const [key, value] of Object.entries(metadata)) {
    w.str(key);
    if (typeof value === "string") {
      w.u32(T.STRING);
      w.str(value);
    } else if (typeof value === "boolean") {
      w.u32(T.BOOL);
      w.bytes(new Uint8Array([value ? 1 : 0]));
    } else if (typeof value === "number") {
      w.u32(T.FLOAT32);
      w.f32(value);
    } else if (Array.isArray(value)) {
      w.u32(T.ARRAY);
      w.u32(T.STRING);
      w.u64(value.length);
      for (const s of value) w.str(s);
    } else {
      w.u32(T.UINT32);
      w.u32(value.u32);
    }
  }
  let offset = 0;
  const datas: Float32Array[] = [];
  for (const t of tensors) {
    w.str(t.name);
    w.u32(t.dims.length);
    for (const d of t.dims) w.u64(d);
    w.u32(GGML_TYPE_F32);
    w.u64(offset);
    const n = t.dims.reduce((a, b) => a * b, 1);
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) data[i] = Math.fround(t.fill(i));
    datas.push(data);
    offset += Math.ceil((n * 4) / ALIGNMENT) * ALIGNMENT;
  }
  w.pad(ALIGNMENT);
  for (const d of datas) {
    w.bytes(new Uint8Array(d.buffer));
    w.pad(ALIGNMENT);
  }
  return w.done();
}
