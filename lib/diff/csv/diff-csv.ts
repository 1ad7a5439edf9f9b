import { AppError } from "@/lib/errors";
import { histogramDiff } from "@/lib/diff/text/histogram-diff";
import type { CsvColumnChange, CsvColumnStats, CsvDiff, CsvRowChange } from "@/lib/diff/types";
import { columnStatsCollector, type ColumnStatsCollector } from "./column-stats-collector";
import { CsvRecords } from "./csv-records";
import { detectDelimiter } from "./detect-delimiter";

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
/** Rows profiled exactly per side; beyond, column statistics come from an evenly spaced sample of this many. */
export const STATS_EXACT_ROWS = 20_000;
/** Time budget by default: past it the diff degrades to a size summary (a 1M-row pair takes ≈1–2 s). */
export const DEFAULT_CSV_DEADLINE_MS = 10_000;
/** Rows between two deadline checks. */
const DEADLINE_STRIDE = 4096;

export interface CsvDiffOptions {
  delimiter?: "," | "\t" | "auto";
  /** column to match rows by (name in either side); auto-detected when absent */
  keyColumn?: string;
  /** rows compared per side (capped at MAX_ROWS_LIMIT) */
  maxRows?: number;
  page?: { offset?: number; limit?: number };
  /** Time budget in ms; past it the result is a summary (counts unknown, `reasons` says so). */
  deadlineMs?: number;
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

function readHead(rec: CsvRecords): SideHead {
  if (rec.count === 0) return { header: [], sample: [], rawWidth: 0 };
  const rawWidth = rec.read(0);
  const header = uniqueHeader(Array.from({ length: rec.fieldCount }, (_, k) => rec.value(k)));
  const sample: string[][] = [];
  for (let r = 1; r < rec.count && sample.length < SAMPLE_ROWS; r++) {
    rec.read(r);
    sample.push(Array.from({ length: rec.fieldCount }, (_, k) => rec.value(k)));
  }
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
  rows: number;
  stats: ColumnStatsCollector[];
  sampledEvery: number;
  ragged: number;
  /** per key candidate: the key cell's content bounds per row, or null once it has an empty value */
  keyStart: (Uint32Array | null)[];
  keyEnd: (Uint32Array | null)[];
  keyEscaped: (Uint8Array | null)[];
  keyHash: (Int32Array | null)[];
}

/** Open-addressing intern table over (side, row) entries; `same` verifies every hash hit, so ids are exact. */
class InternTable {
  readonly mask: number;
  readonly slots: Int32Array;
  readonly entrySide: Uint8Array;
  readonly entryRow: Int32Array;
  size = 0;
  constructor(capacity: number) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.mask = n - 1;
    this.slots = new Int32Array(n * 2);
    this.entrySide = new Uint8Array(capacity + 1);
    this.entryRow = new Int32Array(capacity + 1);
  }
  /** Id of an equal entry (same(side, row) says which candidate is equal), or a new id. */
  intern(h: number, side: number, row: number, same: (side: number, row: number) => boolean): number {
    let slot = (h ^ (h >>> 15)) & this.mask;
    for (;;) {
      const e = this.slots[2 * slot + 1]!;
      if (e === 0) {
        const id = this.size++;
        this.slots[2 * slot] = h;
        this.slots[2 * slot + 1] = id + 1;
        this.entrySide[id] = side;
        this.entryRow[id] = row;
        return id;
      }
      if (this.slots[2 * slot] === h && same(this.entrySide[e - 1]!, this.entryRow[e - 1]!)) return e - 1;
      slot = (slot + 1) & this.mask;
    }
  }
}

class DeadlineExceeded extends Error {}

/**
 * One pass over a side's rows: each row is split once into field bounds; its mapped cells are hashed
 * and interned into `rows` (equal id ⇔ equal compared cells), key candidates' cell bounds are kept,
 * and cells become strings only for the profiled (sampled) rows.
 */
