// Checkpoints published to a real OCI registry (Debian docker-registry): pushed as signed artifacts with a `seq-<n>`
// tag and a `latest` tag that only moves forward, read back and verified, and enough on their own to detect a
// truncation when the rows and the database's checkpoints are deleted together.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteDb } from "@/test/support/audit/create-sqlite-db";
import { writeAuditConfig, type AuditTestConfig } from "@/test/support/audit/write-audit-config";
import { startRegistry, type RunningRegistry } from "@/test/support/registry/start-registry";

let registry: RunningRegistry;
let database: ReturnType<typeof createSqliteDb>;
let config: AuditTestConfig;
let m: {
  recordAuditEvent: typeof import("../record-audit-event").recordAuditEvent;
  createCheckpoint: typeof import("./create-checkpoint").createCheckpoint;
  runAuditVerification: typeof import("../run-audit-verification").runAuditVerification;
  db: typeof import("@/lib/db").db;
};

const REPO = "kitgate/audit-checkpoints";
const accept = "application/vnd.oci.image.manifest.v1+json";

async function append(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await m.recordAuditEvent({ action: "auth.sign-in", actorId: `local:u${i}`, details: { i } });
}

async function manifest(tag: string): Promise<{ status: number; json: { artifactType?: string; annotations?: Record<string, string>; layers?: { mediaType: string }[] } | null }> {
  const res = await fetch(`${registry.url}/v2/${REPO}/manifests/${tag}`, { headers: { accept } });
  return { status: res.status, json: res.ok ? await res.json() : null };
}

beforeAll(async () => {
  registry = await startRegistry({ mode: "anonymous" });
  database = createSqliteDb();
  config = writeAuditConfig({ signingKey: true, repository: `vault/${REPO}`, registries: `  - { name: vault, url: "${registry.url}" }` });
  process.env.DATABASE_URL = database.url;
  process.env.KITGATE_CONFIG = config.configPath;
  m = {
    recordAuditEvent: (await import("../record-audit-event")).recordAuditEvent,
    createCheckpoint: (await import("./create-checkpoint")).createCheckpoint,
    runAuditVerification: (await import("../run-audit-verification")).runAuditVerification,
    db: (await import("@/lib/db")).db,
  };
}, 60_000);

afterAll(async () => {
  await m?.db.$disconnect();
  database?.cleanup();
  config?.cleanup();
  await registry?.stop();
});

describe("audit checkpoints in a registry repository", () => {
  it("pushes each checkpoint as a signed artifact tagged seq-<n>, and moves latest forward", async () => {
    await append(4);
    const first = await m.createCheckpoint();
    expect(first.published).toEqual(["registry:4"]);
    await append(3);
    const second = await m.createCheckpoint();
    expect(second.published).toEqual(["registry:7"]);
    const row = await m.db.auditCheckpoint.findUnique({ where: { seq: 7 } });
    expect(row?.registryRef).toMatch(new RegExp(`^vault/${REPO}@sha256:[0-9a-f]{64}$`));

    const latest = await manifest("latest");
    expect(latest.json).toMatchObject({
      artifactType: "application/vnd.kitgate.audit-checkpoint.v1+json",
      annotations: { "dev.kitgate.audit.seq": "7" },
      layers: [{ mediaType: "application/vnd.dsse.envelope.v1+json" }],
    });
    expect((await manifest("seq-000000000004")).status).toBe(200);

    const verified = await m.runAuditVerification({ mode: "incremental", background: false });
    expect(verified).toMatchObject({ ok: true, mode: "incremental", checkpoint: { seq: 7 } });
    expect(verified.checkpoint!.sources.sort()).toEqual(["database", "registry"]);
  });

  it("rows and database checkpoints deleted together: the registry's checkpoint still names the truncation", async () => {
    const raw = new Database(database.file);
    raw.exec(`DELETE FROM "AuditEvent" WHERE seq > 5; DELETE FROM "AuditCheckpoint";`);
    raw.close();
    const result = await m.runAuditVerification({ mode: "incremental", background: false });
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([expect.objectContaining({ reason: "truncated", seq: 6, toSeq: 7 })]);
    expect(result.checkpoint).toMatchObject({ seq: 7, sources: ["registry"] });
    // and Kitgate refuses to sign over the gap
    expect((await m.createCheckpoint()).skipped).toMatch(/^not signed: /);
  });
});
