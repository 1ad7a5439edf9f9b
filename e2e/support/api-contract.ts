// Both e2e servers run with KITGATE_VALIDATE_RESPONSES=1 and append one line per /api/v1 response to this log
// (lib/http/check-response.ts): whatever the browser and the specs provoke is checked against the OpenAPI contract.
// A violation already fails the request that caused it (a 500 naming it); the teardown fails the run as well, so a
// violation in a background fetch whose test did not look is not lost.
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

export const API_CONTRACT_LOG = path.resolve("data/e2e-api-contract.jsonl");
export const contractEnv = { KITGATE_VALIDATE_RESPONSES: "1", KITGATE_VALIDATE_RESPONSES_LOG: API_CONTRACT_LOG };

interface Check {
  operationId: string | null;
  method: string;
  path: string;
  status: number;
  problems: string[];
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  rmSync(API_CONTRACT_LOG, { force: true });
  return async function globalTeardown() {
    const checks: Check[] = existsSync(API_CONTRACT_LOG)
      ? readFileSync(API_CONTRACT_LOG, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Check)
      : [];
    const bad = checks.filter((c) => c.problems.length > 0 || c.operationId === null);
    const operations = new Set(checks.map((c) => c.operationId));
    console.log(`[contract] e2e: ${checks.length} /api/v1 responses checked (${checks.filter((c) => c.status < 300).length} successes) across ${operations.size} operations`);
    if (bad.length > 0) {
      throw new Error(`API contract violations:\n${bad.map((c) => `${c.method} ${c.path} → ${c.status}: ${c.problems.join("; ") || "no endpoint"}`).join("\n")}`);
    }
  };
}
