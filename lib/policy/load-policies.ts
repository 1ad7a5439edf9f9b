import "server-only";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { parsePolicyFiles, type PolicyContext, type PolicyFileInput } from "./parse-policy-files";
import type { PolicySet } from "./types";

/** Policies are hand-written; a file this large is a mistake or an attack on the YAML parser. */
const MAX_POLICY_FILE_BYTES = 256 * 1024;
/** A policy directory holds a handful of files; more suggests the wrong directory was configured. */
const MAX_POLICY_FILES = 64;

const YAML_FILE = /\.ya?ml$/i;

// Keyed by directory: reused while every file's name, mtime and size (and the context) are unchanged, so an
// edited policy takes effect on the next evaluation without a restart.
const memo = new Map<string, { stamp: string; set: PolicySet }>();

/**
 * Reads every `*.yaml`/`*.yml` in `dir` (not recursive, symlinks refused) and returns the validated policy
 * set. Throws CONFIG_INVALID naming the file and key of every problem.
 */
export async function loadPolicies(dir: string, context: PolicyContext): Promise<PolicySet> {
  const abs = path.resolve(dir);
  let names: string[];
  try {
    names = (await readdir(abs, { withFileTypes: true })).filter((d) => YAML_FILE.test(d.name) && !d.isSymbolicLink()).map((d) => d.name).sort();
  } catch (cause) {
    throw new AppError("CONFIG_INVALID", `policies: cannot read directory ${abs}`, { cause, details: { path: abs } });
  }
  if (names.length > MAX_POLICY_FILES) {
    throw new AppError("CONFIG_INVALID", `policies: ${abs} holds ${names.length} policy files (at most ${MAX_POLICY_FILES})`);
  }
  const shown = path.basename(abs);
  const stats = await Promise.all(names.map(async (n) => ({ name: n, st: await stat(path.join(abs, n)) })));
  const files = stats.filter((s) => s.st.isFile());
  const stamp = JSON.stringify([files.map((f) => [f.name, f.st.mtimeMs, f.st.size]), context]);
  const hit = memo.get(abs);
  if (hit && hit.stamp === stamp) return hit.set;

  const inputs: PolicyFileInput[] = [];
  for (const f of files) {
    if (f.st.size > MAX_POLICY_FILE_BYTES) {
      throw new AppError("CONFIG_INVALID", `${shown}/${f.name}: larger than ${MAX_POLICY_FILE_BYTES} bytes`);
    }
    inputs.push({ name: `${shown}/${f.name}`, bytes: await readFile(path.join(abs, f.name)) });
  }
  const set = parsePolicyFiles(inputs, context);
  memo.set(abs, { stamp, set });
  return set;
}
