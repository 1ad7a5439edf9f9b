import "server-only";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { AppError } from "@/lib/errors";
import { configFileSchema, type ConfigFile } from "./config-schema";
import type { KitgateConfig, RegistryConfig, RemoteAuth } from "./types";
import { formatZodIssue } from "@/lib/validations/format-zod-issue";

/** A config file is hand-written YAML; anything this large is a mistake (or an attack on the YAML parser). */
const MAX_CONFIG_BYTES = 1024 * 1024;

const DEFAULT_CONFIG_PATH = "./kitgate.yaml";

// Keyed by absolute path; an edited file (new mtime or size) is re-read, an unchanged one is not.
const memo = new Map<string, { mtimeMs: number; size: number; config: KitgateConfig }>();

/**
 * Loads and validates the Kitgate config: `file` or `KITGATE_CONFIG` or `./kitgate.yaml`. Throws
 * CONFIG_INVALID naming the bad key (`registries[1].auth.passwordEnv: required`) or the missing env var.
 */
export async function loadConfig(file?: string): Promise<KitgateConfig> {
  const abs = path.resolve(/* turbopackIgnore: true */ file ?? process.env.KITGATE_CONFIG ?? DEFAULT_CONFIG_PATH);
  let st;
  try {
    st = await stat(/* turbopackIgnore: true */ abs);
  } catch (cause) {
    throw new AppError("CONFIG_INVALID", `config file not found: ${abs}`, { cause, details: { path: abs } });
  }
  const hit = memo.get(abs);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.config;
  if (st.size > MAX_CONFIG_BYTES) {
    throw new AppError("CONFIG_INVALID", `config file ${abs} is larger than ${MAX_CONFIG_BYTES} bytes`);
  }

  const text = await readFile(/* turbopackIgnore: true */ abs, "utf8");
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 100 });
  } catch (cause) {
    throw new AppError("CONFIG_INVALID", `${abs}: not valid YAML: ${(cause as Error).message}`, { cause });
  }
  const parsed = configFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const lines = parsed.error.issues.map(formatZodIssue);
    throw new AppError("CONFIG_INVALID", `${abs}: invalid configuration:\n  ${lines.join("\n  ")}`, {
      details: { path: abs, issues: lines },
    });
  }
  const config = resolveConfig(parsed.data, abs);
  memo.set(abs, { mtimeMs: st.mtimeMs, size: st.size, config });
  return config;
}


function readEnv(variable: string, key: string): string {
  const value = process.env[variable];
  if (value === undefined || value === "") {
    throw new AppError("CONFIG_INVALID", `${key}: environment variable ${variable} is not set`, {
      details: { key, variable },
    });
  }
  return value;
}

function resolveConfig(file: ConfigFile, abs: string): KitgateConfig {
  const dir = path.dirname(abs);
  const at = (p: string) => path.resolve(dir, p);

  const registries: RegistryConfig[] = file.registries.map((r, i) => {
    if (r.layout !== undefined) return { kind: "oci-layout", name: r.name, layout: at(r.layout) };
    const key = `registries[${i}].auth`;
    const a = r.auth ?? { type: "anonymous" as const };
    let auth: RemoteAuth;
    switch (a.type) {
      case "anonymous":
        auth = { type: "anonymous" };
        break;
      case "basic":
        auth = {
          type: "basic",
          username: readEnv(a.usernameEnv, `${key}.usernameEnv`),
          password: readEnv(a.passwordEnv, `${key}.passwordEnv`),
        };
        break;
      case "bearer":
        auth = {
          type: "bearer",
          ...(a.usernameEnv ? { username: readEnv(a.usernameEnv, `${key}.usernameEnv`) } : {}),
          ...(a.passwordEnv ? { password: readEnv(a.passwordEnv, `${key}.passwordEnv`) } : {}),
        };
        break;
      case "token":
        auth = { type: "token", token: readEnv(a.tokenEnv, `${key}.tokenEnv`) };
        break;
    }
    const realmHosts = a.type !== "token" ? a.realmHosts : undefined;
    return {
      kind: "remote",
      name: r.name,
      url: r.url!.replace(/\/+$/, ""),
      auth,
      ...(realmHosts?.length ? { realmHosts: realmHosts.map((h) => h.toLowerCase()) } : {}),
      ...(r.repositories ? { repositories: r.repositories } : {}),
    };
  });

  const config: KitgateConfig = {
    path: abs,
    registries,
    cache: { dir: at(file.cache.dir), maxBytes: file.cache.maxBytes },
    timeouts: {
      requestMs: Math.round((file.timeouts?.requestSeconds ?? 20) * 1000),
      upstreamMs: Math.round((file.timeouts?.upstreamSeconds ?? 10) * 1000),
    },
    reads: { wholeLayerMaxBytes: file.reads?.wholeLayerMaxBytes ?? 64 * 1024 ** 2 },
  };
  if (file.trust) {
    config.trust = {
      ...file.trust,
      ...(file.trust.keys ? { keys: file.trust.keys.map((k) => ({ ...k, publicKeyFile: at(k.publicKeyFile) })) } : {}),
      ...(file.trust.sigstoreTrustedRoot ? { sigstoreTrustedRoot: at(file.trust.sigstoreTrustedRoot) } : {}),
      ...(file.trust.signingKey ? { signingKey: { ...file.trust.signingKey, privateKeyFile: at(file.trust.signingKey.privateKeyFile) } } : {}),
    };
  }
  if (file.auth) {
    const { oidc, ...rest } = file.auth;
    config.auth = rest;
    if (oidc) {
      const { clientSecretEnv, ...o } = oidc;
      config.auth.oidc = {
        ...o,
        ...(clientSecretEnv ? { clientSecret: readEnv(clientSecretEnv, "auth.oidc.clientSecretEnv") } : {}),
      };
    }
  }
  if (file.access) config.access = file.access;
  if (file.policies !== undefined) config.policies = at(file.policies);
  if (file.environments) config.environments = file.environments;
  if (file.trustedProxies) config.trustedProxies = file.trustedProxies;
  if (file.webhooks) {
    config.webhooks = file.webhooks.map((w, i) => ({
      url: w.url,
      secret: readEnv(w.secretEnv, `webhooks[${i}].secretEnv`),
      events: w.events,
    }));
  }
  if (file.audit) {
    const c = file.audit.checkpoints;
    config.audit = {
      fullVerificationEveryMinutes: file.audit.fullVerificationEveryMinutes,
      checkpoints: {
        everyRows: c.everyRows,
        everySeconds: c.everySeconds,
        ...(c.file ? { file: at(c.file) } : {}),
        ...(c.repository ? { repository: c.repository } : {}),
        ...(c.trustedKeys ? { trustedKeys: c.trustedKeys.map(at) } : {}),
      },
    };
  }
  return config;
}
