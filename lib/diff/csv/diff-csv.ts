import { hash } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { CsvColumnChange, CsvColumnStats, CsvDiff, CsvRowChange } from "@/lib/diff/types";
import { alignSequences } from "./align-sequences";
import { columnStatsCollector, type ColumnStatsCollector } from "./column-stats-collector";
import { detectDelimiter } from "./detect-delimiter";
import { forEachCsvRow } from "./for-each-csv-row";

/** Rows compared per side by default: the background-job budget (≈1M rows / 80 MB) on a 2-core box. */
export const DEFAULT_MAX_ROWS = 1_000_000;
/** Hard ceiling even when a caller asks for more: beyond this a summary of sizes is all we offer. */
export const MAX_ROWS_LIMIT = 2_000_000;
/** Text per side; larger inputs are refused before parsing (the layer reader caps decompression earlier). */
export const MAX_CSV_CHARS = 256 * 1024 * 1024;
/** Columns compared and profiled; wider files are rare and each column costs a stats collector. */
export const MAX_COLUMNS = 1_000;
/** Leading rows read to judge renamed columns and pre-screen key candidates. */
export const SAMPLE_ROWS = 500;
/** Share of sampled values two columns must have in common to be called a rename (Jaccard). */
export const RENAME_MIN_SIMILARITY = 0.5;
/** Key candidates tracked in full: each keeps one string per row until it proves not unique. */
export const MAX_KEY_CANDIDATES = 3;
export const DEFAULT_PAGE_LIMIT = 100;
/** One page of row changes; the UI pages further on demand. */
export const MAX_PAGE_LIMIT = 1_000;

export interface CsvDiffOptions {
  delimiter?: "," | "\t" | "auto";
  /** column to match rows by (name in either side); auto-detected when absent */
  keyColumn?: string;
  /** rows compared per side (capped at MAX_ROWS_LIMIT) */
  maxRows?: number;
  page?: { offset?: number; limit?: number };
}

const PREFERRED_KEY = /^(id|key|uuid|guid|pk)$|[_\-\s]id$|[a-z]Id$/i;

