/**
 * Deterministic inputs for bench-diff: the five pairs of the "Diff any two ModelKit versions" issue,
 * generated from a seeded PRNG so every run (and every machine) diffs the same bytes.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export interface DiffPair {
  id: string;
  title: string;
  kind: "text" | "json" | "csv";
  fileA: string;
  fileB: string;
  /** Timed repetitions (median reported); fewer for the large pair. */
  reps: number;
}

function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ["alpha", "beta", "gamma", "delta", "model", "layer", "tensor", "weight", "batch", "epoch", "score",
  "loss", "config", "dataset", "token", "vector", "matrix", "stream", "reader", "writer", "cache", "index"];
const CITIES = ["Berlin", "Lagos", "Lima", "Osaka", "Oslo", "Quito", "Perth", "Tunis", "Hanoi", "Dakar"];

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

function pythonLines(rnd: () => number, count: number): string[] {
  const lines: string[] = [];
  let fn = 0;
  while (lines.length < count) {
    const name = `${pick(rnd, WORDS)}_${pick(rnd, WORDS)}_${fn++}`;
    lines.push(`def ${name}(${pick(rnd, WORDS)}, ${pick(rnd, WORDS)}=None):`);
    lines.push(`    """Compute the ${pick(rnd, WORDS)} of a ${pick(rnd, WORDS)}."""`);
    const body = 3 + Math.floor(rnd() * 12);
    for (let i = 0; i < body; i++) {
      const r = rnd();
      if (r < 0.15) lines.push(`    if ${pick(rnd, WORDS)} is None:`, `        ${pick(rnd, WORDS)} = ${Math.floor(rnd() * 1000)}`);
      else if (r < 0.25) lines.push(`    for ${pick(rnd, WORDS)} in range(${Math.floor(rnd() * 100)}):`);
      else lines.push(`    ${pick(rnd, WORDS)}_${i} = ${pick(rnd, WORDS)}.${pick(rnd, WORDS)}(${Math.floor(rnd() * 1e6)})`);
    }
    lines.push(`    return ${pick(rnd, WORDS)}`, "");
  }
  return lines.slice(0, count);
}

function editScattered(rnd: () => number, lines: string[], edits: number, fresh: () => string): string[] {
  const out = lines.slice();
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rnd() * out.length);
    const r = rnd();
    if (r < 0.6) out[at] = fresh();
    else if (r < 0.8) out.splice(at, 0, fresh());
    else out.splice(at, 1);
  }
  return out;
}

function csvRow(rnd: () => number, id: number): string {
  const date = `2024-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`;
  return [id, `${pick(rnd, WORDS)}-${Math.floor(rnd() * 1e6)}`, pick(rnd, CITIES), (rnd() * 1e5).toFixed(2),
    Math.floor(rnd() * 500), (rnd() * 100).toFixed(3), date, rnd() < 0.5 ? "true" : "false", pick(rnd, WORDS),
    `${pick(rnd, WORDS)} ${pick(rnd, WORDS)}`].join(",");
}

/** `rows` data rows plus a header; 1% rows changed, 0.5% inserted, 0.5% deleted, scattered. */
function csvPair(seed: number, rows: number): [string, string] {
  const rnd = mulberry32(seed);
  const a: string[] = ["id,name,city,amount,qty,price,date,flag,category,note"];
  const b: string[] = [a[0]!];
  let nextId = rows + 1;
  for (let i = 1; i <= rows; i++) {
    const row = csvRow(rnd, i);
    a.push(row);
    const r = rnd();
    if (r < 0.01) b.push(csvRow(rnd, i));
    else if (r < 0.015) b.push(row, csvRow(rnd, nextId++));
    else if (r < 0.02) continue;
    else b.push(row);
  }
  return [`${a.join("\n")}\n`, `${b.join("\n")}\n`];
}

function jsonPair(seed: number, targetBytes: number): [string, string] {
  const rnd = mulberry32(seed);
  const records: Record<string, unknown>[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const rec = {
      id: i, name: `${pick(rnd, WORDS)}-${i}`, score: Math.round(rnd() * 1e6) / 1e3, tags: [pick(rnd, WORDS), pick(rnd, WORDS)],
      params: { lr: Math.round(rnd() * 1e4) / 1e6, layers: Math.floor(rnd() * 48), act: pick(rnd, WORDS) },
    };
    size += JSON.stringify(rec).length + 1;
    records.push(rec);
  }
  const doc = { model: "demo", version: 1, records };
  const a = JSON.stringify(doc);
  const changed = structuredClone(doc);
  changed.version = 2;
  for (let k = 0; k < 5; k++) {
    const rec = changed.records[Math.floor(rnd() * changed.records.length)]! as { score: number; params: { act: string } };
    rec.score = -1;
    rec.params.act = "changed";
  }
  return [a, JSON.stringify(changed)];
}

export function writeDiffPairs(dir: string): DiffPair[] {
  const pairs: DiffPair[] = [];
  const put = (id: string, title: string, kind: DiffPair["kind"], reps: number, [x, y]: [string, string]) => {
    const fileA = join(dir, `${id}-a`);
    const fileB = join(dir, `${id}-b`);
    writeFileSync(fileA, x);
    writeFileSync(fileB, y);
    pairs.push({ id, title, kind, fileA, fileB, reps });
  };
  {
    const rnd = mulberry32(1);
    const a = pythonLines(rnd, 2000);
    const b = editScattered(rnd, a, 20, () => `    ${pick(rnd, WORDS)}_edited = ${Math.floor(rnd() * 1e9)}`);
    put("a", "2k-line Python, 20 edits", "text", 5, [`${a.join("\n")}\n`, `${b.join("\n")}\n`]);
  }
  put("b", "100k-line CSV, 2% churn", "text", 5, csvPair(2, 99_999));
  put("c", "1M-line CSV, 2% churn", "text", 3, csvPair(3, 999_999));
  put("d", "two unrelated 50k-line files", "text", 5, [
    `${pythonLines(mulberry32(4), 50_000).join("\n")}\n`,
    `${pythonLines(mulberry32(5), 50_000).join("\n")}\n`,
  ]);
  put("e", "5 MB one-line minified JSON", "json", 5, jsonPair(6, 5 * 1024 * 1024));
  return pairs;
}
