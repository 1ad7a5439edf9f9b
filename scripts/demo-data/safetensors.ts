// Minimal safetensors writer (format: 8-byte little-endian header length, JSON header, raw tensor data).
// No npm package writes safetensors from Node without a Python/Rust toolchain, and the format is tiny.

export interface F32Tensor {
  name: string;
  shape: number[];
  /** deterministic filler: value of element i */
  fill: (i: number) => number;
}

export function makeSafetensors(tensors: F32Tensor[], metadata: Record<string, string> = {}): Uint8Array {
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length) header.__metadata__ = metadata;
  const datas: Uint8Array[] = [];
  let offset = 0;
  for (const t of tensors) {
    const n = t.shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) data[i] = Math.fround(t.fill(i));
    const bytes = new Uint8Array(data.buffer);
    header[t.name] = { dtype: "F32", shape: t.shape, data_offsets: [offset, offset + bytes.length] };
    datas.push(bytes);
    offset += bytes.length;
  }
  let json = JSON.stringify(header);
  // The spec recommends padding the header with spaces to an 8-byte boundary.
  json += " ".repeat((8 - (json.length % 8)) % 8);
  const headerBytes = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  let at = 8 + headerBytes.length;
  for (const d of datas) {
    out.set(d, at);
    at += d.length;
  }
  return out;
}