function uniqueHeader(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.slice(0, MAX_COLUMNS).map((name, i) => {
    const base = name.trim() === "" ? `column ${i + 1}` : name;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

interface SideHead { header: string[]; sample: string[][]; rawWidth: number }

function readHead(text: string, delimiter: "," | "\t"): SideHead {
  let header: string[] = [];
  let rawWidth = 0;
  const sample: string[][] = [];
  forEachCsvRow(text, delimiter, (row, i) => {
    if (i === 0) { rawWidth = row.length; header = uniqueHeader(row); return true; }
    sample.push(row);
    return sample.length < SAMPLE_ROWS;
  });
  return { header, sample, rawWidth };
}

function jaccard(a: string[], b: string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  let common = 0;
  for (const v of sa) if (sb.has(v)) common++;
  return common / (sa.size + sb.size - common);
}

interface ColumnMapping { idxA: number[]; idxB: number[]; names: string[]; changes: CsvColumnChange[] }

/** Columns by name; a removed and an added column at the same position with similar values are a rename. */
function mapColumns(a: SideHead, b: SideHead): ColumnMapping {
  const posA = new Map(a.header.map((n, i) => [n, i]));
  const posB = new Map(b.header.map((n, i) => [n, i]));
  const removed = a.header.map((n, i) => ({ n, i })).filter((c) => !posB.has(c.n));
  const added = b.header.map((n, i) => ({ n, i })).filter((c) => !posA.has(c.n));
  const renamed = new Map<number, number>(); // b index → a index
  const column = (sample: string[][], i: number) => sample.map((r) => r[i] ?? "");
  removed.forEach((r, k) => {
    // "same position": the same index, or the k-th removed against the k-th added column
    const candidates = added.filter((c, ck) => !renamed.has(c.i) && (c.i === r.i || ck === k));
    let best: { i: number; score: number } | null = null;
    for (const c of candidates) {
      const score = jaccard(column(a.sample, r.i), column(b.sample, c.i));
      if (score >= RENAME_MIN_SIMILARITY && (!best || score > best.score)) best = { i: c.i, score };
    }
    if (best) renamed.set(best.i, r.i);
  });
  const idxA: number[] = [];
  const idxB: number[] = [];
  const names: string[] = [];
  const changes: CsvColumnChange[] = [];
  b.header.forEach((name, j) => {
    const i = posA.get(name) ?? renamed.get(j);
    if (i === undefined) { changes.push({ kind: "added", after: name, indexAfter: j }); return; }
    idxA.push(i);
    idxB.push(j);
    names.push(name);
    if (a.header[i] !== name) changes.push({ kind: "renamed", before: a.header[i], after: name, indexBefore: i, indexAfter: j });
  });
  const usedA = new Set(idxA);
  a.header.forEach((name, i) => {
    if (!usedA.has(i)) changes.push({ kind: "removed", before: name, indexBefore: i });
  });
  return { idxA, idxB, names, changes };
}

interface SideScan {
  hashes: string[];
  stats: ColumnStatsCollector[];
  /** per key candidate: its values in row order, or null once it proved not unique / has empties */
  keys: (string[] | null)[];
  truncated: boolean;
  ragged: number;
  parseErrors: number;
}

function rowHash(row: string[], columns: number[]): string {
  // Length-prefixed so that no choice of field contents can make two different rows collide by
  // concatenation; sha256 so that a crafted row cannot pass for another (a reviewer relies on it).
  let s = "";
  for (const c of columns) {
    const v = row[c] ?? "";
    s += `${v.length}:${v}`;
  }
  return hash("sha256", s, "binary");
}

/** `alive[k]` false: candidate k already failed on the other side, so it is not tracked here. */
function scanSide(text: string, delimiter: "," | "\t", header: string[], rawWidth: number, columns: number[], keyColumns: number[], alive: boolean[], maxRows: number): SideScan {
  const hashes: string[] = [];
  const stats = header.map(columnStatsCollector);
  // A Set keeps insertion order, so for a unique column it is also the column's values in row order.
  const seen: (Set<string> | null)[] = keyColumns.map((_, k) => (alive[k] ? new Set<string>() : null));
  let truncated = false;
  let ragged = 0;
  const visit = forEachCsvRow(text, delimiter, (row, i) => {
    if (i === 0) return true;
    if (hashes.length >= maxRows) { truncated = true; return false; }
    if (row.length !== rawWidth) ragged++;
    hashes.push(rowHash(row, columns));
    for (let c = 0; c < header.length; c++) stats[c]!.add(row[c] ?? "");
    for (let k = 0; k < keyColumns.length; k++) {
      const set = seen[k];
      if (!set) continue;
      const v = row[keyColumns[k]!] ?? "";
      if (v === "" || set.has(v)) seen[k] = null;
      else set.add(v);
    }
    return true;
  });
  return { hashes, stats, keys: seen.map((set) => (set ? [...set] : null)), truncated, ragged, parseErrors: visit.errors };
}

function keyCandidates(mapping: ColumnMapping, a: SideHead, b: SideHead, requested: string | undefined): number[] {
  if (requested !== undefined) {
    const k = mapping.names.findIndex((n, k) => n === requested || a.header[mapping.idxA[k]!] === requested);
    if (k < 0) throw new AppError("BAD_REQUEST", `Key column "${requested}" is not in both files.`, { details: { keyColumn: requested } });
    return [k];
  }
  const uniqueInSample = (sample: string[][], col: number) => {
    const s = new Set<string>();
    for (const r of sample) {
      const v = r[col] ?? "";
      if (v === "" || s.has(v)) return false;
      s.add(v);
    }
    return true;
  };
  const ks = mapping.names.map((_, k) => k)
    .filter((k) => uniqueInSample(a.sample, mapping.idxA[k]!) && uniqueInSample(b.sample, mapping.idxB[k]!));
  const preferred = ks.filter((k) => PREFERRED_KEY.test(mapping.names[k]!));
  const others = ks.filter((k) => !PREFERRED_KEY.test(mapping.names[k]!));
  return [...preferred, ...others].slice(0, MAX_KEY_CANDIDATES);
}

const CHANGED = 0;
const ADDED = 1;
const REMOVED = 2;

interface RowRefs { kind: number[]; a: number[]; b: number[] }

function pushRef(refs: RowRefs, kind: number, a: number, b: number) {
  refs.kind.push(kind);
  refs.a.push(a);
  refs.b.push(b);
}

function collectRows(text: string, delimiter: "," | "\t", wanted: Set<number>): Map<number, string[]> {
  const rows = new Map<number, string[]>();
  if (wanted.size === 0) return rows;
  const last = Math.max(...wanted);
  forEachCsvRow(text, delimiter, (row, i) => {
    if (i === 0) return true;
    if (wanted.has(i - 1)) rows.set(i - 1, row);
    return i - 1 < last;
  });
  return rows;
}

/**
 * Row- and cell-level CSV/TSV diff. Rows are matched by a key column when one is given or found
 * (unique and non-empty on both sides, id-like names first), else aligned by position with an
 * LCS-style alignment so inserted rows do not mark every later row changed. Only the mapped
 * (shared or renamed) columns are compared; added/removed columns are reported once in `columns`.
 * Memory: one sha256 per row plus key values; cells are re-read only for the requested page.
 */
export function diffCsv(aText: string, bText: string, options: CsvDiffOptions = {}): CsvDiff {
  if (typeof aText !== "string" || typeof bText !== "string") throw new TypeError("diffCsv expects two strings");
  if (aText.length > MAX_CSV_CHARS || bText.length > MAX_CSV_CHARS) {
    throw new AppError("TOO_LARGE", `CSV larger than ${MAX_CSV_CHARS} characters; only a size summary is available.`);
  }
  const maxRows = Math.max(0, Math.min(options.maxRows ?? DEFAULT_MAX_ROWS, MAX_ROWS_LIMIT));
  const limit = Math.max(0, Math.min(options.page?.limit ?? DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT));
  const offset = Math.max(0, Math.floor(options.page?.offset ?? 0));
  const warnings: string[] = [];
  const reasons: string[] = [];

  const delimA = !options.delimiter || options.delimiter === "auto" ? detectDelimiter(aText || bText) : options.delimiter;
  const delimB = !options.delimiter || options.delimiter === "auto" ? detectDelimiter(bText || aText) : options.delimiter;
  if (delimA !== delimB) warnings.push("The two files use different delimiters; each was parsed with its own.");

  const headA = readHead(aText, delimA);
  const headB = readHead(bText, delimB);
  if (headA.rawWidth > MAX_COLUMNS || headB.rawWidth > MAX_COLUMNS) reasons.push(`only the first ${MAX_COLUMNS} columns are compared`);
  const mapping = mapColumns(headA, headB);
  const candidates = keyCandidates(mapping, headA, headB, options.keyColumn);

  const scanA = scanSide(aText, delimA, headA.header, headA.rawWidth, mapping.idxA, candidates.map((k) => mapping.idxA[k]!), candidates.map(() => true), maxRows);
  const scanB = scanSide(bText, delimB, headB.header, headB.rawWidth, mapping.idxB, candidates.map((k) => mapping.idxB[k]!), scanA.keys.map((v) => v !== null), maxRows);
  if (scanA.truncated || scanB.truncated) reasons.push(`only the first ${maxRows} rows of each file are compared`);
  if (scanA.ragged + scanB.ragged > 0) warnings.push(`${scanA.ragged + scanB.ragged} rows have a different number of fields than the header.`);
  if (scanA.parseErrors + scanB.parseErrors > 0) warnings.push(`${scanA.parseErrors + scanB.parseErrors} CSV syntax problems (for example unbalanced quotes) were tolerated.`);

  let keyIndex = candidates.findIndex((_, k) => scanA.keys[k] && scanB.keys[k]);
  if (options.keyColumn !== undefined && keyIndex < 0) {
    warnings.push(`Key column "${options.keyColumn}" is empty or not unique; rows were compared by position.`);
    keyIndex = -1;
  }
  const refs: RowRefs = { kind: [], a: [], b: [] };
  let unchanged = 0;
  let keysA: string[] | null = null;
  let keysB: string[] | null = null;

  if (keyIndex >= 0) {
    keysA = scanA.keys[keyIndex]!;
    keysB = scanB.keys[keyIndex]!;
    const rowOfKey = new Map<string, number>();
    keysA.forEach((k, i) => rowOfKey.set(k, i));
    const matchedA = new Uint8Array(keysA.length);
    keysB.forEach((k, j) => {
      const i = rowOfKey.get(k);
      if (i === undefined) { pushRef(refs, ADDED, -1, j); return; }
      matchedA[i] = 1;
      if (scanA.hashes[i] === scanB.hashes[j]) unchanged++;
      else pushRef(refs, CHANGED, i, j);
    });
    for (let i = 0; i < keysA.length; i++) if (!matchedA[i]) pushRef(refs, REMOVED, i, -1);
  } else {
    const ids = new Map<string, number>();
    const intern = (h: string) => {
      let id = ids.get(h);
      if (id === undefined) { id = ids.size; ids.set(h, id); }
      return id;
    };
    const seqA = Int32Array.from(scanA.hashes, intern);
    const seqB = Int32Array.from(scanB.hashes, intern);
    ids.clear();
    for (const seg of alignSequences(seqA, seqB)) {
      if (seg.kind === "equal") { unchanged += seg.aEnd - seg.aStart; continue; }
      const paired = Math.min(seg.aEnd - seg.aStart, seg.bEnd - seg.bStart);
      for (let k = 0; k < paired; k++) pushRef(refs, CHANGED, seg.aStart + k, seg.bStart + k);
      for (let i = seg.aStart + paired; i < seg.aEnd; i++) pushRef(refs, REMOVED, i, -1);
      for (let j = seg.bStart + paired; j < seg.bEnd; j++) pushRef(refs, ADDED, -1, j);
    }
  }

  const counts = { added: 0, removed: 0, changed: 0, unchanged };
  for (const k of refs.kind) {
    if (k === CHANGED) counts.changed++;
    else if (k === ADDED) counts.added++;
    else counts.removed++;
  }

  const end = Math.min(refs.kind.length, offset + limit);
  const wantA = new Set<number>();
  const wantB = new Set<number>();
  for (let r = offset; r < end; r++) {
    if (refs.a[r]! >= 0) wantA.add(refs.a[r]!);
    if (refs.b[r]! >= 0) wantB.add(refs.b[r]!);
  }
  const rowsA = collectRows(aText, delimA, wantA);
  const rowsB = collectRows(bText, delimB, wantB);
  const valuesOf = (header: string[], row: string[]) => Object.fromEntries(header.map((h, c) => [h, row[c] ?? ""]));
  const keyColumnName = keyIndex >= 0 ? mapping.names[candidates[keyIndex]!]! : null;
  const rows: CsvRowChange[] = [];
  for (let r = offset; r < end; r++) {
    const kind = refs.kind[r]!;
    const i = refs.a[r]!;
    const j = refs.b[r]!;
    const key = keysB && j >= 0 ? keysB[j] : keysA && i >= 0 ? keysA[i] : undefined;
    const base = {
      ...(key !== undefined ? { key } : {}),
      ...(i >= 0 ? { rowBefore: i + 1 } : {}),
      ...(j >= 0 ? { rowAfter: j + 1 } : {}),
    };
    if (kind === ADDED) rows.push({ kind: "added", ...base, values: valuesOf(headB.header, rowsB.get(j) ?? []) });
    else if (kind === REMOVED) rows.push({ kind: "removed", ...base, values: valuesOf(headA.header, rowsA.get(i) ?? []) });
    else {
      const ra = rowsA.get(i) ?? [];
      const rb = rowsB.get(j) ?? [];
      const cells = mapping.names.flatMap((column, k) => {
        const before = ra[mapping.idxA[k]!] ?? "";
        const after = rb[mapping.idxB[k]!] ?? "";
        return before === after ? [] : [{ column, before, after }];
      });
      rows.push({ kind: "changed", ...base, cells });
    }
  }

  const statsA = scanA.stats.map((s) => s.result());
  const statsB = scanB.stats.map((s) => s.result());
  const stats: { column: string; before: CsvColumnStats | null; after: CsvColumnStats | null }[] = [];
  const mappedB = new Map(mapping.idxB.map((j, k) => [j, mapping.idxA[k]!]));
  headB.header.forEach((name, j) => {
    const i = mappedB.get(j);
    stats.push({ column: name, before: i === undefined ? null : statsA[i]!, after: statsB[j]! });
  });
  const usedA = new Set(mapping.idxA);
  headA.header.forEach((name, i) => { if (!usedA.has(i)) stats.push({ column: name, before: statsA[i]!, after: null }); });

  return {
    delimiter: delimA,
    mode: keyIndex >= 0 ? "keyed" : "positional",
    keyColumn: keyColumnName,
    columns: mapping.changes,
    comparedColumns: mapping.names,
    rowsBefore: scanA.hashes.length,
    rowsAfter: scanB.hashes.length,
    counts,
    page: { offset, limit, total: refs.kind.length, rows },
    stats,
    truncated: reasons.length > 0,
    reasons,
    warnings,
  };
}