function scanSide(side: number, recs: CsvRecords[], probes: CsvRecords[], cols: number[][], head: SideHead, identity: boolean,
  keyColumns: number[], alive: boolean[], table: InternTable, ids: Int32Array, deadline: number): SideScan {
  const rec = recs[side]!;
  const columns = cols[side]!;
  const rows = Math.max(0, rec.count - 1);
  const stats = head.header.map(columnStatsCollector);
  const sampledEvery = Math.max(1, Math.ceil(rows / STATS_EXACT_ROWS));
  const keyStart = keyColumns.map((_, k) => (alive[k] ? new Uint32Array(rows) : null));
  const keyEnd = keyColumns.map((_, k) => (alive[k] ? new Uint32Array(rows) : null));
  const keyEscaped = keyColumns.map((_, k) => (alive[k] ? new Uint8Array(rows) : null));
  const keyHash = keyColumns.map((_, k) => (alive[k] ? new Int32Array(rows) : null));
  const text = rec.text;
  let current = 0;
  const same = (s: number, r: number) => {
    const src = recs[s]!;
    if (identity) {
      // Raw record text equal and the same column layout: equal without splitting the candidate.
      const as = src.starts[r + 1]!;
      const ae = src.ends[r + 1]!;
      const bs = rec.starts[current + 1]!;
      const be = rec.ends[current + 1]!;
      if (ae - as === be - bs) {
        let k = 0;
        while (k < ae - as && src.text.charCodeAt(as + k) === text.charCodeAt(bs + k)) k++;
        if (k === ae - as) return true;
      }
    }
    // A probe reader holds the candidate row while `rec` keeps the current one.
    const probe = probes[s]!;
    probe.read(r + 1);
    return CsvRecords.sameCells(probe, cols[s]!, rec, columns);
  };
  let ragged = 0;
  for (let r = 0; r < rows; r++) {
    if (r % DEADLINE_STRIDE === 0 && performance.now() >= deadline) throw new DeadlineExceeded();
    const width = rec.read(r + 1);
    if (width !== head.rawWidth) ragged++;
    current = r;
    ids[r] = table.intern(rec.hash(columns), side, r, same);
    if (r % sampledEvery === 0) for (let c = 0; c < head.header.length; c++) stats[c]!.add(rec.value(c));
    for (let k = 0; k < keyColumns.length; k++) {
      const starts = keyStart[k];
      if (!starts) continue;
      const col = keyColumns[k]!;
      if (rec.isEmpty(col)) {
        keyStart[k] = keyEnd[k] = keyEscaped[k] = keyHash[k] = null;
        continue;
      }
      starts[r] = rec.fieldStart[col]!;
      keyEnd[k]![r] = rec.fieldEnd[col]!;
      keyEscaped[k]![r] = rec.fieldEscaped[col]!;
      keyHash[k]![r] = rec.hashCell(col);
    }
  }
  return { rows, stats, sampledEvery, ragged, keyStart, keyEnd, keyEscaped, keyHash };
}

function sameKey(x: string, xs: number, xe: number, xEsc: boolean, y: string, ys: number, ye: number, yEsc: boolean): boolean {
  let i = xs;
  let j = ys;
  while (i < xe && j < ye) {
    const c = x.charCodeAt(i);
    if (c !== y.charCodeAt(j)) return false;
    i += xEsc && c === 34 ? 2 : 1;
    j += yEsc && c === 34 ? 2 : 1;
  }
  return i >= xe && j >= ye;
}

