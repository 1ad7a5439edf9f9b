import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "diff2html";
import { afterAll, describe, expect, it } from "vitest";
import { diffLines } from "./diff-lines";
import { hunkPage } from "./hunk-page";
import { renderUnifiedPatch } from "./render-unified-patch";
import { toHunks } from "./to-hunks";
import type { EditScript } from "./types";

const enc = (s: string) => Buffer.from(s, "utf8");
const dir = mkdtempSync(join(tmpdir(), "kitgate-diff-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(a: Uint8Array, b: Uint8Array): EditScript {
  const r = diffLines(a, b);
  if (r.status !== "ok") throw new Error(r.status);
  return r.script;
}

/** Hunks of a patch from the first @@ on, with git's function-context text after the header dropped. */
function hunkBodies(patch: string): string {
  const at = patch.indexOf("@@");
  return at < 0 ? "" : patch.slice(at).replace(/^(@@ [^@]+ @@).*$/gm, "$1");
}

function gitPatch(a: string, b: string, name: string): string {
  const fa = join(dir, `${name}-a`);
  const fb = join(dir, `${name}-b`);
  writeFileSync(fa, a);
  writeFileSync(fb, b);
  const r = spawnSync("git", ["diff", "--no-index", "--no-color", "--no-ext-diff", fa, fb], { encoding: "utf8" });
  expect(r.status).toBe(1);
  return r.stdout;
}

const numbered = (n: number, tag = "line") => Array.from({ length: n }, (_, i) => `${tag} ${i + 1}\n`);

const fixtures = [
  { name: "one change", a: numbered(10), edit: (l: string[]) => { l[4] = "changed\n"; } },
  { name: "far apart edits make two hunks", a: numbered(40), edit: (l: string[]) => { l[2] = "x\n"; l[30] = "y\n"; } },
  { name: "edits 6 lines apart share a hunk", a: numbered(30), edit: (l: string[]) => { l[5] = "x\n"; l[12] = "y\n"; } },
  { name: "edits 7 lines apart split", a: numbered(30), edit: (l: string[]) => { l[5] = "x\n"; l[13] = "y\n"; } },
  { name: "insert at top, delete at end", a: numbered(12), edit: (l: string[]) => { l.unshift("first\n"); l.pop(); } },
  { name: "block replaced", a: numbered(25), edit: (l: string[]) => { l.splice(8, 4, "p\n", "q\n"); } },
  { name: "missing final newline", a: numbered(5), edit: (l: string[]) => { l[4] = "end"; } },
  { name: "CRLF line", a: numbered(6), edit: (l: string[]) => { l[2] = "line 3\r\n"; } },
  { name: "file emptied", a: numbered(3), edit: (l: string[]) => { l.length = 0; } },
];

describe("renderUnifiedPatch", () => {
  it.each(fixtures)("matches git diff --no-index hunks: $name", ({ name, a, edit }) => {
    const bLines = a.slice();
    edit(bLines);
    const textA = a.join("");
    const textB = bLines.join("");
    const ours = renderUnifiedPatch(script(enc(textA), enc(textB)), enc(textA), enc(textB), { oldPath: name, newPath: name });
    expect(hunkBodies(ours)).toBe(hunkBodies(gitPatch(textA, textB, name.replace(/\W+/g, "-"))));
  });

  it("parses with diff2html, with line counts equal to the diff stats", () => {
    const a = enc(numbered(200).join(""));
    const bLines = numbered(200);
    bLines[10] = "ten\n";
    bLines.splice(100, 3);
    bLines.splice(150, 0, "new a\n", "new b\n");
    const b = enc(bLines.join(""));
    const s = script(a, b);
    const [file, ...rest] = parse(renderUnifiedPatch(s, a, b, { oldPath: "data/x.csv", newPath: "data/x.csv" }));
    expect(rest).toHaveLength(0);
    expect(file!.newName).toBe("data/x.csv");
    expect(file!.blocks).toHaveLength(toHunks(s).length);
    expect(file!.addedLines).toBe(s.stats.added);
    expect(file!.deletedLines).toBe(s.stats.removed);
  });

  it("renders only the requested page of hunks", () => {
    const a = enc(numbered(300).join(""));
    const bLines = numbered(300);
    for (let i = 5; i < 300; i += 30) bLines[i] = `edit ${i}\n`;
    const b = enc(bLines.join(""));
    const s = script(a, b);
    const hunks = toHunks(s);
    expect(hunks).toHaveLength(10);
    const page = parse(renderUnifiedPatch(s, a, b, { hunks, offset: 4, limit: 3 }))[0]!;
    expect(page.blocks.map((blk) => blk.oldStartLine)).toEqual(hunks.slice(4, 7).map((h) => h.aStart + 1));
    expect(renderUnifiedPatch(s, a, b, { hunks, offset: 10, limit: 3 })).toBe("");
  });

  it("escapes control characters in paths so a hostile name cannot forge patch lines", () => {
    const a = enc("x\n");
    const b = enc("y\n");
    const patch = renderUnifiedPatch(script(a, b), a, b, { oldPath: "evil\n+++ b/etc/passwd", newPath: "ok" });
    expect(patch.split("\n").filter((l) => l.startsWith("+++"))).toEqual(["+++ b/ok"]);
    expect(patch).toContain("evil\\x0a+++ b/etc/passwd");
  });

  it("uses /dev/null for a side that does not exist", () => {
    const b = enc("new\n");
    const patch = renderUnifiedPatch(script(enc(""), b), enc(""), b, { oldPath: null, newPath: "added.txt" });
    expect(patch).toContain("--- /dev/null\n+++ b/added.txt\n@@ -0,0 +1 @@\n+new\n");
    expect(parse(patch)[0]!.isNew).toBeTruthy();
  });
});

describe("hunkPage", () => {
  const a = enc(numbered(100).join(""));
  const bLines = numbered(100);
  bLines[9] = "line 10\r\n";
  bLines[49] = "changed 50\n";
  bLines[99] = "last";
  const b = enc(bLines.join(""));
  const s = script(a, b);

  it("pages hunks and reports totals over all of them", () => {
    const first = hunkPage(s, a, b, { offset: 0, limit: 2 });
    expect(first.totalHunks).toBe(3);
    expect(first.hunks).toHaveLength(2);
    expect(first.totalLines).toBe(toHunks(s).reduce((n, h) => n + h.lineCount, 0));
    expect(first.hunks.reduce((n, h) => n + h.lines.length, 0)).toBe(first.hunks.reduce((n, h) => n + h.hunk.lineCount, 0));
    const rest = hunkPage(s, a, b, { offset: 2, limit: 2 });
    expect(rest.hunks).toHaveLength(1);
    expect(rest.hunks[0]!.header).toBe("@@ -97,4 +97,4 @@");
  });

  it("returns line texts without terminators, with line numbers and the terminator kind", () => {
    const [crlf, mid, last] = hunkPage(s, a, b, { limit: 10 }).hunks;
    expect(crlf!.lines.filter((l) => l.kind !== "context")).toEqual([
      { kind: "removed", text: "line 10", aLine: 10, eol: "lf" },
      { kind: "added", text: "line 10", bLine: 10, eol: "crlf" },
    ]);
    expect(mid!.lines.find((l) => l.kind === "added")).toEqual({ kind: "added", text: "changed 50", bLine: 50, eol: "lf" });
    expect(mid!.lines[0]).toEqual({ kind: "context", text: "line 47", aLine: 47, bLine: 47, eol: "lf" });
    expect(last!.lines.at(-1)).toEqual({ kind: "added", text: "last", bLine: 100, eol: "none" });
  });

  it("rejects a negative offset", () => {
    expect(() => hunkPage(s, a, b, { offset: -1 })).toThrow(TypeError);
  });
});
