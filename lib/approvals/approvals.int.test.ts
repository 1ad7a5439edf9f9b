// The approval workflow end to end against a real `docker-registry` (no referrers API) and a real SQLite database:
// promotion by retag and by cross-repository copy (attestations along), the signed decision, revocation, the
// drift alarm after an outside retag, and 200 simultaneous approvals of one request.
import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import { buffer } from "node:stream/consumers";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOciContext } from "@/lib/oci/client/create-oci-context";
import type { OciContext } from "@/lib/oci/client/types";
import { pushManifest } from "@/lib/oci/client/push-manifest";
import { fetchManifest } from "@/lib/oci/client/fetch-manifest";
import { createSqliteDb } from "@/test/support/audit/create-sqlite-db";
import { writeDemoData } from "@/test/support/fixtures/modelkits";
import { copyLayoutToRegistry } from "@/test/support/registry/copy-layout-to-registry";
import { REGISTRY_USERS, startRegistry, type RunningRegistry } from "@/test/support/registry/start-registry";

type Actor = import("@/lib/access/actor").Actor;
type Mods = {
  requestPromotion: typeof import("@/lib/data/request-promotion").requestPromotion;
  decideApproval: typeof import("@/lib/data/decide-approval").decideApproval;
  revokeApproval: typeof import("@/lib/data/revoke-approval").revokeApproval;
  promoteApproval: typeof import("@/lib/data/promote-approval").promoteApproval;
  getEnvironmentMatrix: typeof import("@/lib/data/get-environment-matrix").getEnvironmentMatrix;
  getDeployStatus: typeof import("@/lib/data/get-deploy-status").getDeployStatus;
  listApprovals: typeof import("@/lib/data/list-approvals").listApprovals;
  getRegistries: typeof import("@/lib/registry/get-registries").getRegistries;
  verifyDsse: typeof import("@/lib/attest/verify-dsse").verifyDsse;
  toTrustKey: typeof import("@/lib/attest/to-trust-key").toTrustKey;
  verifyStoredAuditChain: typeof import("@/lib/audit/verify-stored-audit-chain").verifyStoredAuditChain;
  db: typeof import("@/lib/db").db;
};

let registry: RunningRegistry;
let dir: string;
let ctx: OciContext;
let m: Mods;
let database: ReturnType<typeof createSqliteDb>;
let publicKeyPem: string;
let makeActor: (id: string, groups: string[]) => Actor;
let hookServer: Server;
const hooks: { event: string; data: Record<string, unknown> }[] = [];
const gate = async () => ({ passed: true, policyDigest: "sha256:" + "ab".repeat(32) });
const REPO = "demo/fraud-detection";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kitgate-approvals-"));
  const layout = path.join(dir, "layout");
  await writeDemoData(layout);
  registry = await startRegistry({ mode: "basic" });
  ctx = createOciContext({ url: registry.url, auth: { type: "basic", username: "alice", password: REGISTRY_USERS.alice.password } });
  await copyLayoutToRegistry(layout, ctx);

  hookServer = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      hooks.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, "127.0.0.1", resolve));
  const hookUrl = `http://127.0.0.1:${(hookServer.address() as { port: number }).port}/hook`;
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  await mkdir(path.join(dir, "keys"));
  await writeFile(path.join(dir, "keys", "kitgate.key"), privateKey.export({ type: "pkcs8", format: "pem" }));
  publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  await writeFile(
    path.join(dir, "kitgate.yaml"),
    [
      "registries:",
      "  - name: acme",
      `    url: ${registry.url}`,
      "    auth: { type: basic, usernameEnv: APPROVALS_TEST_USER, passwordEnv: APPROVALS_TEST_PASS }",
      "cache: { dir: ./cache, maxBytes: 1073741824 }",
      "trust:",
      "  signingKey: { name: kitgate, privateKeyFile: ./keys/kitgate.key }",
      "environments:",
      "  - { name: staging, promotion: { tag: staging } }",
      "  - { name: production, after: staging, approvals: 2, approverGroups: [managers, cto], promotion: { repository: 'prod/{repository}', tag: production } }",
      "  - { name: load, approvals: 3 }",
      "webhooks:",
      `  - { url: "${hookUrl}", secretEnv: APPROVALS_HOOK_SECRET, events: [request, decision, promotion, revocation, drift] }`,
      "",
    ].join("\n"),
  );
  database = createSqliteDb();
  Object.assign(process.env, {
    KITGATE_CONFIG: path.join(dir, "kitgate.yaml"),
    DATABASE_URL: database.url,
    APPROVALS_TEST_USER: "alice",
    APPROVALS_TEST_PASS: REGISTRY_USERS.alice.password,
    APPROVALS_HOOK_SECRET: "approvals-hook-secret",
  });
  const { resolveGrants } = await import("@/lib/access/resolve-grants");
  const rules = [
    { group: "data-scientists", role: "contributor" as const, scope: "acme/*" },
    { group: "managers", role: "approver" as const, scope: "acme/*" },
    { group: "cto", role: "approver" as const, scope: "acme/*" },
    { group: "load", role: "approver" as const, scope: "acme/*" },
  ];
  makeActor = (id, groups) => ({ id, name: id.replace(/^\w+:/, ""), kind: "user", groups, access: { grants: resolveGrants(rules, { kind: "user", id, groups }) } });
  m = {
    requestPromotion: (await import("@/lib/data/request-promotion")).requestPromotion,
    decideApproval: (await import("@/lib/data/decide-approval")).decideApproval,
    revokeApproval: (await import("@/lib/data/revoke-approval")).revokeApproval,
    promoteApproval: (await import("@/lib/data/promote-approval")).promoteApproval,
    getEnvironmentMatrix: (await import("@/lib/data/get-environment-matrix")).getEnvironmentMatrix,
    getDeployStatus: (await import("@/lib/data/get-deploy-status")).getDeployStatus,
    listApprovals: (await import("@/lib/data/list-approvals")).listApprovals,
    getRegistries: (await import("@/lib/registry/get-registries")).getRegistries,
    verifyDsse: (await import("@/lib/attest/verify-dsse")).verifyDsse,
    toTrustKey: (await import("@/lib/attest/to-trust-key")).toTrustKey,
    verifyStoredAuditChain: (await import("@/lib/audit/verify-stored-audit-chain")).verifyStoredAuditChain,
    db: (await import("@/lib/db")).db,
  };
}, 120_000);

