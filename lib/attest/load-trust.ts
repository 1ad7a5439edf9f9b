import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { KitgateConfig } from "@/lib/config/types";
import { AppError } from "@/lib/errors";
import { parseJsonCapped } from "./parse-json-capped";
import { toTrustKey } from "./to-trust-key";
import type { TrustKey, TrustMaterial } from "./trust-types";

/** A PEM public key is well under 4 KiB and a trusted_root.json well under 1 MiB; anything bigger is not one. */
const MAX_KEY_FILE_BYTES = 64 * 1024;
const MAX_TRUSTED_ROOT_BYTES = 4 * 1024 * 1024;

/**
 * The organisation's trust material from the config: `trust.keys` (PEM public keys, paths already absolute) and the
 * optional offline `trust.sigstoreTrustedRoot` (relative to the config file). Files are re-read per call: they are small,
 * and a rotated key must take effect without a restart. A broken entry is a config error naming the key.
 */
export async function loadTrust(config: Pick<KitgateConfig, "path" | "trust">): Promise<TrustMaterial> {
  const keys: TrustKey[] = [];
  for (const [i, entry] of (config.trust?.keys ?? []).entries()) {
    try {
      const pem = await readFile(entry.publicKeyFile);
      if (pem.length > MAX_KEY_FILE_BYTES) throw new Error("file is too large for a public key");
      keys.push(toTrustKey(entry.name, pem.toString("utf8")));
    } catch (e) {
      throw new AppError("CONFIG_INVALID", `trust.keys[${i}] (${entry.name}): cannot read a public key from ${entry.publicKeyFile}`, { cause: e });
    }
  }
  let sigstoreTrustedRoot: unknown = null;
  const rootPath = config.trust?.sigstoreTrustedRoot;
  if (rootPath !== undefined) {
    if (typeof rootPath !== "string" || !rootPath) throw new AppError("CONFIG_INVALID", "trust.sigstoreTrustedRoot must be a file path");
    const abs = path.resolve(path.dirname(config.path), rootPath);
    const text = await readFile(abs).catch((e) => {
      throw new AppError("CONFIG_INVALID", `trust.sigstoreTrustedRoot: cannot read ${abs}`, { cause: e });
    });
    const json = text.length <= MAX_TRUSTED_ROOT_BYTES ? parseJsonCapped(text.toString("utf8")) : { ok: false as const, reason: "too large" };
    if (!json.ok) throw new AppError("CONFIG_INVALID", `trust.sigstoreTrustedRoot: ${abs} is not a trusted_root.json`);
    sigstoreTrustedRoot = json.value;
  }
  return { keys, sigstoreTrustedRoot, notationTrustStore: false };
}
