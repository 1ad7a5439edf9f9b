import { AppError } from "@/lib/errors";
import type { NotebookCellChange, NotebookDiff, NotebookOutputChange } from "@/lib/diff/types";
import { alignSequences } from "@/lib/diff/csv/align-sequences";

/** Notebook text accepted per side: outputs with images make notebooks larger than source files. */
export const MAX_NOTEBOOK_CHARS = 50 * 1024 * 1024;
/** Cells per notebook; real notebooks have hundreds, more is abuse. */
export const MAX_CELLS = 10_000;
/** Output text kept per side for the UI; longer streams are cut (the raw text diff shows all). */
export const MAX_OUTPUT_TEXT_CHARS = 100_000;

interface Cell { id?: string; type: string; source: string; outputs: Output[] }
interface Output { what: string; text?: string; fingerprint: string }

const malformed = (side: string, why: string) =>
  new AppError("MALFORMED_CONTENT", `Notebook ${side} is not a valid Jupyter notebook: ${why}.`, { details: { side } });

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function text(v: unknown): string {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map((s) => (typeof s === "string" ? s : "")).join("");
  return "";
}

function cap(s: string): string {
  return s.length > MAX_OUTPUT_TEXT_CHARS ? `${s.slice(0, MAX_OUTPUT_TEXT_CHARS)}\n… [output cut at ${MAX_OUTPUT_TEXT_CHARS} characters]` : s;
}

function readOutput(o: unknown): Output {
  if (!isObject(o)) return { what: "other", fingerprint: "invalid" };
  const type = o.output_type;
  if (type === "stream") {
    const t = text(o.text);
    return { what: "stream", text: cap(t), fingerprint: `stream:${String(o.name)}:${t}` };
  }
  if (type === "error") {
    const t = [`${text(o.ename)}: ${text(o.evalue)}`, ...(Array.isArray(o.traceback) ? o.traceback.map(text) : [])].join("\n");
    return { what: "error", text: cap(t), fingerprint: `error:${t}` };
  }
  if ((type === "execute_result" || type === "display_data") && isObject(o.data)) {
    const data = o.data;
    const image = Object.keys(data).find((k) => k.startsWith("image/"));
    if (image) return { what: "image", fingerprint: `image:${image}:${text(data[image])}` };
    if (data["text/plain"] !== undefined) {
      const t = text(data["text/plain"]);
      return { what: "text/plain", text: cap(t), fingerprint: `plain:${t}` };
    }
    return { what: "other", fingerprint: `other:${JSON.stringify(data)}` };
  }
  return { what: "other", fingerprint: `other:${String(type)}` };
}

function parse(input: unknown, side: string): { cells: Cell[]; metadata: string } {
  let nb = input;
  if (typeof input === "string") {
    if (input.length > MAX_NOTEBOOK_CHARS) throw new AppError("TOO_LARGE", `Notebook ${side} is larger than ${MAX_NOTEBOOK_CHARS} characters.`);
    try {
      nb = JSON.parse(input);
    } catch {
      throw malformed(side, "not JSON");
    }
  }
  if (!isObject(nb)) throw malformed(side, "not a JSON object");
  if (!Array.isArray(nb.cells)) {
    throw malformed(side, Array.isArray(nb.worksheets) ? "nbformat 3 (worksheets) is not supported" : "no cells array");
  }
  if (nb.cells.length > MAX_CELLS) throw new AppError("LIMIT_EXCEEDED", `Notebook ${side} has more than ${MAX_CELLS} cells.`);
  const cells = nb.cells.map((c, i): Cell => {
    if (!isObject(c) || typeof c.cell_type !== "string") throw malformed(side, `cell ${i} has no cell_type`);
    if (c.source !== undefined && typeof c.source !== "string" && !Array.isArray(c.source)) throw malformed(side, `cell ${i} source is not text`);
    return {
      ...(typeof c.id === "string" && c.id !== "" ? { id: c.id } : {}),
      type: c.cell_type,
      source: text(c.source),
      outputs: Array.isArray(c.outputs) ? c.outputs.map(readOutput) : [],
    };
  });
  let metadata = "";
  try { metadata = JSON.stringify(nb.metadata ?? null); } catch { metadata = "unserialisable"; }
  return { cells, metadata };
}

function diffOutputs(a: Output[], b: Output[]): NotebookOutputChange[] {
  const out: NotebookOutputChange[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const oa = a[i];
    const ob = b[i];
    if (oa && ob && oa.fingerprint === ob.fingerprint) continue;
    const what = (ob ?? oa)!.what;
    const kind = !oa ? "added" : !ob ? "removed" : "changed";
    if (what === "image" || (oa && ob && oa.what !== ob.what && (oa.what === "image" || ob.what === "image"))) {
      out.push({ index: i, kind, what: "image", summary: `image ${kind}` });
      continue;
    }
    out.push({
      index: i, kind, what,
      ...(oa?.text !== undefined ? { before: oa.text } : {}),
      ...(ob?.text !== undefined ? { after: ob.text } : {}),
      ...(oa?.text === undefined && ob?.text === undefined ? { summary: `${what} output ${kind}` } : {}),
    });
  }
  return out;
}

function compareCells(a: Cell, b: Cell, ia: number, ib: number, moved: boolean): NotebookCellChange {
  const outputs = diffOutputs(a.outputs, b.outputs);
  const sourceChanged = a.source !== b.source;
  const cellTypeChanged = a.type !== b.type;
  const changed = sourceChanged || cellTypeChanged || outputs.length > 0;
  return {
    kind: changed ? "changed" : moved ? "moved" : "unchanged",
    ...(b.id !== undefined ? { cellId: b.id } : {}),
    cellType: b.type, indexBefore: ia, indexAfter: ib,
    sourceBefore: a.source, sourceAfter: b.source, sourceChanged, cellTypeChanged, outputs,
  };
}

