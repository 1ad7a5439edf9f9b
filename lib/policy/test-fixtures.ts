// Builders shared by the policy tests (imported only from *.test.ts).
import { parsePolicyFiles } from "./parse-policy-files";
import { SCAN_PREDICATE } from "./read-scan-results";
import type { EnvironmentDef, PolicyEvidence, PolicyKitInput, PolicySet } from "./types";

export const ENVIRONMENTS: EnvironmentDef[] = [{ name: "dev" }, { name: "staging", after: "dev" }, { name: "production", after: "staging" }];

export function policySet(files: Record<string, string>, environments: EnvironmentDef[] = ENVIRONMENTS, trustKeys?: string[]): PolicySet {
  return parsePolicyFiles(
    Object.entries(files).map(([name, text]) => ({ name: `policies/${name}`, bytes: new TextEncoder().encode(text) })),
    { environments, ...(trustKeys ? { trustKeys } : {}) },
  );
}

export function kit(over: Partial<PolicyKitInput> = {}): PolicyKitInput {
  return {
    registry: "local",
    repository: "demo/fraud-detection",
    digest: `sha256:${"a".repeat(64)}`,
    tags: ["1.1.0"],
    format: "kit",
    kitfile: { package: { name: "fraud-detection" }, model: { name: "fraud-classifier", framework: "onnx", path: "model/model.onnx" } },
    totalSize: 10_000,
    ...over,
  };
}

let counter = 0;
export function scan(
  over: Partial<PolicyEvidence> = {},
  body: { tools?: string[]; findings?: { id: string; severity: string }[]; metrics?: { name: string; passed?: boolean; value?: number; threshold?: number; comparator?: string }[]; finishedOn?: string } = {},
): PolicyEvidence {
  counter++;
  const tools = body.tools ?? ["modelscan"];
  return {
    id: `att-${counter}`,
    predicateType: SCAN_PREDICATE,
    predicateTypeHint: SCAN_PREDICATE,
    status: "verified",
    statusReason: "verified with key ci-scanner",
    signer: { keyName: "ci-scanner" },
    createdAt: "2026-11-20T12:00:00Z",
    predicate: {
      evaluations: tools.map((name, i) => ({
        tool: { name, version: "1.0" },
        findings: i === 0 ? (body.findings ?? []).map((f) => ({ ...f, message: `${f.id} message`, location: "model/x" })) : [],
        metrics: i === 0 ? (body.metrics ?? []) : [],
        ...(body.finishedOn ? { execution: { startedOn: body.finishedOn, finishedOn: body.finishedOn } } : {}),
      })),
    },
    ...over,
  };
}

export const NOW = new Date("2026-11-25T12:00:00Z");
