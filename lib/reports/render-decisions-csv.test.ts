import { describe, expect, it } from "vitest";
import { neutraliseCsvCell } from "./render-decisions-csv";

describe("neutraliseCsvCell (CSV formula injection)", () => {
  it.each([
    "=HYPERLINK(\"http://x\")",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    " =1+1",
    "   +cmd",
    "\t=cmd",
    "\r@SUM(A1)",
    "\n=1",
    "\u00a0=1",
    "\ufeff=1",
    "\t",
    "＝1+1",
  ])("prefixes %j with a quote", (v) => {
    expect(neutraliseCsvCell(v)).toBe(`'${v}`);
  });

  it.each(["metrics fine", "a=b", "1-2", "user@example.com", "", " plain"])("leaves %j alone", (v) => {
    expect(neutraliseCsvCell(v)).toBe(v);
  });
});