function lone(kind: "added" | "removed", c: Cell, index: number): NotebookCellChange {
  return {
    kind,
    ...(c.id !== undefined ? { cellId: c.id } : {}),
    cellType: c.type,
    ...(kind === "added" ? { indexAfter: index, sourceAfter: c.source } : { indexBefore: index, sourceBefore: c.source }),
    sourceChanged: true, cellTypeChanged: false,
    outputs: c.outputs.map((o, i) => ({ index: i, kind, what: o.what, ...(o.text !== undefined ? (kind === "added" ? { after: o.text } : { before: o.text }) : { summary: `${o.what} ${kind}` }) })),
  };
}

function uniqueIds(cells: Cell[]): boolean {
  const ids = new Set<string>();
  for (const c of cells) {
    if (c.id === undefined || ids.has(c.id)) return false;
    ids.add(c.id);
  }
  return true;
}

/** Matched pairs whose relative order is kept form the longest increasing run; the rest moved. */
function movedSet(pairs: [number, number][]): Set<number> {
  const sorted = pairs.map((p, k) => ({ a: p[0], b: p[1], k })).sort((x, y) => x.a - y.a);
  const aligned = alignSequences(sorted.map((p) => p.b), [...sorted.map((p) => p.b)].sort((x, y) => x - y));
  const kept = new Set<number>();
  for (const seg of aligned) if (seg.kind === "equal") for (let i = seg.aStart; i < seg.aEnd; i++) kept.add(sorted[i]!.k);
  return new Set(sorted.filter((p) => !kept.has(p.k)).map((p) => p.k));
}

/**
 * Cell-aware notebook diff: cells matched by id (nbformat ≥ 4.5, when ids are unique on both
 * sides) or else by aligning source hashes; per cell the source of each side (the UI line-diffs
 * it) and output changes (stream, text/plain, errors; images only as "image changed").
 * Execution counts are ignored: they change on every run.
 */
export function diffNotebooks(aJson: unknown, bJson: unknown): NotebookDiff {
  const a = parse(aJson, "a");
  const b = parse(bJson, "b");
  const cells: NotebookCellChange[] = [];
  const byId = a.cells.length > 0 && b.cells.length > 0 && uniqueIds(a.cells) && uniqueIds(b.cells);
  const pairs: [number, number][] = [];
  const matchedA = new Set<number>();
  const matchedB = new Set<number>();

  if (byId) {
    const posA = new Map(a.cells.map((c, i) => [c.id!, i]));
    b.cells.forEach((c, j) => {
      const i = posA.get(c.id!);
      if (i !== undefined) { pairs.push([i, j]); matchedA.add(i); matchedB.add(j); }
    });
  } else {
    const ids = new Map<string, number>();
    const intern = (c: Cell) => {
      const key = `${c.type}\u0000${c.source}`;
      let id = ids.get(key);
      if (id === undefined) { id = ids.size; ids.set(key, id); }
      return id;
    };
    const seqA = a.cells.map(intern);
    const seqB = b.cells.map(intern);
    for (const seg of alignSequences(seqA, seqB)) {
      const n = Math.min(seg.aEnd - seg.aStart, seg.bEnd - seg.bStart);
      for (let k = 0; k < n; k++) {
        pairs.push([seg.aStart + k, seg.bStart + k]);
        matchedA.add(seg.aStart + k);
        matchedB.add(seg.bStart + k);
      }
    }
    // an unmatched removed cell and an unmatched added cell with the same source: a move
    const freeA = new Map<number, number[]>();
    a.cells.forEach((c, i) => {
      if (matchedA.has(i)) return;
      const id = seqA[i]!;
      freeA.set(id, [...(freeA.get(id) ?? []), i]);
    });
    b.cells.forEach((c, j) => {
      if (matchedB.has(j)) return;
      const i = freeA.get(seqB[j]!)?.shift();
      if (i !== undefined) { pairs.push([i, j]); matchedA.add(i); matchedB.add(j); }
    });
  }

  const moved = movedSet(pairs);
  const byB = new Map<number, NotebookCellChange>();
  pairs.forEach(([i, j], k) => byB.set(j, compareCells(a.cells[i]!, b.cells[j]!, i, j, moved.has(k))));
  const removedAfter = new Map<number, NotebookCellChange[]>(); // keyed by the b index they follow (-1: top)
  const bOfA = new Map(pairs.map(([i, j]) => [i, j]));
  let lastB = -1;
  a.cells.forEach((c, i) => {
    const j = bOfA.get(i);
    if (j !== undefined) { lastB = Math.max(lastB, j); return; }
    removedAfter.set(lastB, [...(removedAfter.get(lastB) ?? []), lone("removed", c, i)]);
  });
  cells.push(...(removedAfter.get(-1) ?? []));
  b.cells.forEach((c, j) => {
    cells.push(byB.get(j) ?? lone("added", c, j));
    cells.push(...(removedAfter.get(j) ?? []));
  });

  const counts = { added: 0, removed: 0, changed: 0, moved: 0, unchanged: 0 };
  for (const c of cells) counts[c.kind]++;
  return { matchedBy: byId ? "id" : "source", cells, counts, metadataChanged: a.metadata !== b.metadata };
}
