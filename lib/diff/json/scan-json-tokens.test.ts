import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { TOKEN_CLOSER, TOKEN_MEMBER, TOKEN_OPENER } from "./json-tokens";
import { scanJsonTokens } from "./scan-json-tokens";

const enc = (s: string) => new TextEncoder().encode(s);

/** Token texts and kinds, with no collapsing so every boundary shows. */
function tokens(text: string, collapse = 0): [string, number][] {
  const buf = enc(text);
  const t = scanJsonTokens(buf, "base", collapse);
  return Array.from({ length: t.count }, (_, k) => [new TextDecoder().decode(buf.subarray(t.starts[k], t.starts[k + 1])), t.kinds[k]!]);
}

describe("scanJsonTokens", () => {
  it("cuts after { [ , and before } ] outside strings", () => {
    expect(tokens('{"a":1,"b":[2,3],"c":{}}')).toEqual([
      ["{", TOKEN_OPENER], ['"a":1,', TOKEN_MEMBER], ['"b":[', TOKEN_OPENER], ["2,", TOKEN_MEMBER], ["3", TOKEN_MEMBER],
      ["],", TOKEN_CLOSER], ['"c":{', TOKEN_OPENER], ["}", TOKEN_CLOSER], ["}", TOKEN_CLOSER],
    ]);
  });

  it("ignores brackets, commas and escaped quotes inside strings", () => {
    expect(tokens('["a,]}\\"[{", "\\\\", "\\u005b"]').map(([s]) => s)).toEqual(["[", '"a,]}\\"[{",', ' "\\\\",', ' "\\u005b"', "]"]);
  });

  it("folds small containers into one member token", () => {
    const t = tokens('{"rows":[{"id":1,"v":[1,2]},{"id":2,"v":[]}],"n":2}', 24);
    expect(t).toEqual([
      ["{", TOKEN_OPENER], ['"rows":[', TOKEN_OPENER], ['{"id":1,"v":[1,2]},', TOKEN_MEMBER], ['{"id":2,"v":[]}', TOKEN_MEMBER],
      ["],", TOKEN_CLOSER], ['"n":2', TOKEN_MEMBER], ["}", TOKEN_CLOSER],
    ]);
  });

  it("gives equal ids to equal values whatever the whitespace outside strings or a trailing comma", () => {
    const pretty = scanJsonTokens(enc('{\n  "a": [1, 2],\n  "s": "x  y"\n}\n'), "base", 0);
    const mini = scanJsonTokens(enc('{"a":[1,2],"s":"x  y"}'), "head", 0);
    expect(Array.from(pretty.hashes)).toEqual(Array.from(mini.hashes));
    const spaced = scanJsonTokens(enc('{"s":"x y"}'), "head", 0);
    expect(spaced.hashes[1]).not.toBe(mini.hashes[3]);
  });

  it("handles nested arrays and a scalar document", () => {
    expect(tokens("[[1,[2]],[]]").map(([s]) => s)).toEqual(["[", "[", "1,", "[", "2", "]", "],", "[", "]", "]"]);
    expect(tokens(' "just a string" ')).toEqual([[' "just a string" ', TOKEN_MEMBER]]);
  });

  it.each([
    ["unterminated string", '{"a":"b}'],
    ["mismatched brackets", '{"a":[1}'],
    ["unclosed container", '{"a":[1]'],
    ["stray closer", "[1]]"],
    ["two top-level values", "[1] [2]"],
    ["empty document", "   "],
  ])("rejects %s with MALFORMED_CONTENT", (_, text) => {
    expect(() => scanJsonTokens(enc(text), "head")).toThrow(AppError);
    try {
      scanJsonTokens(enc(text), "head");
    } catch (e) {
      expect((e as AppError).code).toBe("MALFORMED_CONTENT");
      expect((e as AppError).details).toMatchObject({ side: "head" });
    }
  });
});
