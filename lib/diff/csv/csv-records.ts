/**
 * CSV/TSV records over the text itself: record boundaries found by one quote-aware scan, fields read
 * on demand into reusable typed arrays, hashed and compared without making a JS string per cell.
 * Hand-written because every parser (papaparse included) builds a string for every cell, which is
 * where a 1M-row diff spent its seconds; only cells that are shown or profiled become strings here.
 * RFC 4180: quoted fields may hold delimiters, newlines and doubled quotes; CRLF or LF ends a record;
 * fully empty lines are skipped; a stray quote is tolerated and counted as an error, like papaparse.
 */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** Mixed in after each field: above every UTF-16 unit, so "a","bc" and "ab","c" hash apart. */
const FIELD_SEPARATOR = 0x10000;

export class CsvRecords {
  readonly text: string;
  readonly delimiter: number;
  /** Record r covers [starts[r], ends[r]) without its line terminator; record 0 is the header. */
  starts: Uint32Array;
  ends: Uint32Array;
  count = 0;
  /** All records were found (not stopped by maxRecords or the deadline). */
  complete = true;
  timedOut = false;
  errors = 0;
  /** Fields of the record last read: content bounds (inside quotes) and whether `""` escapes occur. */
  fieldStart: Uint32Array;
  fieldEnd: Uint32Array;
  fieldEscaped: Uint8Array;
  fieldCount = 0;

  constructor(text: string, delimiter: "," | "\t", maxColumns: number) {
    this.text = text;
    this.delimiter = delimiter.charCodeAt(0);
    this.starts = new Uint32Array(0);
    this.ends = new Uint32Array(0);
    this.fieldStart = new Uint32Array(maxColumns + 1);
    this.fieldEnd = new Uint32Array(maxColumns + 1);
    this.fieldEscaped = new Uint8Array(maxColumns + 1);
  }

  /** Finds up to maxRecords record boundaries (header included); stops at the deadline. */
  scan(maxRecords: number, deadline: number): this {
    const text = this.text;
    const len = text.length;
    let cap = Math.max(16, Math.min(maxRecords, (len >>> 5) + 16));
    let starts = new Uint32Array(cap);
    let ends = new Uint32Array(cap);
    let n = 0;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let inQuote = false;
    let start = i;
    for (; i <= len; i++) {
      const c = i < len ? text.charCodeAt(i) : 10;
      if (c === 34) {
        inQuote = !inQuote;
        continue;
      }
      if (c !== 10 || (inQuote && i < len)) continue;
      if (inQuote) this.errors++;
      inQuote = false;
      let end = i;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      if (end > start) {
        if (n === maxRecords) {
          this.complete = false;
          break;
        }
        if (n === cap) {
          cap = Math.min(maxRecords, cap * 2);
          const s2 = new Uint32Array(cap);
          s2.set(starts);
          starts = s2;
          const e2 = new Uint32Array(cap);
          e2.set(ends);
          ends = e2;
        }
        starts[n] = start;
        ends[n] = end;
        n++;
        if ((n & 0xffff) === 0 && performance.now() > deadline) {
          this.complete = false;
          this.timedOut = true;
          break;
        }
      }
      start = i + 1;
    }
    this.starts = starts;
    this.ends = ends;
    this.count = n;
    return this;
  }

  /** Splits record r into fields (at most the reader's column capacity); returns the raw field count. */
  read(r: number): number {
    const text = this.text;
    const delim = this.delimiter;
    const end = this.ends[r]!;
    const max = this.fieldStart.length;
    let i = this.starts[r]!;
    let k = 0;
    for (;;) {
      let fs = i;
      let fe: number;
      let escaped = 0;
      if (text.charCodeAt(i) === 34) {
        fs = ++i;
        for (;;) {
          if (i >= end) {
            this.errors++;
            fe = end;
            break;
          }
          if (text.charCodeAt(i) === 34) {
            if (i + 1 < end && text.charCodeAt(i + 1) === 34) {
              escaped = 1;
              i += 2;
              continue;
            }
            fe = i++;
            break;
          }
          i++;
        }
        // Characters between the closing quote and the delimiter: malformed, kept out of the value.
        if (i < end && text.charCodeAt(i) !== delim) {
          this.errors++;
          while (i < end && text.charCodeAt(i) !== delim) i++;
        }
      } else {
        while (i < end && text.charCodeAt(i) !== delim) i++;
        fe = i;
      }
      if (k < max) {
        this.fieldStart[k] = fs;
        this.fieldEnd[k] = fe;
        this.fieldEscaped[k] = escaped;
      }
      k++;
      if (i >= end) break;
      i++; // the delimiter
      if (i === end) {
        // A trailing delimiter opens one last, empty field.
        if (k < max) {
          this.fieldStart[k] = end;
          this.fieldEnd[k] = end;
          this.fieldEscaped[k] = 0;
        }
        k++;
        break;
      }
    }
    this.fieldCount = Math.min(k, max);
    return k;
  }

