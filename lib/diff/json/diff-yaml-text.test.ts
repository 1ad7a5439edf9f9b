import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { diffYamlText } from "./diff-yaml-text";

const kitfileA = `manifestVersion: "1.0"
package:
  name: fraud-detection
  authors: [ana, bo]
model:
  path: model.onnx
  parameters:
    threshold: 0.7
`;
const kitfileB = `package:
  authors: [ana, bo, cy]
  name: fraud-detection
manifestVersion: "1.0"
model:
  path: model.onnx
  parameters:
    threshold: 0.8
    calibrated: true
`;

describe("diffYamlText", () => {
  it("diffs two Kitfiles by path, ignoring key order", () => {
    expect(diffYamlText(kitfileA, kitfileB).changes).toEqual([
      { path: "$.package.authors[2]", kind: "added", after: "cy" },
      { path: "$.model.parameters.threshold", kind: "changed", before: 0.7, after: 0.8 },
      { path: "$.model.parameters.calibrated", kind: "added", after: true },
    ]);
  });

  it("rejects an alias bomb instead of expanding it", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++) levels.push(`${"abcdefgh"[i]}: &${"abcdefgh"[i]} [${Array(10).fill(`*${"abcdefgh"[i - 1]}`).join(", ")}]`);
    const bomb = levels.join("\n");
    let error: unknown;
    try {
      diffYamlText(bomb, "a: 1");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("MALFORMED_CONTENT");
  });

  it.each([
    { name: "syntax error", text: "a: [1, 2" },
    { name: "duplicate key", text: "a: 1\na: 2" },
  ])("reports $name as malformed content", ({ text }) => {
    expect(() => diffYamlText(text, "a: 1")).toThrow(AppError);
  });
});
