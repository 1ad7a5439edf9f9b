import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { DISTINCT_CAP } from "./column-stats-collector";
import { diffCsv } from "./diff-csv";

const csv = (...lines: string[]) => lines.join("\n") + "\n";

describe("diffCsv: keyed", () => {
  const base = csv("customer_id,name,score", "1,Ana,0.5", "2,Bo,0.7", "3,Cy,0.9");

  it("detects an id-like key and reports added, removed and changed rows with cells", () => {
    const head = csv("customer_id,name,score", "1,Ana,0.55", "3,Cy,0.9", "4,Di,0.1");
    const d = diffCsv(base, head);
    expect(d.mode).toBe("keyed");
    expect(d.keyColumn).toBe("customer_id");
    expect(d.counts).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
    expect(d.page.rows).toEqual(expect.arrayContaining([
      { kind: "changed", key: "1", rowBefore: 1, rowAfter: 1, cells: [{ column: "score", before: "0.5", after: "0.55" }] },
      { kind: "added", key: "4", rowAfter: 3, values: { customer_id: "4", name: "Di", score: "0.1" } },
      { kind: "removed", key: "2", rowBefore: 2, values: { customer_id: "2", name: "Bo", score: "0.7" } },
    ]));
  });

  it("treats the same rows in another order as no change", () => {
    const shuffled = csv("customer_id,name,score", "3,Cy,0.9", "1,Ana,0.5", "2,Bo,0.7");
    const d = diffCsv(base, shuffled);
    expect(d.counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 3 });
    expect(d.page.rows).toEqual([]);
  });

  it("uses the key column the caller names", () => {
    const d = diffCsv(base, csv("customer_id,name,score", "1,Ana,0.5", "2,Bo,0.7", "3,Cy,0.9"), { keyColumn: "name" });
    expect(d.keyColumn).toBe("name");
    expect(() => diffCsv(base, base, { keyColumn: "nope" })).toThrow(AppError);
  });

  it("parses quoted fields with embedded newlines, commas, quotes and CRLF", () => {
    const a = 'id,comment\r\n1,"hello, world"\r\n2,"line one\r\nline two"\r\n3,"say ""hi"""\r\n';
    const b = 'id,comment\r\n1,"hello, world"\r\n2,"line one\r\nline 2"\r\n3,"say ""hi"""\r\n';
    const d = diffCsv(a, b);
    expect(d.rowsBefore).toBe(3);
    expect(d.counts).toMatchObject({ changed: 1, unchanged: 2 });
    expect(d.page.rows[0]).toMatchObject({ key: "2", cells: [{ column: "comment", before: "line one\r\nline two", after: "line one\r\nline 2" }] });
  });
});

describe("diffCsv: columns", () => {
  it("reports added, removed and renamed columns and compares only shared ones", () => {
    const a = csv("id,amount,legacy", "1,10,x", "2,20,y", "3,30,z");
    const b = csv("id,amount_eur,region", "1,10,eu", "2,21,us", "3,30,eu");
    const d = diffCsv(a, b);
    expect(d.columns).toEqual([
      { kind: "renamed", before: "amount", after: "amount_eur", indexBefore: 1, indexAfter: 1 },
      { kind: "added", after: "region", indexAfter: 2 },
      { kind: "removed", before: "legacy", indexBefore: 2 },
    ]);
    expect(d.comparedColumns).toEqual(["id", "amount_eur"]);
    expect(d.counts).toMatchObject({ changed: 1, unchanged: 2 });
    expect(d.page.rows[0]!.cells).toEqual([{ column: "amount_eur", before: "20", after: "21" }]);
  });

  it("does not call unrelated columns a rename", () => {
    const d = diffCsv(csv("id,colour", "1,red", "2,blue"), csv("id,weight", "1,3.5", "2,7.25"));
    expect(d.columns.map((c) => c.kind).sort()).toEqual(["added", "removed"]);
  });
});

describe("diffCsv: positional", () => {
  it("aligns rows without a key so an insert is one added row", () => {
    const rows = Array.from({ length: 50 }, (_, i) => `x,${i % 5}`);
    const a = csv("label,bucket", ...rows);
    const b = csv("label,bucket", ...rows.slice(0, 20), "y,9", ...rows.slice(20, 40), ...rows.slice(41));
    const d = diffCsv(a, b);
    expect(d.mode).toBe("positional");
    expect(d.counts).toEqual({ added: 1, removed: 1, changed: 0, unchanged: 49 });
    expect(d.page.rows.find((r) => r.kind === "added")).toMatchObject({ rowAfter: 21, values: { label: "y", bucket: "9" } });
  });

  it("pairs a replaced row as changed", () => {
    // no column is unique (duplicates in both), so rows are aligned by position
    const p = diffCsv(csv("a,b", "1,1", "1,1", "2,2"), csv("a,b", "1,1", "1,5", "2,2"));
    expect(p.mode).toBe("positional");
    expect(p.counts).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 2 });
    expect(p.page.rows[0]).toMatchObject({ kind: "changed", rowBefore: 2, rowAfter: 2, cells: [{ column: "b", before: "1", after: "5" }] });
  });
});