  /** Cell k of the record last read, unescaped; "" when the record is short. */
  value(k: number): string {
    if (k >= this.fieldCount) return "";
    const v = this.text.slice(this.fieldStart[k], this.fieldEnd[k]);
    return this.fieldEscaped[k] ? v.replaceAll('""', '"') : v;
  }

  /** Hash of the listed cells of the record last read, over unescaped content. */
  hash(columns: readonly number[]): number {
    const text = this.text;
    let h = FNV_OFFSET;
    for (const k of columns) {
      if (k < this.fieldCount) {
        const e = this.fieldEnd[k]!;
        const escaped = this.fieldEscaped[k] === 1;
        for (let i = this.fieldStart[k]!; i < e; i++) {
          h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
          if (escaped && text.charCodeAt(i) === 34) i++;
        }
      }
      h = Math.imul(h ^ FIELD_SEPARATOR, FNV_PRIME);
    }
    return h;
  }

  /** Hash of cell k of the record last read (as hash([k]), without the array). */
  hashCell(k: number): number {
    const text = this.text;
    let h = FNV_OFFSET;
    if (k < this.fieldCount) {
      const e = this.fieldEnd[k]!;
      const escaped = this.fieldEscaped[k] === 1;
      for (let i = this.fieldStart[k]!; i < e; i++) {
        h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
        if (escaped && text.charCodeAt(i) === 34) i++;
      }
    }
    return Math.imul(h ^ FIELD_SEPARATOR, FNV_PRIME);
  }

  /** Whether cell k is empty, without making a string. */
  isEmpty(k: number): boolean {
    return k >= this.fieldCount || this.fieldEnd[k] === this.fieldStart[k];
  }

  /** Cells xCols[k] of x's last-read record equal yCols[k] of y's, for every k. */
  static sameCells(x: CsvRecords, xCols: readonly number[], y: CsvRecords, yCols: readonly number[]): boolean {
    for (let k = 0; k < xCols.length; k++) {
      const a = xCols[k]!;
      const b = yCols[k]!;
      const as = a < x.fieldCount ? x.fieldStart[a]! : 0;
      const ae = a < x.fieldCount ? x.fieldEnd[a]! : 0;
      const bs = b < y.fieldCount ? y.fieldStart[b]! : 0;
      const be = b < y.fieldCount ? y.fieldEnd[b]! : 0;
      if (!sameRange(x.text, as, ae, a < x.fieldCount && x.fieldEscaped[a] === 1, y.text, bs, be, b < y.fieldCount && y.fieldEscaped[b] === 1)) return false;
    }
    return true;
  }
}

/** Unescaped contents of [as, ae) and [bs, be) are equal (`""` is one quote where escaped). */
function sameRange(x: string, as: number, ae: number, ax: boolean, y: string, bs: number, be: number, bx: boolean): boolean {
  if (!ax && !bx) {
    if (ae - as !== be - bs) return false;
    for (let i = 0; i < ae - as; i++) if (x.charCodeAt(as + i) !== y.charCodeAt(bs + i)) return false;
    return true;
  }
  let i = as;
  let j = bs;
  while (i < ae && j < be) {
    const c = x.charCodeAt(i);
    if (c !== y.charCodeAt(j)) return false;
    i += ax && c === 34 ? 2 : 1;
    j += bx && c === 34 ? 2 : 1;
  }
  return i >= ae && j >= be;
}
