import { MAX_JSON_DEPTH } from "./limits";

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; reason: string };

/** JSON.parse plus a nesting cap, checked iteratively (a recursive walk would itself overflow on hostile input). */
export function parseJsonCapped(text: string, maxDepth: number = MAX_JSON_DEPTH): JsonParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not JSON (${e instanceof Error ? e.message.slice(0, 120) : "parse error"})` };
  }
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth > maxDepth) return { ok: false, reason: `JSON nests deeper than ${maxDepth} levels` };
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return { ok: true, value };
}
