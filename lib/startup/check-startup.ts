import "server-only";
import { mkdir } from "node:fs/promises";

export interface StartupReport {
  /** each one alone stops the process: config, policies, keys, secrets, database */
  problems: string[];
  warnings: string[];
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Everything a Kitgate process needs before it may serve or work: the environment, kitgate.yaml (with every
 * secret it names), the policies, the trust and signing keys, the session secret and a reachable, migrated
 * database. Collects every problem instead of stopping at the first, so one restart shows them all. Reusable by
 * any process (web via instrumentation.ts, the worker, scripts); modules are imported lazily so a broken
 * environment is reported rather than thrown at import time.
 */
export async function checkStartup(): Promise<StartupReport> {
  const problems: string[] = [];
  const warnings: string[] = [];
  let env: typeof import("@/lib/env").env;
  try {
    env = (await import("@/lib/env")).env;
  } catch (e) {
    return { problems: [message(e)], warnings };
  }

  try {
    const { resolveAuthSecret } = await import("@/lib/auth/resolve-auth-secret");
    resolveAuthSecret(env);
  } catch (e) {
    problems.push(`session secret: ${message(e)}`);
  }

  const { loadConfig } = await import("@/lib/config/load-config");
  const config = await loadConfig().catch((e: unknown) => {
    problems.push(`config: ${message(e)}`);
    return null;
  });
  if (config) {
    const { loadTrust } = await import("@/lib/attest/load-trust");
    await loadTrust(config).catch((e: unknown) => problems.push(`trust: ${message(e)}`));
    if (config.trust?.signingKey) {
      const { loadSigningKey } = await import("@/lib/approvals/sign-statement");
      await loadSigningKey(config.trust.signingKey).catch((e: unknown) => problems.push(`trust: ${message(e)}`));
    }
    if (config.policies) {
      const { loadPolicies } = await import("@/lib/policy/load-policies");
      const environments = (config.environments ?? []).map((e) => ({ name: e.name, ...(e.after ? { after: e.after } : {}) }));
      await loadPolicies(config.policies, { environments, trustKeys: (config.trust?.keys ?? []).map((k) => k.name) }).catch((e: unknown) =>
        problems.push(`policies: ${message(e)}`),
      );
    }
    await mkdir(config.cache.dir, { recursive: true }).catch((e: unknown) => problems.push(`cache.dir: cannot create ${config.cache.dir}: ${message(e)}`));
  }

  try {
    const { db, dbFlavour } = await import("@/lib/db");
    const { checkDatabaseSchema } = await import("./check-database-schema");
    const schema = await checkDatabaseSchema(db, dbFlavour);
    problems.push(...schema.problems);
    warnings.push(...schema.warnings);
  } catch (e) {
    problems.push(`database: ${message(e)}`);
  }
  return { problems, warnings };
}

/**
 * Runs the checks and, when any fails, prints them and ends the process with exit code 1 before it listens or
 * takes jobs (a server that starts anyway answers 500 on every route while a health check says ok).
 */
export async function assertStartup(processName: string): Promise<void> {
  const report = await checkStartup();
  for (const w of report.warnings) console.warn(`[kitgate] warning: ${w}`);
  if (report.problems.length === 0) return;
  console.error(
    `\n[kitgate] ${processName} cannot start, ${report.problems.length} problem(s):\n` +
      report.problems.map((p) => `  - ${p.replaceAll("\n", "\n    ")}`).join("\n") +
      "\n",
  );
  process.exit(1);
}
