import { AppError } from "@/lib/errors";

/*
 * Hand-written ustar/GNU/PAX header parsing for Range-walking uncompressed tars: tar-stream only parses a
 * stream it is fed from the start, which would read every byte of a multi-GiB layer to list it.
 * POSIX.1-2001 ustar layout; GNU base-256 numbers; the type names match tar-stream's.
 */

export interface ParsedTarHeader {
  name: string;
  linkname: string;
  size: number;
  mode: number;
  /** tar-stream's names: file, link, symlink, directory, pax-header, pax-global-header, gnu-long-path… */
  type: string;
}

const TYPES: Record<string, string> = {
  "0": "file",
  "\0": "file",
  "1": "link",
  "2": "symlink",
  "3": "character-device",
  "4": "block-device",
  "5": "directory",
  "6": "fifo",
  "7": "contiguous-file",
  x: "pax-header",
  g: "pax-global-header",
  L: "gnu-long-path",
  K: "gnu-long-link-path",
};

/** Parses one 512-byte header block; `null` for an all-zero block (end-of-archive marker). */
export function parseTarHeader(block: Uint8Array, offset: number): ParsedTarHeader | null {
  if (block.length < 512) throw malformed(offset, "header block is cut short");
  if (block.every((b) => b === 0)) return null;
  const stored = parseNumber(block, 148, 8, offset, "checksum");
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < 512; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : block[i]!;
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  // some old tars summed signed chars; both are accepted, as GNU tar and Go do
  if (stored !== unsigned && stored !== signed) throw malformed(offset, "header checksum does not match");

  const magic = ascii(block, 257, 6);
  // like tar-stream (and so like the streaming listing), only ustar and GNU headers count as tar
  if (magic !== "ustar\0" && magic !== "ustar ") throw malformed(offset, "not a ustar or GNU tar header");
  let name = cString(block, 0, 100);
  // the prefix field exists only in POSIX ustar; GNU keeps atime/ctime there
  if (magic === "ustar\0") {
    const prefix = cString(block, 345, 155);
    if (prefix) name = `${prefix}/${name}`;
  }
  const flag = String.fromCharCode(block[156]!);
  let type = TYPES[flag] ?? "other";
  // old tars mark directories only with a trailing slash
  if ((flag === "0" || flag === "\0") && name.endsWith("/")) type = "directory";
  return {
    name,
    linkname: cString(block, 157, 100),
    size: parseNumber(block, 124, 12, offset, "size"),
    mode: parseNumber(block, 100, 8, offset, "mode"),
    type,
  };
}

function parseNumber(block: Uint8Array, at: number, length: number, offset: number, field: string): number {
  const first = block[at]!;
  if (first & 0x80) {
    // GNU base-256: big-endian two's complement; a negative value is never valid for these fields
    if (first === 0xff) throw malformed(offset, `${field} is negative`);
    let value = first & 0x7f;
    for (let i = 1; i < length; i++) {
      value = value * 256 + block[at + i]!;
      if (value > Number.MAX_SAFE_INTEGER) throw malformed(offset, `${field} is too large`);
    }
    return value;
  }
  const text = ascii(block, at, length).replace(/[\0 ]+$/, "").replace(/^[ ]+/, "");
  if (text === "") return 0;
  if (!/^[0-7]+$/.test(text)) throw malformed(offset, `${field} is not an octal number`);
  const value = parseInt(text, 8);
  if (!Number.isSafeInteger(value)) throw malformed(offset, `${field} is too large`);
  return value;
}

function ascii(block: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...block.subarray(at, at + length));
}

function cString(block: Uint8Array, at: number, length: number): string {
  const field = block.subarray(at, at + length);
  const end = field.indexOf(0);
  return new TextDecoder("utf-8").decode(end === -1 ? field : field.subarray(0, end));
}

function malformed(offset: number, reason: string): AppError {
  return new AppError("MALFORMED_CONTENT", `tar header at byte ${offset}: ${reason}`, { details: { offset } });
}