/** Key ids for candidate k on both sides, or null when the key repeats within a side. */
function internKeys(a: SideScan, b: SideScan, k: number, textA: string, textB: string, deadline: number): { idsA: Int32Array; idsB: Int32Array; count: number } | null {
  const table = new InternTable(a.rows + b.rows);
  const out = [new Int32Array(a.rows), new Int32Array(b.rows)];
  const scans = [a, b];
  const texts = [textA, textB];
  for (let side = 0; side < 2; side++) {
    const sc = scans[side]!;
    const hs = sc.keyHash[k]!;
    const st = sc.keyStart[k]!;
    const en = sc.keyEnd[k]!;
    const esc = sc.keyEscaped[k]!;
    const seen = new Uint8Array(a.rows + b.rows + 1);
    for (let r = 0; r < sc.rows; r++) {
      if (r % DEADLINE_STRIDE === 0 && performance.now() >= deadline) throw new DeadlineExceeded();
      const id = table.intern(hs[r]!, side, r, (s, o) => {
        const os = scans[s]!;
        return sameKey(texts[s]!, os.keyStart[k]![o]!, os.keyEnd[k]![o]!, os.keyEscaped[k]![o] === 1, texts[side]!, st[r]!, en[r]!, esc[r] === 1);
      });
      if (seen[id]) return null;
      seen[id] = 1;
      out[side]![r] = id;
    }
  }
  return { idsA: out[0]!, idsB: out[1]!, count: table.size };
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

/**
 * Row- and cell-level CSV/TSV diff. Rows are matched by a key column when one is given or found
 * (unique and non-empty on both sides, id-like names first), else aligned by position with an
 * LCS-style alignment so inserted rows do not mark every later row changed. Only the mapped
 * (shared or renamed) columns are compared; added/removed columns are reported once in `columns`.
 * Rows are hashed from the text (CsvRecords) and every hash hit is verified, so "unchanged" is exact;
 * cells become strings only for the requested page and the profiled rows (all up to STATS_EXACT_ROWS,
 * else an even sample, stated in `warnings`). Past `deadlineMs` the result degrades to a summary.
 */
export function diffCsv(aInput: string | Uint8Array, bInput: string | Uint8Array, options: CsvDiffOptions = {}): CsvDiff {
  const decode = (x: string | Uint8Array) => (typeof x === "string" ? x : new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(x));
  if (!(typeof aInput === "string" || aInput instanceof Uint8Array) || !(typeof bInput === "string" || bInput instanceof Uint8Array)) {
    throw new TypeError("diffCsv expects two strings or byte arrays");
  }
  const started = performance.now();
  const deadline = started + (options.deadlineMs ?? DEFAULT_CSV_DEADLINE_MS);
  if (aInput.length > MAX_CSV_CHARS || bInput.length > MAX_CSV_CHARS) {
    throw new AppError("TOO_LARGE", `CSV larger than ${MAX_CSV_CHARS} characters; only a size summary is available.`);
  }
  const aText = decode(aInput);
  const bText = decode(bInput);
  const maxRows = Math.max(0, Math.min(options.maxRows ?? DEFAULT_MAX_ROWS, MAX_ROWS_LIMIT));
  const limit = Math.max(0, Math.min(options.page?.limit ?? DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT));
  const offset = Math.max(0, Math.floor(options.page?.offset ?? 0));
  const warnings: string[] = [];
  const reasons: string[] = [];

  const delimA = !options.delimiter || options.delimiter === "auto" ? detectDelimiter(aText || bText) : options.delimiter;
  const delimB = !options.delimiter || options.delimiter === "auto" ? detectDelimiter(bText || aText) : options.delimiter;
  if (delimA !== delimB) warnings.push("The two files use different delimiters; each was parsed with its own.");

  const recA = new CsvRecords(aText, delimA, MAX_COLUMNS).scan(maxRows + 1, deadline);
  const recB = new CsvRecords(bText, delimB, MAX_COLUMNS).scan(maxRows + 1, deadline);
  const headA = readHead(recA);
  const headB = readHead(recB);
  if (headA.rawWidth > MAX_COLUMNS || headB.rawWidth > MAX_COLUMNS) reasons.push(`only the first ${MAX_COLUMNS} columns are compared`);
  const mapping = mapColumns(headA, headB);
  const candidates = keyCandidates(mapping, headA, headB, options.keyColumn);
  const summary = (why: string): CsvDiff => ({
    delimiter: delimA, mode: "positional", keyColumn: null, columns: mapping.changes, comparedColumns: mapping.names,
    rowsBefore: Math.max(0, recA.count - 1), rowsAfter: Math.max(0, recB.count - 1),
    counts: { added: 0, removed: 0, changed: 0, unchanged: 0 },
    page: { offset, limit, total: 0, rows: [] }, stats: [], truncated: true, reasons: [...reasons, why], warnings,
  });
  const overBudget = () => summary(`The table diff did not finish within ${options.deadlineMs ?? DEFAULT_CSV_DEADLINE_MS} ms; only the columns and row counts${recA.timedOut || recB.timedOut ? " read so far" : ""} are shown.`);
  if (recA.timedOut || recB.timedOut) return overBudget();
  if (!recA.complete || !recB.complete) reasons.push(`only the first ${maxRows} rows of each file are compared`);

  const identity = delimA === delimB && headA.rawWidth === headB.rawWidth && mapping.changes.length === 0 &&
    mapping.idxA.every((c, k) => c === k && mapping.idxB[k] === k) && mapping.idxA.length === headA.rawWidth;
  const recs = [recA, recB];
  const probes = recs.map((r) => Object.assign(new CsvRecords(r.text, r === recA ? delimA : delimB, MAX_COLUMNS), { starts: r.starts, ends: r.ends, count: r.count }));
  const cols = [mapping.idxA, mapping.idxB];
  const rowsA = Math.max(0, recA.count - 1);
  const rowsB = Math.max(0, recB.count - 1);
  const table = new InternTable(rowsA + rowsB);
  const idsA = new Int32Array(rowsA);
  const idsB = new Int32Array(rowsB);
  let scanA: SideScan;
  let scanB: SideScan;
  try {
    scanA = scanSide(0, recs, probes, cols, headA, identity, candidates.map((k) => mapping.idxA[k]!), candidates.map(() => true), table, idsA, deadline);
    scanB = scanSide(1, recs, probes, cols, headB, identity, candidates.map((k) => mapping.idxB[k]!), scanA.keyHash.map((v) => v !== null), table, idsB, deadline);
  } catch (e) {
    if (e instanceof DeadlineExceeded) return overBudget();
    throw e;
  }
  if (scanA.ragged + scanB.ragged > 0) warnings.push(`${scanA.ragged + scanB.ragged} rows have a different number of fields than the header.`);
  const parseErrors = recA.errors + recB.errors + probes[0]!.errors + probes[1]!.errors;
  if (parseErrors > 0) warnings.push(`${parseErrors} CSV syntax problems (for example unbalanced quotes) were tolerated.`);
  for (const [name, sc] of [["base", scanA], ["head", scanB]] as const) {
    if (sc.sampledEvery > 1) warnings.push(`Column statistics of the ${name} file are computed on every ${sc.sampledEvery}th row (${Math.ceil(sc.rows / sc.sampledEvery)} of ${sc.rows}).`);
  }

  let keyIndex = -1;
  let keyIds: { idsA: Int32Array; idsB: Int32Array; count: number } | null = null;
  for (let k = 0; k < candidates.length && !keyIds; k++) {
    if (!scanA.keyHash[k] || !scanB.keyHash[k]) continue;
    try {
      keyIds = internKeys(scanA, scanB, k, aText, bText, deadline);
    } catch (e) {
      if (e instanceof DeadlineExceeded) return overBudget();
      throw e;
    }
    if (keyIds) keyIndex = k;
  }
  if (options.keyColumn !== undefined && keyIndex < 0) {
    warnings.push(`Key column "${options.keyColumn}" is empty or not unique; rows were compared by position.`);
  }
  const refs: RowRefs = { kind: [], a: [], b: [] };
  let unchanged = 0;

  if (keyIds) {
    const rowOfKey = new Int32Array(keyIds.count).fill(-1);
    keyIds.idsA.forEach((id, i) => { rowOfKey[id] = i; });
    const matchedA = new Uint8Array(rowsA);
    for (let j = 0; j < rowsB; j++) {
      const i = rowOfKey[keyIds.idsB[j]!]!;
      if (i < 0) { pushRef(refs, ADDED, -1, j); continue; }
      matchedA[i] = 1;
      if (idsA[i] === idsB[j]) unchanged++;
      else pushRef(refs, CHANGED, i, j);
    }
    for (let i = 0; i < rowsA; i++) if (!matchedA[i]) pushRef(refs, REMOVED, i, -1);
  } else {
    // The line engine's histogram diff over row ids: inserted rows do not mark every later row changed.
    const changedA = new Uint8Array(rowsA).fill(1);
    const changedB = new Uint8Array(rowsB).fill(1);
    if (!histogramDiff(idsA, idsB, table.size, changedA, changedB, deadline)) return overBudget();
    let i = 0;
    let j = 0;
    while (i < rowsA || j < rowsB) {
      if (i < rowsA && j < rowsB && !changedA[i] && !changedB[j]) { unchanged++; i++; j++; continue; }
      const i0 = i;
      const j0 = j;
      while (i < rowsA && changedA[i]) i++;
      while (j < rowsB && changedB[j]) j++;
      const paired = Math.min(i - i0, j - j0);
      for (let k = 0; k < paired; k++) pushRef(refs, CHANGED, i0 + k, j0 + k);
      for (let k = i0 + paired; k < i; k++) pushRef(refs, REMOVED, k, -1);
      for (let k = j0 + paired; k < j; k++) pushRef(refs, ADDED, -1, k);
    }
  }

  const counts = { added: 0, removed: 0, changed: 0, unchanged };
  for (const k of refs.kind) {
    if (k === CHANGED) counts.changed++;
    else if (k === ADDED) counts.added++;
    else counts.removed++;
  }

  const end = Math.min(refs.kind.length, offset + limit);
  const cells = (rec: CsvRecords, row: number): string[] => {
    rec.read(row + 1);
    return Array.from({ length: rec.fieldCount }, (_, c) => rec.value(c));
  };
  const keyOf = (side: 0 | 1, row: number): string => {
    const sc = side === 0 ? scanA : scanB;
    const rec = recs[side]!;
    const v = rec.text.slice(sc.keyStart[keyIndex]![row], sc.keyEnd[keyIndex]![row]);
    return sc.keyEscaped[keyIndex]![row] ? v.replaceAll('""', '"') : v;
  };
  const valuesOf = (header: string[], row: string[]) => Object.fromEntries(header.map((h, c) => [h, row[c] ?? ""]));
  const keyColumnName = keyIndex >= 0 ? mapping.names[candidates[keyIndex]!]! : null;
  const rows: CsvRowChange[] = [];
  for (let r = offset; r < end; r++) {
    const kind = refs.kind[r]!;
    const i = refs.a[r]!;
    const j = refs.b[r]!;
    const key = keyIndex < 0 ? undefined : j >= 0 ? keyOf(1, j) : keyOf(0, i);
    const base = {
      ...(key !== undefined ? { key } : {}),
      ...(i >= 0 ? { rowBefore: i + 1 } : {}),
      ...(j >= 0 ? { rowAfter: j + 1 } : {}),
    };
    if (kind === ADDED) rows.push({ kind: "added", ...base, values: valuesOf(headB.header, cells(recB, j)) });
    else if (kind === REMOVED) rows.push({ kind: "removed", ...base, values: valuesOf(headA.header, cells(recA, i)) });
    else {
      const ra = cells(recA, i);
      const rb = cells(recB, j);
      const changedCells = mapping.names.flatMap((column, k) => {
        const before = ra[mapping.idxA[k]!] ?? "";
        const after = rb[mapping.idxB[k]!] ?? "";
        return before === after ? [] : [{ column, before, after }];
      });
      rows.push({ kind: "changed", ...base, cells: changedCells });
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
    rowsBefore: rowsA,
    rowsAfter: rowsB,
    counts,
    page: { offset, limit, total: refs.kind.length, rows },
    stats,
    truncated: reasons.length > 0,
    reasons,
    warnings,
  };
}
