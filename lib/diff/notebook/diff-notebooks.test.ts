import { describe, expect, it } from "vitest";
import { diffNotebooks } from "./diff-notebooks";

type C = { id?: string; cell_type: string; source: string | string[]; outputs?: unknown[] };
const nb = (cells: C[], metadata: unknown = { kernelspec: { name: "python3" } }) =>
  JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata, cells: cells.map((c) => ({ metadata: {}, ...c })) });
const code = (id: string | undefined, source: string, outputs: unknown[] = []): C =>
  ({ ...(id ? { id } : {}), cell_type: "code", source: source.split(/(?<=\n)/), outputs });
const md = (id: string | undefined, source: string): C => ({ ...(id ? { id } : {}), cell_type: "markdown", source });
const stream = (t: string) => ({ output_type: "stream", name: "stdout", text: [t] });
const png = (data: string) => ({ output_type: "display_data", data: { "image/png": data, "text/plain": ["<Figure>"] }, metadata: {} });

describe("diffNotebooks", () => {
  it("matches cells by id and reports source, output, added, removed and moved cells", () => {
    const a = nb([md("t", "# Title"), code("load", "df = load()\n", [stream("10 rows\n")]), code("plot", "plot(df)", [png("AAA")]), code("old", "x = 1")]);
    const b = nb([md("t", "# Title"), code("plot", "plot(df)", [png("BBB")]), code("load", "df = load(limit=5)\n", [stream("5 rows\n")]), code("new", "y = 2")]);
    const d = diffNotebooks(a, b);
    expect(d.matchedBy).toBe("id");
    const byId = Object.fromEntries(d.cells.map((c) => [c.cellId, c]));
    expect(byId.t!.kind).toBe("unchanged");
    expect(byId.load).toMatchObject({ kind: "changed", sourceChanged: true, sourceBefore: "df = load()\n", sourceAfter: "df = load(limit=5)\n" });
    expect(byId.load!.outputs).toEqual([{ index: 0, kind: "changed", what: "stream", before: "10 rows\n", after: "5 rows\n" }]);
    expect(byId.plot!.outputs).toEqual([{ index: 0, kind: "changed", what: "image", summary: "image changed" }]);
    expect(byId.old!.kind).toBe("removed");
    expect(byId.new!.kind).toBe("added");
    expect(d.counts).toEqual({ added: 1, removed: 1, changed: 2, moved: 0, unchanged: 1 });
  });

  it("reports a moved cell whose content is unchanged", () => {
    const a = nb([code("1", "a"), code("2", "b"), code("3", "c")]);
    const b = nb([code("3", "c"), code("1", "a"), code("2", "b")]);
    const d = diffNotebooks(a, b);
    expect(d.cells.map((c) => [c.cellId, c.kind])).toEqual([["3", "moved"], ["1", "unchanged"], ["2", "unchanged"]]);
  });

  it("aligns by source when cells have no ids (nbformat < 4.5), ignoring execution counts", () => {
    const a = nb([code(undefined, "import pandas"), code(undefined, "train()"), code(undefined, "evaluate()")]);
    const b = JSON.parse(nb([code(undefined, "import pandas"), md(undefined, "Now train"), code(undefined, "train()"), code(undefined, "evaluate(k=5)")]));
    b.cells[0].execution_count = 42;
    const d = diffNotebooks(a, JSON.stringify(b));
    expect(d.matchedBy).toBe("source");
    expect(d.cells.map((c) => c.kind)).toEqual(["unchanged", "added", "unchanged", "changed"]);
    expect(d.cells[3]).toMatchObject({ sourceBefore: "evaluate()", sourceAfter: "evaluate(k=5)" });
  });

  it("notices notebook metadata changes", () => {
    expect(diffNotebooks(nb([]), nb([], { kernelspec: { name: "julia" } })).metadataChanged).toBe(true);
  });

  it.each([
    ["not JSON", "{"],
    ["not an object", "[1,2]"],
    ["no cells", JSON.stringify({ nbformat: 4 })],
    ["nbformat 3", JSON.stringify({ nbformat: 3, worksheets: [] })],
    ["cell without type", JSON.stringify({ cells: [{ source: "x" }] })],
    ["source of wrong type", JSON.stringify({ cells: [{ cell_type: "code", source: { evil: true } }] })],
  ])("rejects a malformed notebook: %s", (_, bad) => {
    expect(() => diffNotebooks(nb([]), bad)).toThrow(expect.objectContaining({ code: "MALFORMED_CONTENT" }));
  });

  it("tolerates hostile outputs without crashing", () => {
    const a = nb([code("1", "x", [null, 5, { output_type: "stream", text: 7 }, { output_type: "display_data", data: { "__proto__": "x" } }])]);
    const d = diffNotebooks(a, a);
    expect(d.counts.unchanged).toBe(1);
  });
});
