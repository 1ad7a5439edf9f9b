// Writes tar archives byte-for-byte the way kit does: Go `archive/tar` USTAR headers after kit's
// `sanitizeTarHeader` (zero mtime → 0, uid 1000 — uid 0 before kit v0.3 —, gid 0, empty uname/gname,
// permission bits only).
// Hand-written because tar-stream always appends "/" to directory names and pads numeric fields
// differently from Go, so its layers would never hash like kit's.

export interface TarEntry {
  /** slash-separated, no `./`, no trailing `/` */
  name: string;
  type: "file" | "dir";
  /** permission bits, e.g. 0o644 */
  mode: number;
  content?: Uint8Array;
  /** kit ≥ v0.3 writes 1000, kit v0.2.x wrote 0 */
  uid?: number;
}

const BLOCK = 512;
const enc = new TextEncoder();

/** Go's formatOctal: zero-padded digits filling all but the last byte, which stays NUL. */
function octal(buf: Uint8Array, offset: number, length: number, value: number): void {
  const digits = value.toString(8).padStart(length - 1, "0");
  if (digits.length > length - 1) throw new RangeError(`value ${value} does not fit a ${length}-byte tar field`);
  buf.set(enc.encode(digits), offset);
}

function header(entry: TarEntry, size: number): Uint8Array {
  const b = new Uint8Array(BLOCK);
  let name = entry.name;
  let prefix = "";
  if (enc.encode(name).length > 100) {
    // USTAR prefix/suffix split at a slash, as Go's writer does before falling back to PAX.
    const i = name.lastIndexOf("/", 155);
    if (i <= 0 || enc.encode(name.slice(i + 1)).length > 100) throw new RangeError(`tar name too long: ${name}`);
    prefix = name.slice(0, i);
    name = name.slice(i + 1);
  }
  b.set(enc.encode(name), 0);
  octal(b, 100, 8, entry.mode & 0o7777);
  octal(b, 108, 8, entry.uid ?? 1000);
  octal(b, 116, 8, 0); // gid
  octal(b, 124, 12, size);
  octal(b, 136, 12, 0); // Go writes the zero time as the Unix epoch
  b.set(enc.encode("        "), 148); // checksum computed over spaces
  b[156] = entry.type === "dir" ? 0x35 : 0x30;
  b.set(enc.encode("ustar\u0000"), 257);
  b.set(enc.encode("00"), 263);
  octal(b, 329, 8, 0); // devmajor
  octal(b, 337, 8, 0); // devminor
  b.set(enc.encode(prefix), 345);
  const sum = b.reduce((s, x) => s + x, 0);
  octal(b, 148, 7, sum);
  b[155] = 0x20;
  return b;
}

/** A complete archive: entries in the given order, then the two zero blocks Go's Close writes. */
export function createGoTar(entries: TarEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (const e of entries) {
    const content = e.type === "file" ? (e.content ?? new Uint8Array(0)) : new Uint8Array(0);
    const h = header(e, content.length);
    const padded = Math.ceil(content.length / BLOCK) * BLOCK;
    parts.push(h, content, new Uint8Array(padded - content.length));
    total += BLOCK + padded;
  }
  parts.push(new Uint8Array(BLOCK * 2));
  total += BLOCK * 2;
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}
