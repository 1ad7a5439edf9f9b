// Payloads of the escaping fixture, shared by the fixture writer and e2e/diff-escaping.spec.ts (plain data:
// the spec must not import the server-only writer).
export const ESCAPE_REPO = "e2e/escape";
export const PAYLOADS = {
  script: "<script>alert(1)</script>",
  img: "<img src=x onerror=alert(1)>",
  attr: `" onmouseover="alert(1)`,
} as const;
/** File names carry payloads too; none contains "/" so each stays one name inside `src`. */
export const HOSTILE_FILE = `src/${PAYLOADS.img}.txt`;
export const QUOTED_FILE = `src/say "hi" & 'bye'.md`;

