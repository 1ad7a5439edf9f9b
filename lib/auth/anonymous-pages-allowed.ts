import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

let memo: { file: string; mtimeMs: number; allowed: boolean } | null = null;

/**
 * Whether kitgate.yaml grants anything to anonymous visitors, for proxy.ts's redirect decision only (the
 * data layer decides access). Read directly because proxy must not pull in the server-only config loader;
 * any error means "no", which at worst shows the sign-in page to someone who could have browsed.
 */
export function anonymousPagesAllowed(configPath: string): boolean {
  const file = path.resolve(configPath);
  try {
    const { mtimeMs } = statSync(file);
    if (memo && memo.file === file && memo.mtimeMs === mtimeMs) return memo.allowed;
    const raw = parse(readFileSync(file, "utf8"), { maxAliasCount: 100 }) as { access?: unknown } | null;
    const allowed = Array.isArray(raw?.access) && raw.access.some((g) => g !== null && typeof g === "object" && (g as { anonymous?: unknown }).anonymous === true);
    memo = { file, mtimeMs, allowed };
    return allowed;
  } catch {
    return false;
  }
}