afterAll(async () => {
  await m?.db.$disconnect();
  await registry?.stop();
  hookServer?.close();
  database?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const scientist = () => makeActor("oidc:scientist", ["data-scientists"]);
const manager = () => makeActor("oidc:manager", ["managers"]);
const cto = () => makeActor("oidc:cto", ["cto"]);
const source = async () => (await m.getRegistries()).get("acme")!;
const resolveTag = async (repo: string, tag: string) => (await (await source()).resolve(repo, tag)).digest;

describe("promotion by tag in the same repository", () => {
  let digest100: string;
  let digest110: string;

  it("request → approve → promoted: the staging tag resolves to the approved digest", async () => {
    digest100 = await resolveTag(REPO, "1.0.0");
    const req = await m.requestPromotion(scientist(), { ref: `acme/${REPO}:1.0.0`, environment: "staging", comment: "baseline" }, { gate });
    expect(req).toMatchObject({ state: "awaiting-approval", digest: digest100, approvalsRequired: 1 });
    const waiting = await m.listApprovals(manager(), { waitingForMe: true });
    expect(waiting.items.map((i) => i.id)).toContain(req.id);

    const done = await m.decideApproval(manager(), { id: req.id, decision: "approve", comment: "looks good" });
    expect(done).toMatchObject({ state: "promoted", lastError: null });
    expect(await resolveTag(REPO, "staging")).toBe(digest100);
    const status = await m.getDeployStatus(scientist(), { ref: `acme/${REPO}:1.0.0`, environment: "staging" });
    expect(status).toMatchObject({ state: "promoted", mayDeploy: true, approvals: 1 });
  });

  it("publishes a signed approval statement as a referrer of the digest (fallback index on distribution 2.8)", async () => {
    const src = await source();
    const referrers = await src.listReferrers(REPO, digest100, "application/vnd.dsse.envelope.v1+json");
    const signed = [];
    for (const r of referrers) {
      const manifest = JSON.parse(Buffer.from((await src.getManifest(REPO, r.digest)).bytes).toString("utf8"));
      if (manifest.annotations?.["dev.kitgate.approved-for"] !== "staging") continue;
      const envelope = await buffer(await src.getBlob(REPO, manifest.layers[0]));
      signed.push(envelope);
    }
    expect(signed).toHaveLength(1);
    const outcome = m.verifyDsse(signed[0]!, [m.toTrustKey("kitgate", publicKeyPem)], digest100);
    expect(outcome).toMatchObject({ status: "verified" });
    const statement = JSON.parse(Buffer.from(JSON.parse(signed[0]!.toString("utf8")).payload, "base64").toString("utf8"));
    expect(statement.predicateType).toBe("https://kitgate.dev/approval/v1");
    // and where cosign-based admission controllers (Kyverno, policy-controller) look: the `.att` tag
    const att = JSON.parse(Buffer.from((await src.getManifest(REPO, `${digest100.replace(":", "-")}.att`)).bytes).toString("utf8"));
    expect(att.layers).toEqual([expect.objectContaining({ mediaType: "application/vnd.dsse.envelope.v1+json", annotations: { predicateType: "https://kitgate.dev/approval/v1" } })]);
    const attEnvelope = await buffer(await src.getBlob(REPO, att.layers[0]));
    expect(m.verifyDsse(attEnvelope, [m.toTrustKey("kitgate", publicKeyPem)], digest100)).toMatchObject({ status: "verified" });
    expect(statement.subject[0].digest.sha256).toBe(digest100.slice(7));
    expect(statement.predicate).toMatchObject({
      environment: "staging",
      decision: "promoted",
      approvers: [{ id: "oidc:manager", subject: "manager", groups: ["managers"], comment: "looks good" }],
      requester: { id: "oidc:scientist", comment: "baseline" },
    });
  });

  it("refuses self-approval with a clear message", async () => {
    const lead = makeActor("oidc:lead", ["data-scientists", "managers"]);
    const req = await m.requestPromotion(lead, { ref: `acme/${REPO}:1.1.0`, environment: "staging" }, { gate });
    await expect(m.decideApproval(lead, { id: req.id, decision: "approve" })).rejects.toThrow(/no self-approval/);
    await m.decideApproval(manager(), { id: req.id, decision: "reject", comment: "not yet" });
  });

  it("an idempotency key returns the same request instead of a second one", async () => {
    const a = await m.requestPromotion(scientist(), { ref: `acme/${REPO}:1.1.0`, environment: "staging", idempotencyKey: "ci-run-42" }, { gate });
    const b = await m.requestPromotion(scientist(), { ref: `acme/${REPO}:1.1.0`, environment: "staging", idempotencyKey: "ci-run-42" }, { gate });
    expect(b.id).toBe(a.id);
    digest110 = a.digest;
    expect(digest110).not.toBe(digest100);
    await expect(m.requestPromotion(scientist(), { ref: `acme/${REPO}:1.1.0`, environment: "staging" }, { gate })).rejects.toThrow(/already has an open request/);
  });

  it("revocation moves the staging tag back to the previously promoted digest", async () => {
    const open = await m.listApprovals(manager(), { waitingForMe: true, environment: "staging" });
    const req = open.items.find((i) => i.digest === digest110)!;
    expect((await m.decideApproval(manager(), { id: req.id, decision: "approve" })).state).toBe("promoted");
    expect(await resolveTag(REPO, "staging")).toBe(digest110);

    const revoked = await m.revokeApproval(cto(), { id: req.id, reason: "bad eval" });
    expect(revoked).toMatchObject({ state: "revoked", reason: "bad eval", lastError: null });
    expect(await resolveTag(REPO, "staging")).toBe(digest100);
    const matrix = await m.getEnvironmentMatrix(manager(), { registry: "acme", repository: REPO });
    expect(matrix.environments.find((e) => e.environment === "staging")).toMatchObject({ approvedDigest: digest100, currentDigest: digest100, drift: false });
  });

  it("raises the drift alarm after someone retags outside Kitgate", async () => {
    const other = await fetchManifest(ctx, REPO, "1.1.0");
    await pushManifest(ctx, REPO, "staging", other.bytes, other.descriptor.mediaType);
    const matrix = await m.getEnvironmentMatrix(manager(), { registry: "acme", repository: REPO });
    expect(matrix.environments.find((e) => e.environment === "staging")).toMatchObject({ approvedDigest: digest100, currentDigest: digest110, drift: true });
    // audited once, however often the matrix is looked at
    await m.getEnvironmentMatrix(scientist(), { registry: "acme", repository: REPO });
    const drift = await m.db.auditEvent.findMany({ where: { action: "drift.detected" } });
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatchObject({ environment: "staging", repository: `acme/${REPO}`, target: `acme/${REPO}:staging@${digest110}` });
  });
});

describe("webhooks", () => {
  it("announced request, decision, promotion, revocation and drift to the configured receiver", async () => {
    await expect.poll(() => new Set(hooks.map((h) => h.event)), { timeout: 30_000 }).toEqual(new Set(["request", "decision", "promotion", "revocation", "drift"]));
    const drift = hooks.find((h) => h.event === "drift")!;
    expect(drift.data).toMatchObject({ environment: "staging", repository: `acme/${REPO}` });
  });
});

describe("deploy status before any request", () => {
  it("reports scan-passed or quarantined from the environment's gate, and never may-deploy", async () => {
    const ref = `acme/${REPO}:1.1.0`;
    const passed = await m.getDeployStatus(scientist(), { ref, environment: "production" }, { gate: async () => ({ passed: true }) });
    expect(passed).toMatchObject({ state: "scan-passed", mayDeploy: false, approvals: 0, approvalsRequired: 2, request: null });
    const failed = await m.getDeployStatus(scientist(), { ref, environment: "production" }, { gate: async () => ({ passed: false }) });
    expect(failed).toMatchObject({ state: "quarantined", mayDeploy: false });
  });
});

describe("promotion by copy into an environment repository", () => {
  it("needs two approvers from the allowed groups, then copies the kit and its attestations into prod/…", async () => {
    const src = await source();
    const digest = await resolveTag(REPO, "1.1.0");
    const before = await src.listReferrers(REPO, digest);
    expect(before.length).toBeGreaterThan(0);

    const req = await m.requestPromotion(scientist(), { ref: `acme/${REPO}:1.1.0`, environment: "production" }, { gate });
    const outsider = makeActor("oidc:loader", ["load"]);
    // the queue shows it only to approvers the environment accepts
    expect((await m.listApprovals(outsider, { waitingForMe: true })).items.map((i) => i.id)).not.toContain(req.id);
    expect((await m.listApprovals(cto(), { waitingForMe: true })).items.map((i) => i.id)).toContain(req.id);
    await expect(m.decideApproval(outsider, { id: req.id, decision: "approve" })).rejects.toThrow(/managers or cto/);
    const first = await m.decideApproval(manager(), { id: req.id, decision: "approve" });
    expect(first).toMatchObject({ state: "awaiting-approval", approvals: 1 });
    const second = await m.decideApproval(cto(), { id: req.id, decision: "approve" });
    expect(second.state).toBe("promoted");

    expect(await resolveTag(`prod/${REPO}`, "production")).toBe(digest);
    const copied = await src.listReferrers(`prod/${REPO}`, digest);
    for (const r of before) expect(copied.map((c) => c.digest)).toContain(r.digest);
    // plus the signed decision itself
    expect(copied.length).toBe(before.length + 1);
    const matrix = await m.getEnvironmentMatrix(scientist(), { registry: "acme", repository: REPO });
    expect(matrix.environments.find((e) => e.environment === "production")).toMatchObject({
      target: { repository: `prod/${REPO}`, tag: "production" },
      approvedDigest: digest,
      drift: false,
    });
  });
});

describe("recovery when the promotion fails after the decision", () => {
  it("stays approved with the error, and the retry action promotes once the cause is fixed", async () => {
    const key = path.join(dir, "keys", "kitgate.key");
    const req = await m.requestPromotion(scientist(), { ref: `acme/${REPO}:1.0.0`, environment: "production" }, { gate });
    await m.decideApproval(manager(), { id: req.id, decision: "approve" });
    await rename(key, `${key}.away`);
    let failed;
    try {
      failed = await m.decideApproval(cto(), { id: req.id, decision: "approve" });
    } finally {
      await rename(`${key}.away`, key);
    }
    expect(failed.state).toBe("approved");
    expect(failed.lastError).toMatch(/signingKey kitgate: cannot read/);
    expect((await m.getDeployStatus(scientist(), { ref: `acme/${REPO}:1.0.0`, environment: "production" })).mayDeploy).toBe(false);

    const retried = await m.promoteApproval(manager(), { id: req.id });
    expect(retried).toMatchObject({ state: "promoted", lastError: null });
    expect(retried.promotions.map((p) => p.status)).toEqual(["failed", "succeeded"]);
    expect(await resolveTag(`prod/${REPO}`, "production")).toBe(req.digest);
  });
});

describe("concurrency", () => {
  it("200 simultaneous approvals of one request (3 needed): exactly one transition and exactly 3 decisions", async () => {
    const req = await m.requestPromotion(scientist(), { ref: `acme/${REPO}:1.0.0`, environment: "load" }, { gate });
    const approvers = Array.from({ length: 200 }, (_, i) => makeActor(`oidc:approver-${i}`, ["load"]));
    const results = await Promise.allSettled(approvers.map((a) => m.decideApproval(a, { id: req.id, decision: "approve" }, { promote: false })));
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(3);
    for (const f of failed) expect((f.reason as { status?: number }).status).toBe(409);

    const row = await m.db.approvalRequest.findUniqueOrThrow({ where: { id: req.id }, include: { decisions: true } });
    expect(row).toMatchObject({ state: "approved", version: 3 });
    expect(row.decisions).toHaveLength(3);
    const audit = await m.db.auditEvent.findMany({ where: { action: { in: ["approval.decision", "approval.transition"] }, environment: "load" } });
    expect(audit.filter((a) => a.action === "approval.decision")).toHaveLength(3);
    expect(audit.filter((a) => a.action === "approval.transition")).toHaveLength(1);
    expect(await m.verifyStoredAuditChain()).toMatchObject({ ok: true });
  }, 300_000);
});