describe("diffCsv: TSV, stats, paging", () => {
  it("detects tabs", () => {
    const d = diffCsv("id\tv\n1\ta,b\n", "id\tv\n1\ta;b\n");
    expect(d.delimiter).toBe("\t");
    expect(d.page.rows[0]!.cells).toEqual([{ column: "v", before: "a,b", after: "a;b" }]);
  });

  it("profiles columns before and after", () => {
    const d = diffCsv(csv("id,x,tag", "1,2,a", "2,4,", "3,6,a"), csv("id,x,tag", "1,2,a", "2,NA,b", "3,10,c"));
    const x = d.stats.find((s) => s.column === "x")!;
    expect(x.before).toMatchObject({ numeric: true, min: 2, max: 6, mean: 4, nulls: 0 });
    expect(x.after).toMatchObject({ numeric: true, min: 2, max: 10, mean: 6, nulls: 1 });
    const tag = d.stats.find((s) => s.column === "tag")!;
    expect(tag.before).toMatchObject({ numeric: false, nulls: 1, distinct: 1 });
    expect(tag.after).toMatchObject({ distinct: 3, distinctAtLeast: false });
  });

  it("caps distinct counts and says so", () => {
    const rows = Array.from({ length: DISTINCT_CAP + 5 }, (_, i) => `${i},v${i}`);
    const d = diffCsv(csv("id,v", ...rows), csv("id,v", ...rows));
    const v = d.stats.find((s) => s.column === "v")!;
    expect(v.before).toMatchObject({ distinct: DISTINCT_CAP, distinctAtLeast: true, rows: DISTINCT_CAP + 5 });
    expect(d.counts.unchanged).toBe(DISTINCT_CAP + 5);
  });

  it("pages changed rows and respects maxRows", () => {
    const a = Array.from({ length: 300 }, (_, i) => `${i},${i}`);
    const b = a.map((r, i) => (i % 2 === 0 ? `${i},${i + 1}` : r));
    const d = diffCsv(csv("id,v", ...a), csv("id,v", ...b), { page: { offset: 10, limit: 5 } });
    expect(d.counts.changed).toBe(150);
    expect(d.page).toMatchObject({ offset: 10, limit: 5, total: 150 });
    expect(d.page.rows.map((r) => r.key)).toEqual(["20", "22", "24", "26", "28"]);
    const capped = diffCsv(csv("id,v", ...a), csv("id,v", ...b), { maxRows: 100 });
    expect(capped.truncated).toBe(true);
    expect(capped.rowsBefore).toBe(100);
    expect(capped.counts.changed).toBe(50);
  });

  it("keeps a hostile __proto__ header as a plain column", () => {
    const d = diffCsv(csv("id,__proto__", "1,a"), csv("id,__proto__", "1,a", "2,b"));
    const added = d.page.rows[0]!;
    expect(Object.getPrototypeOf(added.values)).toBe(Object.prototype);
    expect(added.values).toEqual({ id: "2", ["__proto__"]: "b" });
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it("handles a larger keyed file exactly", () => {
    const n = 20_000;
    const a = Array.from({ length: n }, (_, i) => `${i},"name ${i}",${i * 3}`);
    const b = a.filter((_, i) => i % 1000 !== 7).map((r, i) => (i % 250 === 0 ? r.replace(/,(\d+)$/, ",-1") : r));
    b.push(`${n},"new",0`);
    const d = diffCsv(csv("id,name,v", ...a), csv("id,name,v", ...b.reverse()));
    expect(d.counts).toEqual({ added: 1, removed: 20, changed: 80, unchanged: n - 20 - 80 });
  });
});

describe("diffCsv: byte scanner and deadline", () => {
  it("matches rows whose only difference is quoting, and reads embedded newlines and delimiters", () => {
    const a = 'id,note\n1,plain\n2,"two\nlines, with ""quotes"""\n3,"c"\n';
    const b = 'id,note\n1,"plain"\n2,"two\nlines, with ""quotes"""\n3,"c\r\nd"\n';
    const d = diffCsv(a, b);
    expect(d.rowsBefore).toBe(3);
    expect(d.counts).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 2 });
    expect(d.page.rows).toEqual([{ kind: "changed", key: "3", rowBefore: 3, rowAfter: 3, cells: [{ column: "note", before: "c", after: "c\r\nd" }] }]);
  });

  it("compares reordered columns by name", () => {
    const d = diffCsv(csv("id,a,b", "1,x,y", "2,p,q"), csv("id,b,a", "1,y,x", "2,q,P"));
    expect(d.counts).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 1 });
    expect(d.page.rows[0]!.cells).toEqual([{ column: "a", before: "p", after: "P" }]);
  });

  it("accepts bytes and skips blank lines and a BOM", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const d = diffCsv(enc("\uFEFFid,v\n1,a\n\n2,b\n"), enc("id,v\r\n1,a\r\n2,c\r\n"));
    expect(d.comparedColumns).toEqual(["id", "v"]);
    expect(d.counts).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 1 });
  });

  it("counts a stray quote as a tolerated syntax problem", () => {
    const d = diffCsv('id,v\n1,"a"b\n', "id,v\n1,ab\n");
    expect(d.warnings.join(" ")).toMatch(/syntax problems/);
  });

  it("degrades to a summary when the deadline has passed", () => {
    const rows = Array.from({ length: 100 }, (_, i) => `${i},${i}`);
    const d = diffCsv(csv("id,v", ...rows), csv("id,v", ...rows.slice(1)), { deadlineMs: 0 });
    expect(d.truncated).toBe(true);
    expect(d.reasons.join(" ")).toMatch(/did not finish within 0 ms/);
    expect(d.page.rows).toEqual([]);
  });

  it("profiles an even sample of a large file and says so", () => {
    const rows = Array.from({ length: 45_000 }, (_, i) => `${i},${i % 7}`);
    const d = diffCsv(csv("id,v", ...rows), csv("id,v", ...rows));
    expect(d.warnings.join(" ")).toMatch(/every 3th row \(15000 of 45000\)/);
    expect(d.stats.find((s) => s.column === "v")!.before).toMatchObject({ numeric: true, min: 0, max: 6 });
  });
});
