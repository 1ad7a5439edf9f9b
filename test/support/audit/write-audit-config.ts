import { generateKeyPairSync } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface AuditTestConfig {
  dir: string;
  configPath: string;
  privateKeyFile: string;
  publicKeyFile: string;
  checkpointFile: string;
  cleanup: () => void;
}

/**
 * A kitgate.yaml for audit tests in a temp dir: an embedded registry, optionally Kitgate's signing key (ECDSA P-256,
 * like the demo's) and a checkpoint file / repository. Set KITGATE_CONFIG to `configPath` before importing lib code.
 */
export function writeAuditConfig(opts: { signingKey?: boolean; checkpointFile?: boolean; repository?: string; registries?: string; extra?: string } = {}): AuditTestConfig {
  const dir = mkdtempSync(path.join(tmpdir(), "kitgate-audit-cfg-"));
  const privateKeyFile = path.join(dir, "keys", "kitgate.key");
  const publicKeyFile = path.join(dir, "keys", "kitgate.pub");
  const checkpointFile = path.join(dir, "checkpoints", "audit-checkpoints.jsonl");
  mkdirSync(path.join(dir, "keys"));
  mkdirSync(path.join(dir, "layout"));
  if (opts.signingKey !== false) {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    writeFileSync(privateKeyFile, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    writeFileSync(publicKeyFile, publicKey.export({ type: "spki", format: "pem" }));
  }
  const lines = [
    "registries:",
    opts.registries ?? "  - { name: local, layout: ./layout }",
    ...(opts.signingKey !== false ? ["trust:", "  signingKey: { name: kitgate, privateKeyFile: ./keys/kitgate.key }"] : []),
    "audit:",
    "  checkpoints:",
    "    everyRows: 1000000",
    "    everySeconds: 86400",
    ...(opts.checkpointFile ? ["    file: ./checkpoints/audit-checkpoints.jsonl"] : []),
    ...(opts.repository ? [`    repository: ${opts.repository}`] : []),
    ...(opts.extra ? [opts.extra] : []),
  ];
  const configPath = path.join(dir, "kitgate.yaml");
  writeFileSync(configPath, `${lines.join("\n")}\n`);
  return { dir, configPath, privateKeyFile, publicKeyFile, checkpointFile, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
