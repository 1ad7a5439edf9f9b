// Test fixture (imported by tests only): a realistic evidence input with a seeded approval and audit rows.
import { hashAuditRow } from "@/lib/audit/hash-audit-row";
import { GENESIS_HASH, type ChainedAuditRow } from "@/lib/audit/types";
import type { EvidenceInput } from "./build-evidence-pack";

export const FIXTURE_DIGEST = `sha256:${"ab12".repeat(16)}`;

export function evidenceFixture(): EvidenceInput {
  const first = {
    seq: 1,
    at: new Date("2026-11-27T10:00:00.000Z"),
    actorId: "oidc:dana-sub",
    actorName: "Dana Scientist",
    action: "approval.request",
    target: `local/demo/fraud-detection@${FIXTURE_DIGEST}`,
    repository: "local/demo/fraud-detection",
    environment: "production",
    ip: null,
    userAgent: null,
    details: { comment: "ready for prod" },
    prevHash: GENESIS_HASH,
  };
  const h1 = hashAuditRow(first);
  const second = { ...first, seq: 2, at: new Date("2026-11-27T11:00:00.000Z"), actorId: "oidc:mia-sub", actorName: "Mia Manager", action: "approval.decision", details: { decision: "approve" }, prevHash: h1 };
  const auditRows: ChainedAuditRow[] = [
    { ...first, id: "a1", hash: h1 },
    { ...second, id: "a2", hash: hashAuditRow(second) },
  ];
  return {
    generatedAt: new Date("2026-11-27T12:00:00.000Z"),
    generatedBy: { id: "local:ada", name: "Ada Auditor" },
    modelKit: {
      reference: `local/demo/fraud-detection@${FIXTURE_DIGEST}`,
      registry: "local",
      repository: "demo/fraud-detection",
      digest: FIXTURE_DIGEST,
      tags: ["1.0.0"],
      view: {
        format: "kit",
        manifestDigest: FIXTURE_DIGEST,
        mediaType: "application/vnd.oci.image.manifest.v1+json",
        artifactType: null,
        config: { mediaType: "application/vnd.kitops.modelkit.config.v1+json", digest: `sha256:${"c".repeat(64)}`, size: 100 },
        kitfile: {
          manifestVersion: "1.0.0",
          package: { name: "fraud-detection", version: "1.0.0", authors: ["Dana Scientist"], description: "Card fraud model" },
          model: { name: "fraud-xgb", path: "model.joblib", framework: "xgboost" },
          datasets: [{ path: "data/train.csv" }],
        },
        kitfileSource: "config",
        layers: [],
        entries: [],
        parent: null,
        annotations: {},
        cliVersion: null,
        created: "2026-11-26T09:00:00Z",
        totalSize: 12345,
        indexEntries: [],
        modelCard: null,
        kitRejections: [],
        warnings: [],
      },
    },
    attestations: [],
    policy: [{ environment: "staging", error: "no policies configured" }],
    approvals: [
      {
        id: "req-1",
        environment: "production",
        state: "promoted",
        requesterId: "oidc:dana-sub",
        requesterName: "Dana Scientist",
        comment: "ready for prod",
        reason: null,
        approvalsRequired: 1,
        policyDigest: `sha256:${"d".repeat(64)}`,
        createdAt: new Date("2026-11-27T10:00:00.000Z"),
        decisions: [
          {
            approverId: "oidc:mia-sub",
            approverName: "Mia Manager",
            approverSubject: "mia-sub",
            approverGroups: ["managers"],
            decision: "approve",
            comment: "metrics look fine",
            at: new Date("2026-11-27T11:00:00.000Z"),
          },
        ],
        promotions: [
          {
            kind: "promote",
            targetRepository: "demo/fraud-detection",
            tag: "production",
            digest: FIXTURE_DIGEST,
            previousDigest: null,
            status: "succeeded",
            error: null,
            statementDigest: null,
            at: new Date("2026-11-27T11:00:05.000Z"),
          },
        ],
      },
    ],
    auditRows,
    chain: { ok: true, mode: "full", checked: 2, lastHash: auditRows[1]!.hash!, head: { seq: 2, hash: auditRows[1]!.hash! }, findings: [], checkpoint: null },
  };
}
